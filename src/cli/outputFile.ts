import * as fs from 'node:fs';
import { plainLines } from '../core/printable';
import { shownPath } from '../node/workspace';

/** A command's text on stdout, or written to `-o FILE` with a line on stderr naming it (relative to FOLDER). */
export function printOrWrite(
  text: string,
  output: string | undefined,
  folder: string,
  warnings = '',
): { stdout: string; stderr: string; exitCode: number } {
  if (output === undefined) return { stdout: text, stderr: warnings, exitCode: 0 };
  fs.writeFileSync(output, text);
  return { stdout: '', stderr: `${warnings}${plainLines([`Wrote ${shownPath(folder, output)}`])}`, exitCode: 0 };
}
