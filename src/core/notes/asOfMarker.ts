import type { Range } from '../text';
import { readDay, type DayReading } from '../dates';

/** Where an answer's as-of date came from, in the order they apply. */
export type AsOfSource = 'marker' | 'front-matter' | 'git';

/**
 * How a marker's date reads: the day it names, why it names none (`2025-02-30`), or `unread` when it is not
 * written in a form the tool reads (`Q3 2025`, `soon`): then it dates nothing, and a hint says so.
 */
export type MarkerReading =
  (DayReading & { readonly unread?: undefined }) | { readonly day?: undefined; readonly why?: undefined; readonly unread: true };

/**
 * A date line in a section (`As of 2025-03-01`, `Last checked: 5 March 2025`): the date the team vouches for, as
 * written after its label, where it stands on the note's line, and how it reads.
 */
export type AsOfMarker = {
  readonly written: string;
  readonly range: Range;
  /** The line goes on after its date (`As of 2025-05-01: flat fee per seat`): it answers as well as dates. */
  readonly answers?: true;
} & MarkerReading;

/** The labels that start a date line, longest first; each is followed by an optional colon, then the date. */
const LABELS: readonly (readonly string[])[] = [
  ['last', 'checked'],
  ['last', 'updated'],
  ['last', 'verified'],
  ['last', 'reviewed'],
  ['as', 'of'],
  ['checked'],
  ['updated'],
  ['verified'],
  ['reviewed'],
];

/** Whether a text holds a label's first word at all: most paragraphs are passed over without reading their lines. */
export const ANY_DATE_LABEL = /as of|checked|updated|verified|reviewed/i;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A line whose date is not read is taken for a date line only when what follows the label is this short and
 * holds a number or a month (or nothing at all, after a colon): "Updated 2025 Q3" is a date nobody can read,
 * "Updated the pricing page in 2024 to add SSO" and "Checked: SSO and SCIM" are prose.
 */
const MAX_UNREAD_DATE_WORDS = 4;

/** A word of a line: a run of letters, a run of digits, or any other character that is not a space. */
interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function charKind(char: string): 'digit' | 'letter' | 'space' | 'mark' {
  if (char >= '0' && char <= '9') return 'digit';
  if (/\s/.test(char)) return 'space';
  return char.toLowerCase() !== char.toUpperCase() ? 'letter' : 'mark';
}

/**
 * The most words a date line holds: a label, a colon, a date (`March 5th, 2025.`) or an unread one of at most four
 * parts (`2025/05/01` is five words). A line of more is prose, and is not read further.
 */
const MAX_DATE_LINE_WORDS = 32;

/** The line's first MAX_DATE_LINE_WORDS words (read no further than that), and whether more follow. */
function wordsOf(line: string): { words: Word[]; more: boolean } {
  const words: Word[] = [];
  for (let start = 0; start < line.length;) {
    const kind = charKind(line[start]);
    let end = start + 1;
    if (kind === 'digit' || kind === 'letter') while (end < line.length && charKind(line[end]) === kind) end++;
    if (kind !== 'space') {
      if (words.length === MAX_DATE_LINE_WORDS) return { words, more: true };
      words.push({ text: line.slice(start, end), start, end });
    }
    start = end;
  }
  return { words, more: false };
}

/** The longest date read is six words: `Mar. 5th, 2025`. */
const MAX_DATE_WORDS = 6;

/**
 * The date that opens a line's words when more words follow it (`2025-05-01: flat fee`, `March 2025, after the
 * price change`): the longest opening that reads as a date, and how many words it takes.
 */
function openingDate(words: readonly Word[]): { iso: string; length: number } | undefined {
  for (let length = Math.min(MAX_DATE_WORDS, words.length - 1); length > 0; length--) {
    const iso = isoDateOf(words.slice(0, length));
    if (iso !== undefined) return { iso, length };
  }
  return undefined;
}

/** The month (1 to 12) a word names, in English, in full or abbreviated to three letters or more (`Mar`, `Sept`). */
function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  const index = lower.length < 3 ? -1 : MONTHS.findIndex((month) => month.startsWith(lower));
  return index === -1 ? undefined : index + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The date the words write, as `YYYY-MM-DD` or `YYYY-MM` (not yet checked as a day: see readDay), or undefined
 * when they are not one of the forms read: `2025-03-05`, `2025-03`, `March 2025`, `5 March 2025`, `March 5, 2025`
 * (months in full or abbreviated, `Mar.`, ordinals `5th`).
 */
