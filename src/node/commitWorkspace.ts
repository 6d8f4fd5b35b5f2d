import * as path from 'node:path';
import type { NoteIndex } from '../core/index/noteIndex';
import { statRefusal } from '../core/fileRefusal';
import { MAX_NOTE_BYTES } from '../core/notes/decodeNote';
import { NotesRule } from '../core/scope/notesRule';
import type { ScopeProblem } from '../core/scope/scopeModel';
import { MAX_SCOPE_FILE_BYTES } from '../core/scope/scopeParser';
import { BlobReader, treeBlobs, type TreeBlob } from '../git/gitObjects';
import type { BoundedRead } from './boundedRead';
import { notesInTree } from './noteFiles';
import { indexNotes, noteOfRead, scopeOfRead } from './workspace';

/** Where a scope lives in the repository: its file and folder on disk, and the folder whose notes are compared. */
export interface ScopePlace {
  readonly scopePath: string;
  /** The scope file's folder, which git runs in and which the commit's paths are relative to. */
  readonly notesRoot: string;
  /** The notes compared are those under it (relative to notesRoot, '' for all), as `check FOLDER` checks. */
  readonly under: string;
}

export type CommitWorkspace =
  | { readonly ok: true; readonly index: NoteIndex }
  | { readonly ok: false; readonly problems: readonly ScopeProblem[] }
  | { readonly ok: false; readonly missing: string };

/**
 * A commit's scope and notes analyzed as `check` analyzes the working tree, read from git's objects only (`ls-tree`,
 * `cat-file --batch`): no filter, attribute or hook of the repository runs, and a file over its size limit is refused
 * from the tree's listing before any of it is read. Answers are dated by the notes' own dates (As of, reviewed:).
 */
export async function loadCommit(place: ScopePlace, commit: string, today: string): Promise<CommitWorkspace> {
  const scopeName = path.basename(place.scopePath);
  const listed = await treeBlobs(place.notesRoot, commit, '.', (file) => file === scopeName || file.endsWith('.md') || isScopeFile(file));
  if (listed === undefined) throw new Error(`git could not list the files of commit ${commit}.`);
  const scopeBlob = listed.get(scopeName);
  if (scopeBlob === undefined) return { ok: false, missing: scopeName };
  const reader = new BlobReader(place.notesRoot);
  try {
    const parsed = scopeOfRead(await readBlob(reader, scopeBlob, MAX_SCOPE_FILE_BYTES));
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    const rule = new NotesRule(parsed.scope);
    const prefix = place.under === '' ? '' : `${place.under}/`;
    const notes = notesInTree([...listed.keys()], rule).filter((note) => note.startsWith(prefix));
    // Asked all at once: cat-file answers in order, while the notes are analyzed below.
    const reads = new Map(notes.map((note) => [note, readBlob(reader, listed.get(note)!, MAX_NOTE_BYTES)]));
    const texts = new Map<string, BoundedRead>();
    for (const [note, read] of reads) texts.set(note, await read);
    return { ok: true, index: indexNotes(parsed.scope, today, notes, (note) => noteOfRead(texts.get(note)!)) };
  } finally {
    reader.close();
  }
}

function isScopeFile(file: string): boolean {
  return file.endsWith('/competitor-scope.yaml') || file.endsWith('/competitor-scope.yml');
}

/** A blob's bytes when the tree says it is small enough; refused unread otherwise. */
async function readBlob(reader: BlobReader, blob: TreeBlob, limit: number): Promise<BoundedRead> {
  const refusal = statRefusal({ isFile: true, size: blob.size }, limit);
  if (refusal) return { ok: false, refusal };
  const bytes = await reader.read(blob.id);
  if (bytes === undefined) throw new Error(`git could not read the object ${blob.id}.`);
  return { ok: true, bytes };
}
