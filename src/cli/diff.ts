import * as path from 'node:path';
import { localDay, readDay } from '../core/dates';
import { changeMarkdown } from '../core/history/changeMarkdown';
import { comparePictures } from '../core/history/pictureChange';
import type { NoteIndex } from '../core/index/noteIndex';
import { plainLines } from '../core/printable';
import { noGitDates } from '../git/gitDates';
import { commitOf, defaultBase, inRepository, isShallow } from '../git/gitRefs';
import { annotationsRoot } from '../node/check';
import { loadCommit, type ScopePlace } from '../node/commitWorkspace';
import { diffGithub, diffJson, diffText, pointName, type ComparedPoint } from '../node/diffReport';
import { parseCommandArgs } from '../node/commandArgs';
import { UsageError } from '../node/usageError';
import { invalidScopeLines, isDirectory, loadWorkspace, locateScope, outsideWarnings, shownPath } from '../node/workspace';
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

/** A line a person reads and exit 2: a ref that is refused or names nothing, a clone without BASE. */
class DiffRefused extends Error {}

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
  const { scopePath, notesRoot } = locateScope(options.folder, undefined);
  const place: ScopePlace = { scopePath, notesRoot, under: path.relative(notesRoot, options.folder).split(path.sep).join('/') };
  if (!(await inRepository(notesRoot))) throw new DiffRefused(`${notesRoot} is not in a git repository: there is no history to compare.`);
  const base = await basePoint(notesRoot, options.base);
  const head: ComparedPoint =
    options.head === undefined ? { ref: 'the working tree', commit: null } : await namedPoint(notesRoot, options.head, 'HEAD');
  const before = await commitIndex(place, base, options);
  if (!before.ok) return before.failed;
  const after = head.commit === null ? await treeIndex(options) : await commitIndex(place, head, options);
  if (!after.ok) return after.failed;
  const picture = comparePictures(before.index, after.index);
  const files = { notesRoot, shownFrom: options.format === 'github' ? annotationsRoot(options.folder, options.cwd) : options.folder };
  const text =
    options.format === 'json'
      ? diffJson(picture, base, head, files)
      : options.format === 'github'
        ? diffGithub(picture, base, head, files)
        : options.format === 'markdown'
          ? changeMarkdown(picture, { base: pointName(base), head: pointName(head) })
          : diffText(picture, base, head);
  return writeOutput({ stdout: text, stderr: after.warnings ?? '', exitCode: 0 }, options);
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

async function basePoint(cwd: string, ref: string | undefined): Promise<ComparedPoint> {
  if (ref !== undefined) return namedPoint(cwd, ref, 'BASE');
  const found = await defaultBase(cwd);
  if (found) return found;
  if (await isShallow(cwd)) throw new DiffRefused(shallowMessage('HEAD~1'));
  throw new DiffRefused('HEAD has no parent commit to compare with: name BASE (a branch, a tag or a commit).');
}

async function namedPoint(cwd: string, ref: string, which: 'BASE' | 'HEAD'): Promise<ComparedPoint> {
  const commit = await commitOf(cwd, ref);
  if (commit !== undefined) return { ref, commit };
  if (await isShallow(cwd)) throw new DiffRefused(shallowMessage(ref));
  throw new DiffRefused(`${which} "${ref}" names no commit in this repository.`);
}

function shallowMessage(ref: string): string {
  return `"${ref}" is not in this clone, which is shallow: fetch the whole history (actions/checkout with fetch-depth: 0).`;
}

/** A point's index; the working tree's with its warnings (links out of the folder, not followed). */
type Loaded = { ok: true; index: NoteIndex; warnings?: string } | { ok: false; failed: CommandResult };

async function commitIndex(place: ScopePlace, point: ComparedPoint, options: DiffOptions): Promise<Loaded> {
  const loaded = await loadCommit(place, point.commit!, options.asOf);
  if (loaded.ok) return loaded;
  const file = shownPath(options.folder, place.scopePath);
  const lines =
    'missing' in loaded
      ? [`competitor-scope: ${pointName(point)} has no ${file}: there is no scope to compare with.`]
      : loaded.problems.map(
          (p) =>
            `${file} at ${pointName(point)}:${p.range.start.line + 1}:${p.range.start.character + 1}: error invalid-scope ${p.message}`,
        );
  return { ok: false, failed: { stdout: '', stderr: plainLines(lines), exitCode: 2 } };
}

/** The working tree, read as `check` reads it; dated, as the commits are, by the notes' own dates. */
async function treeIndex(options: DiffOptions): Promise<Loaded> {
  const workspace = await loadWorkspace({ folder: options.folder, asOf: options.asOf, git: noGitDates });
  if (workspace.ok) return { ok: true, index: workspace.index, warnings: outsideWarnings(workspace) };
  return { ok: false, failed: { stdout: '', stderr: invalidScopeLines(options.folder, workspace), exitCode: 2 } };
}
