import * as fs from 'node:fs';
import * as path from 'node:path';
import { localDay, readDay } from '../core/dates';
import { decodeNote, MAX_NOTE_BYTES, refusedNoteReason } from '../core/notes/decodeNote';
import { NoteIndex } from '../core/index/noteIndex';
import { NotesRule } from '../core/scope/notesRule';
import { plainLines } from '../core/printable';
import { SCOPE_FILE_NAME, type ScopeParseResult, type ScopeProblem } from '../core/scope/scopeModel';
import { MAX_SCOPE_FILE_BYTES, parseScope, refusedScope } from '../core/scope/scopeParser';
import { noGitDates, type GitDates } from '../git/gitDates';
import { nodeGitDates } from '../git/nodeGitDates';
import { readBounded } from './boundedRead';
import { findNotes } from './noteFiles';
import { defaultScopePath } from './packageRoot';
import { realPathWithin } from './realPaths';
import { UsageError } from './usageError';

/** A folder's notes analyzed against its scope, as `check` and `matrix` read them. */
export type LoadedWorkspace =
  | {
      readonly ok: true;
      readonly index: NoteIndex;
      readonly scopePath: string;
      readonly notesRoot: string;
      /** Links to notes or note folders whose real path is outside FOLDER, relative to it: not read (see findNotes). */
      readonly outside: readonly string[];
    }
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
export const WORKSPACE_OPTIONS = {
  scope: { type: 'string' },
  'as-of': { type: 'string' },
  'no-git': { type: 'boolean', default: false },
} as const;

/** The folder, `--scope`, `--as-of` and `--no-git` as load options. */
export function workspaceOptions(
  values: { scope?: string; 'as-of'?: string; 'no-git'?: boolean },
  positionals: readonly string[],
  cwd: string,
): LoadOptions {
  const asOf = values['as-of'];
  const reading = asOf === undefined ? undefined : readDay(asOf);
  if (asOf !== undefined && reading?.day === undefined) {
    throw new UsageError(`--as-of must be a day, YYYY-MM-DD, not "${asOf}"${reading ? `: ${reading.why}` : ''}.`);
  }
  return {
    folder: path.resolve(cwd, positionals[0] ?? '.'),
    ...(values.scope !== undefined ? { scope: path.resolve(cwd, values.scope) } : {}),
    ...(reading?.day !== undefined ? { asOf: reading.day } : {}),
    git: values['no-git'] ? noGitDates : nodeGitDates,
  };
}

/** Reads the scope (`--scope`, else FOLDER/competitor-scope.yaml, else the built-in one) and every note it names, dated by git. */
export async function loadWorkspace(options: LoadOptions): Promise<LoadedWorkspace> {
  const { folder } = options;
  if (!isDirectory(folder)) throw new UsageError(`${folder} is not a folder.`);
  const { scopePath, notesRoot, inFolder } = locateScope(folder, options.scope);
  const parsed = readScope(scopePath, inFolder ? folder : undefined);
  if (!parsed.ok) return { ok: false, problems: parsed.problems, scopePath };

  const today = options.asOf ?? localDay();
  const index = new NoteIndex(parsed.scope, { today: () => today });
  const rule = new NotesRule(parsed.scope.notes);
  const { notes, outside } = findNotes(notesRoot, rule);
  for (const note of notes) {
    const decoded = readNote(path.join(notesRoot, note));
    if (decoded.ok) index.setNote(note, decoded.text);
    else index.setUnreadable(note, decoded.reason);
  }
  const analyzed = notes.filter((note) => index.note(note));
  const { dates, warning } = await options.git.notesDates(notesRoot, rule.base || '.', analyzed, today);
  for (const [note, lineDates] of dates) index.setLineDates(note, lineDates);
  if (warning) (options.warn ?? ((line) => process.stderr.write(line)))(plainLines([`competitor-scope: warning: ${warning}`]));
  return { ok: true, index, scopePath, notesRoot, outside };
}

/** What the commands that print no findings say on stderr of the links out of FOLDER that were not followed. */
export function outsideWarnings(workspace: Extract<LoadedWorkspace, { ok: true }>): string {
  return plainLines(workspace.outside.map((link) => `warning: ${outsideMessage(link)}`));
}

/** Why a link out of FOLDER was not followed, naming it. */
export function outsideMessage(link: string): string {
  return `${link} is a link out of the folder; it is not read, as nothing outside the folder is.`;
}

/** An unusable scope file's problems, one `file:line:column: error invalid-scope message` line each, as stderr prints them. */
export function invalidScopeLines(folder: string, workspace: Extract<LoadedWorkspace, { ok: false }>): string {
  const file = shownPath(folder, workspace.scopePath);
  return plainLines(
    workspace.problems.map((p) => `${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: error invalid-scope ${p.message}`),
  );
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
function locateScope(folder: string, scope: string | undefined): { scopePath: string; notesRoot: string; inFolder: boolean } {
  if (scope !== undefined) {
    if (!fs.existsSync(scope)) throw new UsageError(`The scope file ${scope} does not exist.`);
    return { scopePath: scope, notesRoot: folder, inFolder: false };
  }
  const inFolder = path.join(folder, SCOPE_FILE_NAME);
  const found = fs.existsSync(inFolder);
  return { scopePath: found ? inFolder : defaultScopePath(), notesRoot: folder, inFolder: found };
}

/**
 * The scope file, read within its size limit. One found in FOLDER must really be there: a link out of it (to
 * `/etc/passwd`) is refused unread. One given with --scope is the user's choice, wherever it is.
 */
function readScope(file: string, folder: string | undefined): ScopeParseResult {
  if (folder !== undefined && !realPathWithin(folder, file)) return refusedScope({ kind: 'outside-folder' });
  const read = readBounded(file, MAX_SCOPE_FILE_BYTES);
  return read.ok ? parseScope(new TextDecoder().decode(read.bytes)) : refusedScope(read.refusal);
}

function readNote(file: string): ReturnType<typeof decodeNote> {
  try {
    const read = readBounded(file, MAX_NOTE_BYTES);
    return read.ok ? decodeNote(read.bytes) : { ok: false, reason: refusedNoteReason(read.refusal) };
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
