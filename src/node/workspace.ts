import * as fs from 'node:fs';
import * as path from 'node:path';
import { localDay, readDay } from '../core/dates';
import type { DecodedNote } from '../core/notes/decodeNote';
import { NoteIndex } from '../core/index/noteIndex';
import { NotesRule } from '../core/scope/notesRule';
import { plainLines } from '../core/printable';
import { SCOPE_FILE_NAMES, type Scope, type ScopeParseResult, type ScopeProblem } from '../core/scope/scopeModel';
import { MAX_SCOPE_FILE_BYTES, parseScope, refusedScope } from '../core/scope/scopeParser';
import { noGitDates, type GitDates } from '../git/gitDates';
import { nodeGitDates } from '../git/nodeGitDates';
import { noteFingerprint } from '../git/noteFingerprint';
import { readBounded, type BoundedRead } from './boundedRead';
import { noteTextReader, readNote } from './noteText';
export { noteOfRead, readNote } from './noteText';
import { findNotes, type FoundNotes } from './noteFiles';
import { indexInWorkers } from './noteWorkers';
import { defaultScopePath } from './packageRoot';
import { realPathWithin } from './realPaths';
import { UsageError } from './usageError';

/** A folder's notes analyzed against its scope, as `check` and `matrix` read them. */
export type LoadedWorkspace =
  | {
      readonly ok: true;
      readonly index: NoteIndex;
      readonly scopePath: string;
      /** The scope file's folder, which its notes glob is resolved against (FOLDER for --scope and the built-in scope). */
      readonly notesRoot: string;
      /** The built-in example scope was read, as `--scope builtin` asks. */
      readonly builtin: boolean;
      /** Links to notes or note folders whose real path is outside FOLDER, relative to it: not read (see findNotes). */
      readonly outside: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly ScopeProblem[]; readonly scopePath: string };

/** How `check` and `matrix` read a folder: the scope file, the day ages are evaluated on, and where dates come from. */
export interface LoadOptions {
  readonly folder: string;
  /** A scope file's absolute path, or BUILTIN_SCOPE; found from FOLDER upward when absent (see locateScope). */
  readonly scope?: string;
  /** `YYYY-MM-DD`; today by default. */
  readonly asOf?: string;
  /** Git dates sections without an `As of` line; `--no-git` gives none. */
  readonly git: GitDates;
  /** Where a warning about the reading goes (git's history too large to read whole): stderr by default. */
  readonly warn?: (line: string) => void;
}

/** What `--scope` takes for the built-in example scope; a file of that name is given as `./builtin`. */
export const BUILTIN_SCOPE = 'builtin';

/** `--scope` as an option: the built-in scope, or a file relative to the current folder. */
export function scopeOption(value: string | undefined, cwd: string): { scope?: string } {
  if (value === undefined) return {};
  return { scope: value === BUILTIN_SCOPE ? BUILTIN_SCOPE : path.resolve(cwd, value) };
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
    ...scopeOption(values.scope, cwd),
    ...(reading?.day !== undefined ? { asOf: reading.day } : {}),
    git: values['no-git'] ? noGitDates : nodeGitDates,
  };
}

/**
 * Reads the scope (`--scope`, else the nearest scope file from FOLDER up) and the notes it names under FOLDER, dated
 * by git. Throws when there is no scope file: another product's built-in scope would give confident, wrong findings.
 */
export async function loadWorkspace(options: LoadOptions): Promise<LoadedWorkspace> {
  const { folder } = options;
  if (!isDirectory(folder)) throw new UsageError(`${folder} is not a folder.`);
  const { scopePath, notesRoot, found } = locateScope(folder, options.scope);
  const builtin = options.scope === BUILTIN_SCOPE;
  const warn = options.warn ?? ((line) => process.stderr.write(line));
  if (builtin) warn(plainLines([`competitor-scope: ${BUILTIN_SCOPE_NOTICE}`]));
  const parsed = readScope(scopePath, found ? notesRoot : undefined);
  if (!parsed.ok) return { ok: false, problems: parsed.problems, scopePath };

  const today = options.asOf ?? localDay();
  const rule = new NotesRule(parsed.scope);
  const { notes, outside } = notesUnder(folder, notesRoot, findNotes(notesRoot, rule));
  const index =
    (await indexInWorkers(parsed.scope, today, notesRoot, notes, (line) => warn(plainLines([`competitor-scope: warning: ${line}`])))) ??
    indexNotes(parsed.scope, today, notes, (note) => readNote(path.join(notesRoot, note)), noteTextReader(notesRoot));
  const analyzed = notes.filter((note) => index.note(note));
  const { dates, warning } = await options.git.notesDates(notesRoot, rule.base || '.', analyzed, today);
  for (const [note, lineDates] of dates) index.setLineDates(note, lineDates);
  if (warning) warn(plainLines([`competitor-scope: warning: ${warning}`]));
  return { ok: true, index, scopePath, notesRoot, builtin, outside };
}

