import type { FileRefusal } from '../fileRefusal';
import { sizeOverLimit } from '../text';

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

/** The size of a text in UTF-8, as a note file holds it, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes += 1;
    } else if (code < 0x800) {
      bytes += 2;
    } else if ((code & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one character beyond the first plane
      i++;
    } else {
      bytes += 3; // the rest of the first plane, and a lone surrogate (written as U+FFFD)
    }
  }
  return bytes;
}

/** Why a note file was not read at all (see FileRefusal), as its unreadable-note finding says. */
export function refusedNoteReason(refusal: FileRefusal): string {
  if (refusal.kind === 'too-large') return tooLarge(refusal.bytes);
  return refusal.kind === 'not-a-file'
    ? 'it is not a regular file (it is a device, a pipe or a socket)'
    : "it is a link to a file outside the scope's folder, and nothing outside the folder is read";
}

/** More headings than this is no research note but a dump: each heading is kept, so the note is not analyzed. */
export const MAX_NOTE_HEADINGS = 10_000;

/** The same limits for text that is already decoded (an open editor's), its size counted as in a file, and the one on headings. */
export function checkNoteText(text: string): string | undefined {
  // A character is one byte or more: a text longer than the limit is over it without counting (a dump, mostly ASCII).
  const bytes = text.length > MAX_NOTE_BYTES ? text.length : utf8Length(text);
  if (bytes > MAX_NOTE_BYTES) return tooLarge(bytes);
  if (text.includes('\0')) return 'it is a binary file (it holds NUL bytes)';
  if (headingLines(text) > MAX_NOTE_HEADINGS) {
    return `it has more than ${MAX_NOTE_HEADINGS.toLocaleString('en')} headings; notes with more are not analyzed`;
  }
  return undefined;
}

/**
 * An upper bound of the note's headings, counted before parsing (a parse of a note of nothing but headings
 * costs far more): lines starting with `#` after at most three spaces, and lines of `=` or `-` alone (a
 * setext underline; a thematic break counts too).
 */
function headingLines(text: string): number {
  let count = 0;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let first = start;
    while (first < end && first - start < 4 && text[first] === ' ') first++;
    const c = text[first];
    if (first - start < 4 && (c === '#' || ((c === '=' || c === '-') && isUnderline(text, first, end, c)))) count++;
    start = end + 1;
  }
  return count;
}

function isUnderline(text: string, from: number, end: number, mark: string): boolean {
  for (let i = from; i < end; i++) if (text[i] !== mark && text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\r') return false;
  return true;
}

function tooLarge(size: number): string {
  return `it is ${sizeOverLimit(size, MAX_NOTE_BYTES)} for notes`;
}
