import { statRefusal } from '../core/fileRefusal';
import { decodeNote, MAX_NOTE_BYTES, refusedNoteReason, type DecodedNote } from '../core/notes/decodeNote';
import type { NoteParsers, NotesPort, ParsedText } from './notesPort';

/** A note file as read from disk: its stamp before the read, and its text or why it was not read. */
export interface NoteFileRead {
  /** The file's stamp before it was read: a write after it changes the stamp, whichever version the read then gets. */
  readonly stamp: string;
  readonly note: DecodedNote;
  /** Its text parsed on another thread, in a bulk read (see NoteParsers). */
  readonly parsed?: ParsedText;
}

/**
 * A note file's text through the port, or undefined when the file is gone. Only a regular file within the size
 * limit, and really in the scope's folder, is read; any other is refused with the reason. Throws when it cannot be read now.
 */
export async function readNoteFile(port: NotesPort, path: string): Promise<NoteFileRead | undefined> {
  const stat = await port.stat(path);
  if (!stat) return undefined;
  const refusal = (await port.staysInside(path)) ? statRefusal(stat, MAX_NOTE_BYTES) : { kind: 'outside-folder' as const };
  if (refusal) return { stamp: stat.stamp, note: { ok: false, reason: refusedNoteReason(refusal) } };
  const bytes = await port.read(path);
  return bytes && { stamp: stat.stamp, note: decodeNote(bytes) };
}

/**
 * The reads with their texts parsed by `parsers`, all in one call, and how many were; the reads as they were when
 * the parsers could not (they said why through `warn`).
 */
export async function parsedApart<T extends NoteFileRead>(
  reads: readonly (T | undefined)[],
  parsers: NoteParsers,
  warn: (line: string) => void,
): Promise<{ readonly reads: readonly (T | undefined)[]; readonly parsed: number }> {
  const texts = reads.flatMap((read) => (read?.note.ok ? [read.note.text] : []));
  const parsed = await parsers.parse(texts, warn);
  if (!parsed) return { reads, parsed: 0 };
  let next = 0;
  return { reads: reads.map((read) => (read?.note.ok ? { ...read, parsed: parsed[next++] } : read)), parsed: parsed.length };
}
