import { check, parseCheckArgs } from '../node/check';
import { plainLines } from '../core/printable';
import { packageVersion } from '../node/packageRoot';
import { COMMAND_HELP, commandUsage, USAGE } from './usage';
import { UsageError } from '../node/usageError';
import { parseMcpArgs } from './mcpArgs';
import { warnTo, type Command, type Output, type RunMcp } from './commandOutput';

export type { Output, RunMcp } from './commandOutput';

/** A command of the help other than those below, from its own bundle (dist/commands.js) when it runs. */
const loaded =
  (name: string): Command =>
  async (...args) =>
    (await import('./commands')).LOADED_COMMANDS[name](...args);

const COMMANDS: Record<string, Command> = {
  ...Object.fromEntries(Object.keys(COMMAND_HELP).map((name) => [name, loaded(name)])),
  async check(args, cwd, out) {
    const result = await check({ ...parseCheckArgs(args, cwd), warn: warnTo(out) });
    out.stdout(result.output);
    return result.exitCode;
  },
  async mcp(args, cwd, out, runMcp) {
    const options = parseMcpArgs(args, cwd);
    // Loaded only here: the server and its SDK cost the other commands nothing.
    runMcp(options).catch((error: unknown) => {
      out.stderr(plainLines([`competitor-scope mcp: ${errorMessage(error)}`]));
      process.exitCode = 1;
    });
    return 0;
  },
  async help(args, _cwd, out) {
    if (args.length > 1) throw new UsageError(`help takes one command, not ${args.length}.`);
    const [command] = args;
    if (command !== undefined && !Object.hasOwn(COMMAND_HELP, command)) throw new UsageError(`Unknown command "${command}".`);
    out.stdout(`${command === undefined ? USAGE : commandUsage(command)}\n`);
    return 0;
  },
};

/** Runs `competitor-scope ARGS`; returns the exit code. Never throws: a crash would fail a CI job for the wrong reason. */
export async function main(
  argv: readonly string[],
  cwd = process.cwd(),
  out: Output = processOutput,
  runMcp: RunMcp = noMcp,
): Promise<number> {
  const [name, ...args] = argv;
  // Only as the first argument: later, "--help" may be a value (a folder of that name after "--").
  if (name === '-h' || name === '--help') {
    out.stdout(`${USAGE}\n`);
    return 0;
  }
  if (name === '-v' || name === '--version') {
    out.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const command = name === undefined || !Object.hasOwn(COMMANDS, name) ? undefined : COMMANDS[name];
  try {
    if (!command) throw new UsageError(name === undefined ? 'Name a command.' : `Unknown command "${name}".`);
    return await command(args, cwd, out, runMcp);
  } catch (error) {
    const parseArgs = error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
    // Node's argument errors run over several lines; joined, they are one line like every other message.
    const message = parseArgs ? errorMessage(error).replace(/\n/g, ' ') : errorMessage(error);
    // A mistake in the command line gets a pointer to the help it needs, not the whole help.
    const help = `competitor-scope help${command && name !== 'help' ? ` ${name}` : ''}`;
    const hint = error instanceof UsageError || parseArgs ? [`Run "${help}" for the usage.`] : [];
    const lines = error instanceof UsageError ? error.lines : [message];
    out.stderr(plainLines([...lines.map((line) => `competitor-scope: ${line}`), ...hint]));
    return 2;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const noMcp: RunMcp = () => Promise.reject(new Error('this build has no MCP server'));

export const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
