/**
 * How a parse keeps its paragraphs' openings (the leads of PartContent): what the placeholder test and the excerpts
 * read. An opening short enough is kept as written. A longer one that is written as such in the note's text (most
 * are: a paragraph on one line, or lines that start at the margin) is kept as where it is there and its first
 * characters: enough for the placeholder test, while an excerpt reads it again from the note's text (see
 * NoteIndex's `readText`). The openings were most of what every note kept in memory between edits.
 *
 * A kept lead is a string either way, so that a heading's leads stay one array of strings: a reference starts with
 * CUT, its place and length in base 36, then its first characters; an opening as written that happens to start with
 * CUT gets one more in front.
 */

/** A paragraph's opening source kept for placeholders and excerpts: a first sentence fits, links and all. */
export const LEAD_CHARS = 600;

/** What may precede a placeholder word: white space, a task box, emphasis and code marks. */
export const LEADING_MARKS = /^\s*(\[[ xX]\]\s+)?[*_~`\s]*/;

/**
 * The characters after its leading marks that a reference keeps of an opening: the placeholder test tells a word
 * of up to two fewer by them alone (see PlaceholderTest's `head`).
 */
export const LEAD_HEAD = 24;

const CUT = '\u0001';
/** Base-36 digits of a reference's place (a note is at most 2 MiB: 36^5 > 2^21) and length (36^2 > LEAD_CHARS + 1). */
const AT_DIGITS = 5;
const LENGTH_DIGITS = 2;
const HEAD_START = 1 + AT_DIGITS + LENGTH_DIGITS;

/**
 * A paragraph's opening as the parse keeps it. `at`: where `lead` may start in `text`; a reference is kept only when
 * the text holds it there as written (else the opening itself).
 */
export function keptLead(lead: string, text: string, at: number | undefined): string {
  const head = (LEADING_MARKS.exec(lead)?.[0].length ?? 0) + LEAD_HEAD;
  // (A slice compared is several times faster than startsWith at a position.)
  const written = at !== undefined && at >= 0 && text.slice(at, at + lead.length) === lead;
  if (lead.length <= head || !written) return ownString(wholeLead(lead));
  // Joined, the parts make one string of its own (a concatenation would keep each part, the head a slice of the text).
  return [CUT, at.toString(36).padStart(AT_DIGITS, '0'), lead.length.toString(36).padStart(LENGTH_DIGITS, '0'), lead.slice(0, head)].join(
    '',
  );
}

/** An opening kept as written (a table's cell), CUT escaped. */
export function wholeLead(lead: string): string {
  return lead.startsWith(CUT) ? CUT + lead : lead;
}

/** What a kept lead tells without the note's text: its opening, or (`cut`) the opening's first characters. */
export function leadHead(lead: string): { readonly head: string; readonly cut: boolean } {
  if (!lead.startsWith(CUT)) return { head: lead, cut: false };
  if (lead.startsWith(CUT, 1)) return { head: lead.slice(1), cut: false };
  return { head: lead.slice(HEAD_START), cut: true };
}

/**
 * A kept lead's opening: itself, or read from `text`, the note's text the parse was made from (see textHash);
 * undefined for a reference without it.
 */
export function leadSource(lead: string, text: string | undefined): string | undefined {
  const { head, cut } = leadHead(lead);
  if (!cut) return head;
  if (text === undefined) return undefined;
  const at = parseInt(lead.slice(1, 1 + AT_DIGITS), 36);
  return text.slice(at, at + parseInt(lead.slice(1 + AT_DIGITS, HEAD_START), 36));
}

/**
 * A digest of a note's text (two 26-bit FNV-1a hashes, the length mixed in): what tells that a text read again is
 * the one a parse's references point into. Not for security: a note's own writer gains nothing by a collision.
 */
export function textHash(text: string): number {
  let a = 0x811c9dc5 ^ text.length;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 6) * 0x4000000 + (b >>> 6);
}

/**
 * A copy of a string that holds on to nothing else. markdown-it gives a one-line paragraph as a slice of the note's
 * text, and a slice keeps all of the string it was cut from alive; a multi-line paragraph is a string of its own
 * already. JSON's round trip is the copy that every engine makes in full.
 */
function ownString(text: string): string {
  return text.includes('\n') && text.length <= LEAD_CHARS ? text : (JSON.parse(JSON.stringify(text)) as string);
}
