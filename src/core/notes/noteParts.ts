import type { Range } from '../text';
import type { AsOfMarker } from './asOfMarker';
import type { BlockToken } from './blockMarkdown';
import type { Citations } from './inlineLinks';
import { wholeLead } from './noteLeads';

/**
 * A paragraph's line that starts with `Score:` as a reader sees it (`**Score:** 3` too); what follows is read
 * against the scope's scale in the analysis.
 */
export interface ScoreLine {
  /** The text after `Score:` as a reader sees it, trimmed. */
  readonly value: string;
  /** The line's text, from `Score` to its end. */
  readonly range: Range;
}

/** What some of a heading's own blocks hold: a heading's own (HeadingContent), or one product's part of them. */
export interface PartContent {
  /** A block that is an answer whatever it says: code, a table, a rule, HTML other than comments. */
  readonly solid: boolean;
  /**
   * The opening source of each paragraph (also in lists and quotes), at most `LEAD_CHARS` characters and one
   * more when it goes on: enough for placeholder words and, read as plain text, an excerpt (see sectionStatus).
   * Kept as noteLeads keeps them: a long one as a reference into the note's text.
   */
  readonly leads: readonly string[];
  /** The `Score:` lines of its paragraphs, in order (they are not leads). */
  readonly scores: readonly ScoreLine[];
  /** The http(s) URLs its heading and paragraphs cite (links, references, autolinks, bare URLs), as written, repeats included. */
  readonly urls: readonly string[];
  /** The footnotes (`[^label]`) its paragraphs refer to. */
  readonly footnotes: readonly string[];
  /** Its date lines (`As of 2025-03-01`, `Last checked: 5 March 2025`), read or not. */
  readonly markers: readonly AsOfMarker[];
}

/**
 * Blocks that lead with a name: a paragraph or list item opening with `**Name:**` (or `**Name**:`, `__Name:__`),
 * with the rest of its list item and a paragraph of score lines right after it; a table's row by its first cell,
 * or its column by its header cell. Whether the name is a product is the analysis's question (see productAnswers);
 * the parse is the same for every scope.
 */
export interface LabeledPart extends PartContent {
  /** The name as written between the marks, or the cell's text. */
  readonly label: string;
  /** Where the name is written: what a hint about the part points at. */
  readonly range: Range;
  /** Which way a table part runs, and which table of the heading it is in; none for a bold lead. */
  readonly table?: { readonly index: number; readonly along: 'row' | 'column' };
}

/** A heading's own blocks split: those that lead with a name, and the others. */
export interface HeadingParts {
  readonly labeled: readonly LabeledPart[];
  readonly shared: PartContent;
  /** What each table of the heading cites as a whole, by its index: a table that names no product is shared. */
  readonly tableCitations: readonly Citations[];
}

type Draft<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };
type ContentDraft = Draft<PartContent>;

export interface PartsDraft extends HeadingParts {
  readonly labeled: (LabeledPart & ContentDraft)[];
  readonly shared: ContentDraft;
  readonly tableCitations: Citations[];
  /** The part the next blocks may continue: to the end of its list item, or with a paragraph of score lines. */
  open?: { readonly part: LabeledPart & ContentDraft; readonly listLevel?: number };
  /** The nesting level of a list item whose first block is still to come: it decides whether the item leads with a name. */
  itemLevel?: number;
}

export function newParts(): PartsDraft {
  return { labeled: [], shared: emptyContent(), tableCitations: [] };
}

function emptyContent(): ContentDraft {
  return { solid: false, leads: [], scores: [], urls: [], footnotes: [], markers: [] };
}

/** A cell is kept as much as a paragraph's opening is (LEAD_CHARS). */
const MAX_CELL = 600;
/** A label is a name, not a sentence: a longer bold opening is emphasis, and a longer cell is cut. */
const MAX_LABEL = 80;
/** `**Name:**`, `**Name**:`, `__Name:__` or `__Name__:` at the start of a paragraph. */
const BOLD_LEAD = new RegExp(`^(\\*\\*|__)([^*_\\n]{1,${MAX_LABEL}}?)(?::\\1|\\1[ \\t]*:)`);

/** Where a block stands in the note, and how to read a table's cells for citations (none past the note's budget). */
export interface BlockPlace {
  readonly firstLine: number;
  readonly lineText: (line: number) => string;
  readonly cellCitations?: (cell: string) => Citations;
}

/**
 * Files what one block added to a heading's content under its name, or with the shared blocks. A list item that
 * opens with a name holds its part to its end; a paragraph of score lines alone right after a paragraph that opens
 * with a name (`**Algolia:** …` then `**Score:** 2`) is that part's score, as its writer means it.
 */