/**
 * The notes analyzed against the scope, as every command reads them, whatever they are read from: the disk, or a
 * commit's objects (`diff`). `read` gives a note's text, or why it cannot be analyzed; `readAgain`, its text when
 * an answer's excerpt is shown (see NoteIndexOptions.readText), by default `read`'s.
 */
export function indexNotes(
  scope: Scope,
  today: string,
  notes: readonly string[],
  read: (note: string) => DecodedNote,
  readAgain: (note: string) => string | undefined = (note) => textOf(read(note)),
): NoteIndex {
  const index = new NoteIndex(scope, { today: () => today, fingerprint: noteFingerprint, readText: readAgain });
  for (const note of notes) {
    const decoded = read(note);
    if (decoded.ok) index.setNote(note, decoded.text);
    else index.setUnreadable(note, decoded.reason);
  }
  return index;
}

function textOf(decoded: DecodedNote): string | undefined {
  return decoded.ok ? decoded.text : undefined;
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

/** What every output that uses the built-in scope says. */
export const BUILTIN_SCOPE_NOTICE = 'using the built-in example scope (Grid + Throughput Engine), as --scope builtin asks.';

/** The folder of the scope file found from FOLDER upward, as without --scope. */
export function scopeFolderOf(folder: string): string {
  return locateScope(folder, undefined).notesRoot;
}

/**
 * The scope file and the folder its notes glob is resolved against. Without --scope, the nearest
 * competitor-scope.yaml (or .yml) in FOLDER or a folder above it, up to the repository's root, as the editor's
 * nested scopes: `check research` then reads the scope of the repository. The glob of --scope and of the
 * built-in scope is resolved against FOLDER (a scope shared by several notes repositories).
 */
export function locateScope(folder: string, scope: string | undefined): { scopePath: string; notesRoot: string; found: boolean } {
  if (scope === BUILTIN_SCOPE) return { scopePath: defaultScopePath(), notesRoot: folder, found: false };
  if (scope !== undefined) {
    if (!fs.existsSync(scope)) throw new UsageError(`The scope file ${scope} does not exist.`);
    return { scopePath: scope, notesRoot: folder, found: false };
  }
  for (const dir of scopeFolders(folder)) {
    const name = SCOPE_FILE_NAMES.find((candidate) => fs.existsSync(path.join(dir, candidate)));
    if (name !== undefined) return { scopePath: path.join(dir, name), notesRoot: dir, found: true };
  }
  throw new Error(
    `no competitor-scope.yaml (or .yml) in ${folder} or above it in its repository; run "competitor-scope init" to write one, or pass --scope builtin for the built-in example scope.`,
  );
}

/**
 * Where a scope file is looked for: FOLDER and the folders above it up to the repository's root (the nearest one
 * holding `.git`); FOLDER alone outside a repository, so that a stray scope file in a home folder is never taken.
 */
function scopeFolders(folder: string): string[] {
  const folders: string[] = [];
  for (let dir = folder; ; dir = path.dirname(dir)) {
    folders.push(dir);
    if (fs.existsSync(path.join(dir, '.git'))) return folders;
    if (path.dirname(dir) === dir) return [folder];
  }
}

/** The notes (and links out) found from the scope's folder that are in FOLDER: `check research` checks research/ only. */
export function notesUnder(folder: string, notesRoot: string, found: FoundNotes): FoundNotes {
  const prefix = path.relative(notesRoot, folder).split(path.sep).join('/');
  if (prefix === '') return found;
  const inFolder = (note: string) => note.startsWith(`${prefix}/`);
  return { notes: found.notes.filter(inFolder), outside: found.outside.filter(inFolder) };
}

/**
 * The scope file, read within its size limit. One found in a folder must really be there: a link out of it (to
 * `/etc/passwd`) is refused unread. One given with --scope is the user's choice, wherever it is.
 */
export function readScope(file: string, folder: string | undefined): ScopeParseResult {
  if (folder !== undefined && !realPathWithin(folder, file)) return refusedScope({ kind: 'outside-folder' });
  return scopeOfRead(readBounded(file, MAX_SCOPE_FILE_BYTES));
}

/** The scope file's bytes parsed, or why they were not read. */
export function scopeOfRead(read: BoundedRead): ScopeParseResult {
  return read.ok ? parseScope(new TextDecoder().decode(read.bytes)) : refusedScope(read.refusal);
}

export function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
