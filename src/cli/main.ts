import { battlecard, parseBattlecardArgs } from './battlecard';
import { brief, parseBriefArgs } from './brief';
import { check, parseCheckArgs } from '../node/check';
import { diffCommand } from './diff';
import { importCommand } from './import';
import { initCommand } from './init';
import { matrix, parseMatrixArgs } from './matrix';
import { parseSiteArgs, site } from './site';
import type { McpOptions } from '../node/mcpOptions';
import { parseMcpArgs } from './mcpArgs';
import { plainLines } from '../core/printable';
import { packageVersion } from '../node/packageRoot';
import { writeOutput } from './output';
import { COMMAND_HELP, commandUsage, USAGE } from './usage';
import { UsageError } from '../node/usageError';

/** Where the command line writes; tests pass their own. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A sub-command: its arguments in, its exit code out. */
type Command = (args: readonly string[], cwd: string, out: Output, mcp: RunMcp) => Promise<number>;

/** Starts the MCP server; the entry point loads it only for `mcp`. */
export type RunMcp = (options: McpOptions) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  async check(args, cwd, out) {
    const result = await check({ ...parseCheckArgs(args, cwd), warn: warnTo(out) });
    out.stdout(result.output);
    return result.exitCode;
  },
  async battlecard(args, cwd, out) {
    const options = parseBattlecardArgs(args, cwd);
    return print(writeOutput(await battlecard({ ...options, warn: warnTo(out) }), options), out);
  },
  async matrix(args, cwd, out) {
    const options = parseMatrixArgs(args, cwd);
    return print(writeOutput(await matrix({ ...options, warn: warnTo(out) }), options), out);
  },
  async site(args, cwd, out) {
    return print(await site({ ...parseSiteArgs(args, cwd), warn: warnTo(out) }), out);
  },
  async diff(args, cwd, out) {
    return print(await diffCommand(args, cwd), out);
  },
  async brief(args, cwd, out) {
    const options = parseBriefArgs(args, cwd);
    return print(writeOutput(await brief({ ...options, warn: warnTo(out) }), options), out);
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
  async import(args, cwd, out) {
    return print(importCommand(args, cwd), out);
  },
  async init(args, cwd, out) {
    return print(initCommand(args, cwd), out);
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

/** Warnings about the reading (git's history too large to read whole) go to stderr, as one line each. */
function warnTo(out: Output): (line: string) => void {
  return (line) => out.stderr(line);
}

function print(result: { stdout: string; stderr: string; exitCode: number }, out: Output): number {
  out.stdout(result.stdout);
  out.stderr(result.stderr);
  return result.exitCode;
}

const noMcp: RunMcp = () => Promise.reject(new Error('this build has no MCP server'));

export const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
