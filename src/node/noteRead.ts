import { checkNoteText } from '../core/notes/decodeNote';
import { parseNote, type ParsedNote } from '../core/notes/noteParser';
import { readNote } from './noteText';

/** A note file read and parsed, as NoteIndex.setNote would parse its text; or why it cannot be analyzed. */
export type ParsedNoteFile = { readonly parsed: ParsedNote } | { readonly unreadable: string };

export function parseNoteFile(file: string): ParsedNoteFile {
  const decoded = readNote(file);
  if (!decoded.ok) return { unreadable: decoded.reason };
  const unreadable = checkNoteText(decoded.text);
  return unreadable === undefined ? { parsed: parseNote(decoded.text) } : { unreadable };
}