export function route(parts: PartsDraft, token: BlockToken, added: PartContent, place: BlockPlace): void {
  const open = parts.open;
  if (open?.listLevel !== undefined) {
    if (token.type === 'list_item_close' && token.level === open.listLevel) parts.open = undefined;
    else addContent(open.part, added);
    return;
  }
  if (token.type === 'list_item_open') {
    parts.open = undefined;
    parts.itemLevel = token.level;
    return;
  }
  // An empty list item leads with nothing.
  if (token.type === 'list_item_close') parts.itemLevel = undefined;
  // Opening and closing tokens, and HTML comments, hold nothing: they neither start nor end a part.
  if (token.type !== 'inline' && !added.solid) return;
  const itemLevel = parts.itemLevel;
  parts.itemLevel = undefined;
  parts.open = undefined;
  if (token.type === 'inline' && token.content.startsWith('|')) return addTable(parts, token.content, place);
  if (open && token.type === 'inline' && isScoreParagraph(added, open.part)) return addContent(open.part, added);
  const label = leadLabel(token);
  if (!label) return addContent(parts.shared, added);
  const part = { label, range: labelRange(place.lineText(place.firstLine), place.firstLine, label), ...emptyContent() };
  addContent(part, added);
  parts.labeled.push(part);
  parts.open = { part, ...(itemLevel !== undefined ? { listLevel: itemLevel } : {}) };
}

/** A paragraph of score lines and nothing else, after a part without a score of its own. */
function isScoreParagraph(added: PartContent, part: PartContent): boolean {
  return added.scores.length > 0 && added.leads.length === 0 && part.scores.length === 0;
}

function leadLabel(token: BlockToken): string | undefined {
  return token.type === 'inline' ? BOLD_LEAD.exec(token.content.trimStart())?.[2].trim() || undefined : undefined;
}

function addContent(into: ContentDraft, added: PartContent): void {
  into.solid ||= added.solid;
  into.leads.push(...added.leads);
  into.scores.push(...added.scores);
  into.urls.push(...added.urls);
  into.footnotes.push(...added.footnotes);
  into.markers.push(...added.markers);
}

/** Where a label is written on its line; the whole line when it is not written as such. */
function labelRange(text: string, line: number, label: string): Range {
  const at = text.indexOf(label);
  const [start, end] = at === -1 ? [text.length - text.trimStart().length, text.trimEnd().length] : [at, at + label.length];
  return { start: { line, character: start }, end: { line, character: end } };
}

/**
 * A table's rows by their first cells and its columns by their header cells (a cell's text is its lead). The cells
 * are split at `|` not escaped; the delimiter row (`|---|`) is no row. Whether the table answers for all (its rows
 * and columns name no product) is the analysis's question.
 */
function addTable(parts: PartsDraft, content: string, place: BlockPlace): void {
  const index = parts.tableCitations.length;
  const rows = content
    .split('\n')
    .map((line, i) => ({ cells: cells(line), line: place.firstLine + i }))
    .filter((row) => !row.cells.every((cell) => /^:?-+:?$/.test(cell)));
  const [header = { cells: [], line: place.firstLine }, ...body] = rows;
  // A cell counts for the table, its row and its column: each is read once.
  const read = new Map<string, Citations>();
  const cellCitations = place.cellCitations;
  const citationsOf = (text: string, from: (cell: string) => Citations) => {
    let citations = read.get(text);
    if (!citations) read.set(text, (citations = from(text)));
    return citations;
  };
  const cite = (texts: readonly (string | undefined)[]) => {
    const citations = texts.flatMap((text) => (text && cellCitations ? [citationsOf(text, cellCitations)] : []));
    return { urls: citations.flatMap((c) => [...c.urls]), footnotes: citations.flatMap((c) => [...c.footnotes]) };
  };
  parts.tableCitations.push(cite(rows.flatMap((row) => row.cells)));
  // A part's leads are its cells but the one naming it; its citations, all its cells'.
  const part = (label: string, line: number, texts: readonly (string | undefined)[], along: 'row' | 'column') => ({
    label,
    range: labelRange(place.lineText(line), line, label),
    solid: false,
    leads: texts.slice(1).flatMap((text) => (text ? [wholeLead(text)] : [])),
    scores: [],
    ...cite(texts),
    markers: [],
    table: { index, along },
  });
  for (const row of body) if (row.cells[0]) parts.labeled.push(part(row.cells[0], row.line, row.cells, 'row'));
  header.cells.forEach((label, column) => {
    if (column > 0 && label) parts.labeled.push(part(label, header.line, [label, ...body.map((row) => row.cells[column])], 'column'));
  });
}

function cells(line: string): string[] {
  const trimmed = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().slice(0, MAX_CELL));
}