function isoDateOf(words: readonly Word[]): string | undefined {
  const kept = words.filter((word, i) => {
    const previous = words[i - 1];
    const attached = previous !== undefined && previous.end === word.start;
    if (word.text === ',') return false;
    if (word.text === '.' && attached && monthOf(previous.text)) return false; // `Mar.`
    return !(attached && /^\d/.test(previous.text) && ['st', 'nd', 'rd', 'th'].includes(word.text.toLowerCase())); // `5th`
  });
  const shape = kept.map(({ text }) => (/^\d{4}$/.test(text) ? 'Y' : /^\d{1,2}$/.test(text) ? 'N' : monthOf(text) ? 'M' : text)).join(' ');
  const text = kept.map((word) => word.text);
  switch (shape) {
    case 'Y - N':
    case 'Y - N - N':
      return text.every((part, i) => i === 0 || part === '-' || part.length === 2) ? text.join('') : undefined;
    case 'M Y':
      return `${text[1]}-${pad(monthOf(text[0])!)}`;
    case 'N M Y':
      return `${text[2]}-${pad(monthOf(text[1])!)}-${pad(Number(text[0]))}`;
    case 'M N Y':
      return `${text[2]}-${pad(monthOf(text[0])!)}-${pad(Number(text[1]))}`;
    default:
      return undefined;
  }
}

/**
 * A line as a reader sees it (emphasis dropped) read as a date line: undefined when it does not start with a
 * label; else the date written after the label and its colon, where it stands in the line, and how it reads.
 */
function readDateLine(line: string): { written: string; start: number; end: number; reading: MarkerReading; answers?: true } | undefined {
  const { words, more } = wordsOf(line);
  const label = LABELS.find((l) => l.every((word, i) => words[i]?.text.toLowerCase() === word));
  if (!label) return undefined;
  const colon = words[label.length]?.text === ':';
  let date = words.slice(label.length + (colon ? 1 : 0));
  if (!more && date[date.length - 1]?.text === '.') date = date.slice(0, -1);
  const whole = !more && date.length <= MAX_DATE_WORDS ? isoDateOf(date) : undefined;
  const opening = whole === undefined ? openingDate(date) : undefined;
  const iso = whole ?? opening?.iso;
  const dated = opening ? date.slice(0, opening.length) : date;
  const start = dated[0]?.start ?? line.trimEnd().length;
  const end = dated[dated.length - 1]?.end ?? start;
  const written = line.slice(start, end);
  const reading = iso === undefined ? undefined : readDay(iso);
  if (reading) return { written, start, end, reading, ...(opening ? { answers: true as const } : {}) };
  const dateLike = date.some((word) => /^\d/.test(word.text) || monthOf(word.text));
  const unread = date.length === 0 ? colon : !more && dateLike && written.split(/\s+/).length <= MAX_UNREAD_DATE_WORDS;
  return unread ? { written, start, end, reading: { unread: true } } : undefined;
}

/**
 * The date lines among a paragraph's lines (its inline content, whose lines are the note's lines from `firstLine`
 * without their quote or list marks). A date line whose date names no day, or is not read, is one still.
 */
export function markersOf(
  content: string,
  firstLine: number,
  lineText: (line: number) => string,
  readLine: (line: string) => string,
): AsOfMarker[] {
  if (!ANY_DATE_LABEL.test(content)) return [];
  const markers: AsOfMarker[] = [];
  content.split('\n').forEach((source, i) => {
    const line = firstLine + i;
    const marker = ANY_DATE_LABEL.test(source) ? markerOn(line, source, lineText(line), readLine) : undefined;
    if (marker) markers.push(marker);
  });
  return markers;
}

/** The date line a paragraph's line holds, with its range on the note's line; undefined when it holds none. */
function markerOn(line: number, source: string, noteLine: string, readLine: (line: string) => string): AsOfMarker | undefined {
  const rendered = readLine(source);
  const read = readDateLine(rendered.trim());
  if (!read) return undefined;
  // Where the date stands in the note's line: the reader's words in order, past the markup the reader does not see.
  let at = noteLine.length - noteLine.trimStart().length;
  let [start, end] = [-1, -1];
  for (const word of wordsOf(rendered.trim()).words) {
    const found = noteLine.indexOf(word.text, at);
    if (found === -1) return undefined; // written otherwise (an entity): not taken for a date line
    at = found + word.text.length;
    if (word.start >= read.start && word.end <= read.end) {
      if (start === -1) start = found;
      end = at;
    }
  }
  if (start === -1) [start, end] = [at, at]; // nothing after the label: where its date goes
  const range = { start: { line, character: start }, end: { line, character: end } };
  return { written: read.written, range, ...read.reading, ...(read.answers ? { answers: true as const } : {}) };
}
