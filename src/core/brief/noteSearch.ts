import type { NoteIndex } from '../index/noteIndex';
import type { NoteAnalysis } from '../notes/noteAnalyzer';
import { axisOf, productOf } from '../scope/scopeModel';

/** The most results one search answers; more come with the cursor. */
export const MAX_SEARCH_RESULTS = 100;
/** The longest query: a phrase or a few words, never a document. */
export const MAX_QUERY_CHARS = 200;
/** How much of a matching line a result quotes. */
const LINE_CHARS = 240;

export interface SearchQuery {
  readonly query: string;
  /** `phrase`: the query as one substring; `words`: every word of it somewhere on the line. Case-insensitive both. */
  readonly match: 'phrase' | 'words';
  readonly limit: number;
  /** How many matches an earlier page answered already. */
  readonly after: number;
}

export interface SearchHit {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly text: string;
  /** The nearest heading above the line, as rendered; null before the first heading. */
  readonly heading: string | null;
  /** The axis whose section holds the line, where one does. */
  readonly axis: { readonly categoryId: string; readonly id: string; readonly name: string } | null;
  /** The products the note is bound to (by front matter, file name or title); empty for a note bound to none. */
  readonly products: readonly { readonly categoryId: string; readonly id: string; readonly name: string }[];
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** The `after` of the next page, when there are more matches. */
  readonly next: number | null;
}

/**
 * Every line of every note (linked to a product or not) that the query matches, in note and line order: each line is
 * lowered and tested once, and the scan stops at the first match past the page, so a search costs the notes' length.
 * `text` gives a note's text; notes it gives none for (unreadable) are skipped.
 */
export function searchNotes(index: NoteIndex, text: (path: string) => string | undefined, query: SearchQuery): SearchResult {
  const needles = needlesOf(query);
  const hits: SearchHit[] = [];
  let seen = 0;
  if (needles.length === 0) return { hits, next: null };
  for (const file of [...index.paths()].sort()) {
    const analysis = index.note(file);
    const body = analysis ? text(file) : undefined;
    if (!analysis || body === undefined) continue;
    const lines = body.split(/\r\n?|\n/);
    const places = linePlaces(index, analysis, lines.length);
    for (let line = 0; line < lines.length; line++) {
      const lowered = lines[line].toLowerCase();
      if (!needles.every((needle) => lowered.includes(needle))) continue;
      if (seen++ < query.after) continue;
      if (hits.length === query.limit) return { hits, next: query.after + hits.length };
      hits.push({ file, line: line + 1, text: shortLine(lines[line]), ...places(line), products: productsOf(index, analysis) });
    }
  }
  return { hits, next: null };
}

function needlesOf(query: SearchQuery): string[] {
  const lowered = query.query.slice(0, MAX_QUERY_CHARS).toLowerCase();
  if (query.match === 'phrase') return lowered.trim() === '' ? [] : [lowered.trim()];
  return [...new Set(lowered.split(/\s+/).filter((word) => word !== ''))];
}

function shortLine(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > LINE_CHARS ? `${trimmed.slice(0, LINE_CHARS - 1)}…` : trimmed;
}

/**
 * The heading and axis of each line, from the note's headings in one pass: a line's heading is the last that starts at
 * or before it, and its axis the innermost axis section around it (sections nest at most six deep).
 */
function linePlaces(index: NoteIndex, analysis: NoteAnalysis, lineCount: number): (line: number) => Pick<SearchHit, 'heading' | 'axis'> {
  const { headings } = analysis.parsed;
  const headingAt = new Int32Array(lineCount).fill(-1);
  const axisAt = new Int32Array(lineCount).fill(-1);
  headings.forEach((heading, h) => {
    const end = headings[h + 1]?.range.start.line ?? lineCount;
    headingAt.fill(h, heading.range.start.line, end);
  });
  const byLevel = analysis.sections.map((section, s) => ({ s, heading: headings[section.headingIndex] }));
  byLevel.sort((a, b) => a.heading.level - b.heading.level);
  for (const { s, heading } of byLevel) axisAt.fill(s, heading.range.start.line, heading.sectionEndLine);
  return (line) => {
    const section = analysis.sections[axisAt[line]];
    const axis = section ? axisOf(index.scope, section.categoryId, section.axisId) : undefined;
    return {
      heading: headingAt[line] >= 0 ? headings[headingAt[line]].text : null,
      axis: section && axis ? { categoryId: section.categoryId, id: axis.id, name: axis.name } : null,
    };
  };
}

function productsOf(index: NoteIndex, analysis: NoteAnalysis): SearchHit['products'] {
  return analysis.targets.flatMap((target) => {
    const found = productOf(index.scope, target);
    return found ? [{ categoryId: target.categoryId, id: found.product.id, name: found.product.name }] : [];
  });
}
