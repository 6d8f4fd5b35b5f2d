/** Text helpers shared by the scope model and the note analysis. */

/** Lower-case words joined by '-': the id a name gets when the scope file gives none. */
export function slugify(text: string): string {
  return normalizeText(text).replace(/ /g, '-');
}

/**
 * The form in which headings, names, ids and aliases are compared: Unicode NFKC, lower case,
 * '&' read as 'and', punctuation dropped (a hyphen or slash separates words), white space collapsed.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[-_/\\]+/g, ' ')
    .replace(/[^\p{L}\p{N}\s]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * At most `max` characters of a text and an ellipsis when there was more: how a message quotes a value it did not
 * write (a scope file may be any file, `/etc/passwd` included), so that it never repeats more than a glimpse of it.
 */
export function shortened(text: string, max = 80): string {
  if (text.length <= max) return text;
  // Not between the halves of a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** A position in a text, 0-based like VS Code's and the Language Server Protocol's. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export function pointRange(line: number, character = 0): Range {
  return { start: { line, character }, end: { line, character } };
}

/** Maps offsets in a text to positions, in O(log lines) a look-up. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.starts[low] };
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.position(startOffset), end: this.position(endOffset) };
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)];
  }
}

const MEGABYTE = 1024 * 1024;

/**
 * A size over a limit, in words: "2.1 MB, over the 2 MB limit". One decimal, or as many more as it takes for
 * the size never to read as the limit itself (2 MB and a byte is "2.000001 MB").
 */
export function sizeOverLimit(size: number, limit: number): string {
  let decimals = 1;
  while (decimals < 6 && Number((size / MEGABYTE).toFixed(decimals)) <= limit / MEGABYTE) decimals++;
  return `${(size / MEGABYTE).toFixed(decimals)} MB, over the ${limit / MEGABYTE} MB limit`;
}
