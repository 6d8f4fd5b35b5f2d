import { statRefusal, type FileRefusal } from '../core/fileRefusal';
import { NoteIndex } from '../core/index/noteIndex';
import { decodeNote, MAX_NOTE_BYTES, refusedNoteReason } from '../core/notes/decodeNote';
import { NotesRule } from '../core/scope/notesRule';
import { SCOPE_FILE_NAMES, type ScopeParseResult, type ScopeProblem } from '../core/scope/scopeModel';
import { MAX_SCOPE_FILE_BYTES, parseScope, refusedScope } from '../core/scope/scopeParser';

/** A commit's files under a folder, read from git's objects: listed with their sizes, each read only when asked. */
export interface CommitFiles {
  /** Paths '/'-separated, relative to the folder, with their sizes in bytes. */
  readonly sizes: ReadonlyMap<string, number>;
  /** A listed file's bytes; undefined when git could not read it. */
  read(path: string): Promise<Uint8Array | undefined>;
}

export type CommitWorkspace =
  | { readonly ok: true; readonly index: NoteIndex }
  | { readonly ok: false; readonly problems: readonly ScopeProblem[] }
  | { readonly ok: false; readonly missing: string };

/** How indexCommit reads: all optional. */
export interface CommitIndexOptions {
  /** Runs between notes: the editor yields there so that a large commit never holds the extension host. */
  readonly pause?: () => Promise<void>;
  /** See NoteIndexOptions. */
  readonly fingerprint?: (text: string) => string;
  /** The scope file's text parsed, as parseScope parses it (the editor: off its thread, or the scope it has already). */
  readonly parseScope?: (text: string) => Promise<ScopeParseResult>;
}

/**
 * A commit's scope and notes analyzed as `check` analyzes the working tree: the scope file `scopeName`, and the notes
 * its glob matches under `under` ('' for all). A file over its size limit is refused from the listing, unread.
 * Answers are dated by the notes' own dates (As of, reviewed:).
 */
export async function indexCommit(
  files: CommitFiles,
  scopeName: string,
  under: string,
  today: string,
  { pause, fingerprint, parseScope: parse = (text) => Promise.resolve(parseScope(text)) }: CommitIndexOptions = {},
): Promise<CommitWorkspace> {
  if (!files.sizes.has(scopeName)) return { ok: false, missing: scopeName };
  const scopeRead = await readFile(files, scopeName, MAX_SCOPE_FILE_BYTES);
  const parsed = 'refusal' in scopeRead ? refusedScope(scopeRead.refusal) : await parse(new TextDecoder().decode(scopeRead.bytes));
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const prefix = under === '' ? '' : `${under}/`;
  const notes = notesInTree([...files.sizes.keys()], new NotesRule(parsed.scope)).filter((note) => note.startsWith(prefix));
  // Asked all at once: git answers in order, while the notes are analyzed below.
  const reads = notes.map((note) => [note, readFile(files, note, MAX_NOTE_BYTES)] as const);
  // Matching the tree against the glob and setting up the index each take a slice's time at 2,000 products.
  await pause?.();
  const index = new NoteIndex(parsed.scope, { today: () => today, fingerprint });
  await pause?.();
  for (const [note, read] of reads) {
    const bytes = await read;
    const decoded = 'refusal' in bytes ? { ok: false as const, reason: refusedNoteReason(bytes.refusal) } : decodeNote(bytes.bytes);
    if (decoded.ok) index.setNote(note, decoded.text);
    else index.setUnreadable(note, decoded.reason);
    // Its products' coverage now, a note at a time, not all at once when the commit is first compared.
    index.prepareSummary(note);
    await pause?.();
  }
  return { ok: true, index };
}

/** A file's bytes when the listing says it is small enough; refused unread otherwise. Throws when git cannot read it. */
async function readFile(files: CommitFiles, file: string, limit: number): Promise<{ bytes: Uint8Array } | { refusal: FileRefusal }> {
  const refusal = statRefusal({ isFile: true, size: files.sizes.get(file) ?? 0 }, limit);
  if (refusal) return { refusal };
  const bytes = await files.read(file);
  if (bytes === undefined) throw new Error(`git could not read ${file}.`);
  return { bytes };
}

/** Whether a commit's file is one its scope and notes are read from: a scope file (its own or a nested one's) or a note. */
export function commitFileWanted(file: string): boolean {
  return file.endsWith('.md') || SCOPE_FILE_NAMES.includes(baseName(file));
}

/**
 * The notes among a commit's files (paths '/'-separated, relative to the scope's folder), by findNotes' rule: no
 * dot-folder or dot-file, no folder the glob cannot match in, nothing below a folder holding a scope file of its own.
 * A commit's links are not among its files: nothing is followed.
 */
export function notesInTree(files: readonly string[], rule: NotesRule): string[] {
  const scopeFolders = new Set(files.filter((file) => SCOPE_FILE_NAMES.includes(baseName(file))).map(folderName));
  const entered = new Map<string, boolean>();
  const enters = (folder: string) => {
    let answer = entered.get(folder);
    if (answer === undefined) entered.set(folder, (answer = rule.entersFolder(folder, () => scopeFolders.has(folder))));
    return answer;
  };
  const isNote = (file: string) => {
    if (!rule.isNote(file) || file.split('/').some((name) => name.startsWith('.'))) return false;
    for (let end = file.indexOf('/'); end !== -1; end = file.indexOf('/', end + 1)) if (!enters(file.slice(0, end))) return false;
    return true;
  };
  return files.filter(isNote).sort();
}

const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);
/** As path.posix.dirname: '.' for a file at the top. */
const folderName = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.');
