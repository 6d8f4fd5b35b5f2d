/** A note larger than this is not research but a mistake (a log, a dump): it is skipped, with a finding. */
export const MAX_NOTE_BYTES = 2 * 1024 * 1024;

export type DecodedNote = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a note file, or why it cannot be analyzed: too large, binary (NUL bytes) or not UTF-8. */
export function decodeNote(bytes: Uint8Array): DecodedNote {
  if (bytes.length > MAX_NOTE_BYTES) return { ok: false, reason: tooLarge(bytes.length) };
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'it is a binary file (it holds NUL bytes)' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'it is not UTF-8 text' };
  }
}

/** The same limit for text that is already decoded (an open editor's). */
export function checkNoteText(text: string): string | undefined {
  if (text.length > MAX_NOTE_BYTES) return tooLarge(text.length);
  if (text.includes('\0')) return 'it is a binary file (it holds NUL bytes)';
  return undefined;
}

function tooLarge(size: number): string {
  return `it is ${(size / (1024 * 1024)).toFixed(1)} MB; notes larger than ${MAX_NOTE_BYTES / (1024 * 1024)} MB are not analyzed`;
}
