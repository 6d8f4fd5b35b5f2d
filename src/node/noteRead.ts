import { checkNoteText, decodeNote, MAX_NOTE_BYTES, refusedNoteReason, type DecodedNote } from '../core/notes/decodeNote';
import { parseNote, type ParsedNote } from '../core/notes/noteParser';
import { readBounded, type BoundedRead } from './boundedRead';

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

/** A note file read and parsed, as NoteIndex.setNote would parse its text; or why it cannot be analyzed. */
export type ParsedNoteFile = { readonly parsed: ParsedNote } | { readonly unreadable: string };

export function parseNoteFile(file: string): ParsedNoteFile {
  const decoded = readNote(file);
  if (!decoded.ok) return { unreadable: decoded.reason };
  const unreadable = checkNoteText(decoded.text);
  return unreadable === undefined ? { parsed: parseNote(decoded.text) } : { unreadable };
}
