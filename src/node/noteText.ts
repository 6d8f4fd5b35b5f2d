import * as path from 'node:path';
import { decodeNote, MAX_NOTE_BYTES, refusedNoteReason, type DecodedNote } from '../core/notes/decodeNote';
import { readBounded, type BoundedRead } from './boundedRead';
import { realPathWithin } from './realPaths';

/** A note's bytes decoded, or why they were not read. */
export function noteOfRead(read: BoundedRead): DecodedNote {
  return read.ok ? decodeNote(read.bytes) : { ok: false, reason: refusedNoteReason(read.refusal) };
}

/** A note's text decoded, read within the note size limit, or why it cannot be analyzed. */
export function readNote(file: string): DecodedNote {
  try {
    return noteOfRead(readBounded(file, MAX_NOTE_BYTES));
  } catch (error) {
    return { ok: false, reason: `it cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * Reads a note's text again (see NoteIndexOptions.readText), `note` relative to `root`: as every note is read, and
 * only while its real path stays inside `root` (a link put in its place since leads nowhere else).
 */
export function noteTextReader(root: string): (note: string) => string | undefined {
  return (note) => readNoteWithin(root, path.join(root, note));
}

/** A note's text read as every note is, while its real path stays inside `folder`; undefined when it cannot be. */
export function readNoteWithin(folder: string, file: string): string | undefined {
  const decoded = realPathWithin(folder, file) ? readNote(file) : undefined;
  return decoded?.ok ? decoded.text : undefined;
}
