import * as fs from 'node:fs';
import * as path from 'node:path';
import { plainLines } from '../core/printable';
import { shownPath } from '../node/workspace';

/** What a command prints, and its exit code. */
export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** `-o FILE` / `--output FILE`, which every command that writes a document takes. */
export const OUTPUT_OPTION = { output: { type: 'string', short: 'o' } } as const;

/** The file `--output` names, relative to the current folder. */
export function outputOption(value: string | undefined, cwd: string): { output?: string } {
  return value === undefined ? {} : { output: path.resolve(cwd, value) };
}

/**
 * The document written to `output` instead of stdout, when it asks and there is one (exit 2 writes nothing), and a
 * line on stderr naming the file, relative to `folder`.
 */
export function writeOutput(result: CommandResult, options: { readonly output?: string; readonly folder: string }): CommandResult {
  const { output } = options;
  if (output === undefined || result.exitCode === 2) return result;
  try {
    fs.writeFileSync(output, result.stdout);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`${output} cannot be written (${code}).`, { cause: error });
  }
  return { ...result, stdout: '', stderr: `${result.stderr}${plainLines([`Wrote ${shownPath(options.folder, output)}`])}` };
}
