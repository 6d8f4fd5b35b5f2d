import * as fs from 'node:fs';
import * as path from 'node:path';
import { localDay, parseDay } from '../core/evidence/dates';
import { Glob } from '../core/glob';
import { decodeNote } from '../core/notes/decodeNote';
import { NoteIndex } from '../core/notes/noteIndex';
import { SCOPE_FILE_NAME, type ScopeProblem } from '../core/scopeModel';
import { parseScope } from '../core/scopeParser';
import { noGitDates, type GitDates } from '../git/gitDates';
import { nodeGitDates } from '../git/nodeGitDates';
import { findNotes } from './noteFiles';
import { defaultScopePath } from './packageRoot';
import { UsageError } from './usage';

/** A folder's notes analyzed against its scope, as `check` and `matrix` read them. */
export type LoadedWorkspace =
  | { readonly ok: true; readonly index: NoteIndex; readonly scopePath: string; readonly notesRoot: string }
  | { readonly ok: false; readonly problems: readonly ScopeProblem[]; readonly scopePath: string };

/** How `check` and `matrix` read a folder: the scope file, the day ages are evaluated on, and where dates come from. */
export interface LoadOptions {
  readonly folder: string;
  readonly scope?: string;
  /** `YYYY-MM-DD`; today by default. */
  readonly asOf?: string;
  /** Git dates sections without an `As of` line; `--no-git` gives none. */
  readonly git: GitDates;
  /** Where a warning about the reading goes (git's history too large to read whole): stderr by default. */
  readonly warn?: (line: string) => void;
}

/** The options `check` and `matrix` share: the folder, `--scope`, `--as-of` and `--no-git`. */
export const WORKSPACE_OPTIONS = { scope: { type: 'string' }, 'as-of': { type: 'string' }, 'no-git': { type: 'boolean', default: false } } as const;

/** The folder, `--scope`, `--as-of` and `--no-git` as load options. */
export function workspaceOptions(values: { scope?: string; 'as-of'?: string; 'no-git'?: boolean }, positionals: readonly string[], cwd: string): LoadOptions {
  const asOf = values['as-of'];
  if (asOf !== undefined && parseDay(asOf) === undefined) throw new UsageError(`--as-of must be a day, YYYY-MM-DD, not "${asOf}".`);
  return {
    folder: path.resolve(cwd, positionals[0] ?? '.'),
    ...(values.scope !== undefined ? { scope: path.resolve(cwd, values.scope) } : {}),
    ...(asOf !== undefined ? { asOf: parseDay(asOf) } : {}),
    git: values['no-git'] ? noGitDates : nodeGitDates,
  };
}

/** Reads the scope (`--scope`, else FOLDER/competitor-scope.yaml, else the built-in one) and every note it names, dated by git. */
export async function loadWorkspace(options: LoadOptions): Promise<LoadedWorkspace> {
  const { folder } = options;
  if (!isDirectory(folder)) throw new UsageError(`${folder} is not a folder.`);
  const { scopePath, notesRoot } = locateScope(folder, options.scope);
  const parsed = parseScope(fs.readFileSync(scopePath, 'utf8'));
  if (!parsed.ok) return { ok: false, problems: parsed.problems, scopePath };

  const today = options.asOf ?? localDay();
  const index = new NoteIndex(parsed.scope, { today: () => today });
  const notes = findNotes(notesRoot, parsed.scope.notes);
  for (const note of notes) {
    const decoded = readNote(path.join(notesRoot, note));
    if (decoded.ok) index.setNote(note, decoded.text);
    else index.setUnreadable(note, decoded.reason);
  }
  const analyzed = notes.filter((note) => index.note(note));
  const { dates, warning } = await options.git.notesDates(notesRoot, new Glob(parsed.scope.notes).base || '.', analyzed, today);
  for (const [note, lineDates] of dates) index.setLineDates(note, lineDates);
  if (warning) (options.warn ?? ((line) => process.stderr.write(line)))(`competitor-scope: warning: ${warning}\n`);
  return { ok: true, index, scopePath, notesRoot };
}

/** An unusable scope file's problems, one `file:line:column: error invalid-scope message` line each, as stderr prints them. */
export function invalidScopeLines(folder: string, workspace: Extract<LoadedWorkspace, { ok: false }>): string {
  const file = shownPath(folder, workspace.scopePath);
  return workspace.problems.map((p) => `${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: error invalid-scope ${p.message}\n`).join('');
}

/** A file as the output shows it: relative to FOLDER, '/'-separated, or absolute when outside it. */
export function shownPath(folder: string, file: string): string {
  const relative = path.relative(folder, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

/**
 * The notes glob is always resolved against FOLDER, whichever scope is read: FOLDER's own scope file, the one
 * given with --scope (a scope shared by several notes repositories), or the built-in one. FOLDER is never ignored.
 */
function locateScope(folder: string, scope: string | undefined): { scopePath: string; notesRoot: string } {
  if (scope !== undefined) {
    if (!fs.existsSync(scope)) throw new UsageError(`The scope file ${scope} does not exist.`);
    return { scopePath: scope, notesRoot: folder };
  }
  const inFolder = path.join(folder, SCOPE_FILE_NAME);
  return { scopePath: fs.existsSync(inFolder) ? inFolder : defaultScopePath(), notesRoot: folder };
}

function readNote(file: string): ReturnType<typeof decodeNote> {
  try {
    return decodeNote(fs.readFileSync(file));
  } catch (error) {
    return { ok: false, reason: `it cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
