import { parseCommandArgs } from '../node/commandArgs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { plainLines } from '../core/printable';
import { MAX_SCOPE_FILE_CHARS } from '../core/scope/scopeParser';
import { importScope, moreLeftOut } from '../core/scopeImport/scopeImport';
import { sizeOverLimit } from '../core/text';
import { UsageError } from '../node/usageError';
import { OUTPUT_OPTION, outputOption, writeOutput, type CommandResult } from './output';

/**
 * `import FILE.md [--output FILE]`: the scope file a Markdown scope document makes, on stdout or in FILE; what was
 * left out, on stderr, one line each. Exit 1 when something that may have held a category, products or axes was left out.
 */
export function importCommand(args: readonly string[], cwd: string): CommandResult {
  const { values, positionals } = parseCommandArgs(args, OUTPUT_OPTION);
  if (positionals.length !== 1) throw new UsageError('import takes one Markdown file.');
  return writeOutput(importDocument(positionals, cwd), { ...outputOption(values.output, cwd), folder: cwd });
}

function importDocument(positionals: readonly string[], cwd: string): CommandResult {
  const file = path.resolve(cwd, positionals[0]);
  // Refused by its size before it is read: the importer would refuse it anyway.
  const size = fs.statSync(file).size;
  const result =
    size > MAX_SCOPE_FILE_CHARS * 4
      ? { ok: false as const, message: `The document is ${sizeOverLimit(size, MAX_SCOPE_FILE_CHARS)} for scope documents.` }
      : importScope(fs.readFileSync(file, 'utf8'));
  if (!result.ok) return { stdout: '', stderr: plainLines([`${positionals[0]}: ${result.message}`]), exitCode: 2 };
  const skipped = result.skipped.map((s) => `${positionals[0]}:${s.replace(/^line /, '')}`);
  const unlisted = result.skippedCount - result.skipped.length;
  if (unlisted > 0) skipped.push(`${positionals[0]}: ${moreLeftOut(unlisted)}`);
  return { stdout: result.yaml, stderr: plainLines(skipped), exitCode: result.lostCount > 0 ? 1 : 0 };
}
