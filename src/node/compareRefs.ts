import * as path from 'node:path';
import { comparePictures, type PictureChange } from '../core/history/pictureChange';
import type { NoteIndex } from '../core/index/noteIndex';
import { plainLines } from '../core/printable';
import { noGitDates } from '../git/gitDates';
import { commitOf, defaultBase, inRepository, isShallow } from '../git/gitRefs';
import { loadCommit, type ScopePlace } from './commitWorkspace';
import { pointName, type ComparedPoint } from './diffReport';
import { invalidScopeLines, loadWorkspace, locateScope, outsideWarnings, shownPath } from './workspace';

/** A line a person reads: a ref that is refused or names nothing, a clone without BASE. */
export class DiffRefused extends Error {}

/** What to compare: BASE (HEAD's parent, or the default branch's merge base, when absent) and HEAD (the working tree when absent). */
export interface RefsToCompare {
  readonly folder: string;
  readonly base?: string;
  readonly head?: string;
  /** The day ages are evaluated on, at both points. */
  readonly asOf: string;
}

/** The change from BASE to HEAD, or what stderr says of a point that cannot be read (printable lines). */
export type ComparedRefs =
  | {
      readonly ok: true;
      readonly picture: PictureChange;
      readonly base: ComparedPoint;
      readonly head: ComparedPoint;
      readonly notesRoot: string;
      /** Links out of the folder, not followed, in the working tree. */
      readonly warnings: string;
    }
  | { readonly ok: false; readonly stderr: string };

/**
 * How the competitive picture changed between two points of the folder's history, each read as `check` reads the working
 * tree (a commit from git's objects only), as `diff` and the agents' get_changes ask. Throws DiffRefused for a refused ref.
 */
export async function compareRefs(options: RefsToCompare): Promise<ComparedRefs> {
  const { scopePath, notesRoot } = locateScope(options.folder, undefined);
  const place: ScopePlace = { scopePath, notesRoot, under: path.relative(notesRoot, options.folder).split(path.sep).join('/') };
  if (!(await inRepository(notesRoot))) throw new DiffRefused(`${notesRoot} is not in a git repository: there is no history to compare.`);
  const base = await basePoint(notesRoot, options.base);
  const head: ComparedPoint =
    options.head === undefined ? { ref: 'the working tree', commit: null } : await namedPoint(notesRoot, options.head, 'HEAD');
  const before = await commitIndex(place, base, options);
  if (!before.ok) return before;
  const after = head.commit === null ? await treeIndex(options) : await commitIndex(place, head, options);
  if (!after.ok) return after;
  return { ok: true, picture: comparePictures(before.index, after.index), base, head, notesRoot, warnings: after.warnings ?? '' };
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
type Loaded = { ok: true; index: NoteIndex; warnings?: string } | { ok: false; stderr: string };

async function commitIndex(place: ScopePlace, point: ComparedPoint, options: RefsToCompare): Promise<Loaded> {
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
  return { ok: false, stderr: plainLines(lines) };
}

/** The working tree, read as `check` reads it; dated, as the commits are, by the notes' own dates. */
async function treeIndex(options: RefsToCompare): Promise<Loaded> {
  const workspace = await loadWorkspace({ folder: options.folder, asOf: options.asOf, git: noGitDates });
  if (workspace.ok) return { ok: true, index: workspace.index, warnings: outsideWarnings(workspace) };
  return { ok: false, stderr: invalidScopeLines(options.folder, workspace) };
}
