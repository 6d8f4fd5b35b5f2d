import * as path from 'node:path';
import { localDay, readDay } from '../core/dates';
import { changeMarkdown } from '../core/history/changeMarkdown';
import { plainLines } from '../core/printable';
import { annotationsRoot } from '../node/check';
import { compareRefs, DiffRefused } from '../node/compareRefs';
import { diffGithub, diffJson, diffText, pointName } from '../node/diffReport';
import { parseCommandArgs } from '../node/commandArgs';
import { UsageError } from '../node/usageError';
import { isDirectory } from '../node/workspace';
import { OUTPUT_OPTION, outputOption, writeOutput, type CommandResult } from './output';

const FORMATS = ['text', 'json', 'markdown', 'github'] as const;
type DiffFormat = (typeof FORMATS)[number];

export interface DiffOptions {
  readonly base?: string;
  /** A ref; the working tree when absent. */
  readonly head?: string;
  readonly folder: string;
  readonly format: DiffFormat;
  readonly output?: string;
  readonly asOf: string;
  readonly cwd: string;
}

/**
 * `diff [BASE] [HEAD] [FOLDER] [--format F] [-o FILE] [--as-of DAY]`, as options. An argument that names an existing
 * folder is FOLDER (the last argument only); the others are refs, BASE then HEAD.
 */
export function parseDiffArgs(args: readonly string[], cwd: string): DiffOptions {
  const { values, positionals } = parseCommandArgs(args, {
    ...OUTPUT_OPTION,
    format: { type: 'string', default: 'text' },
    'as-of': { type: 'string' },
  });
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be text, json, markdown or github, not "${format}".`);
  }
  const last = positionals.at(-1);
  const folder = last !== undefined && isDirectory(path.resolve(cwd, last)) ? path.resolve(cwd, last) : undefined;
  const refs = folder === undefined ? positionals : positionals.slice(0, -1);
  if (refs.length > 2) throw new UsageError(`diff takes at most two refs and a folder, not ${positionals.length} arguments.`);
  for (const ref of refs) {
    if (ref.startsWith('-')) throw new DiffRefused(`"${ref}" is not taken as a ref: a ref cannot start with "-".`);
  }
  const asOf = values['as-of'];
  const day = asOf === undefined ? localDay() : readDay(asOf)?.day;
  if (day === undefined) throw new UsageError(`--as-of must be a day, YYYY-MM-DD, not "${asOf}".`);
  return {
    ...(refs[0] !== undefined ? { base: refs[0] } : {}),
    ...(refs[1] !== undefined ? { head: refs[1] } : {}),
    folder: folder ?? cwd,
    format: format as DiffFormat,
    ...outputOption(values.output, cwd),
    asOf: day,
    cwd,
  };
}

/** How the competitive picture changed from BASE to HEAD: exit 0, or 2 for a ref or a scope that cannot be read. */
export async function diff(options: DiffOptions): Promise<CommandResult> {
  const compared = await compareRefs(options);
  if (!compared.ok) return { stdout: '', stderr: compared.stderr, exitCode: 2 };
  const { picture, base, head, notesRoot } = compared;
  const files = { notesRoot, shownFrom: options.format === 'github' ? annotationsRoot(options.folder, options.cwd) : options.folder };
  const text =
    options.format === 'json'
      ? diffJson(picture, base, head, files)
      : options.format === 'github'
        ? diffGithub(picture, base, head, files)
        : options.format === 'markdown'
          ? changeMarkdown(picture, { base: pointName(base), head: pointName(head) })
          : diffText(picture, base, head);
  return writeOutput({ stdout: text, stderr: compared.warnings, exitCode: 0 }, options);
}

/** `diff` as the command line runs it: a refused ref or a missing BASE is one line on stderr, exit 2. */
export async function diffCommand(args: readonly string[], cwd: string): Promise<CommandResult> {
  try {
    return await diff(parseDiffArgs(args, cwd));
  } catch (error) {
    if (!(error instanceof DiffRefused)) throw error;
    return { stdout: '', stderr: plainLines([`competitor-scope: ${error.message}`]), exitCode: 2 };
  }
}
