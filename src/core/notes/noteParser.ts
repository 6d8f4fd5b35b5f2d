import { ANY_DATE_LABEL, markersOf, type AsOfMarker } from './asOfMarker';
import { citationsOf, MAX_NOTE_CITATION_CHARS, type Citations } from './inlineLinks';
import { kept } from '../arrays';
import { LineIndex, normalizeText, type Range } from '../text';
import { lineReader, parseBlocks, renderedText, type BlockToken, type InlineEnv } from './blockMarkdown';
import { openBlockAtEnd } from './openBlock';
import { keptLead, LEAD_CHARS, textHash } from './noteLeads';
import { sharedString } from '../sharedString';
import { lineRange, sharedPosition } from '../sharedRanges';
import { readFrontMatter, type FrontMatter } from './frontMatter';
import { newParts, route, type HeadingParts, type PartContent, type PartsDraft, type ScoreLine } from './noteParts';

/** What a heading's own blocks (up to the next heading of any level) hold. */
export type HeadingContent = PartContent;

export type { ScoreLine } from './noteParts';

export interface ParsedHeading {
  readonly level: number;
  /** The heading's text as a reader sees it (see `renderedText`): what is matched against the axes. */
  readonly text: string;
  readonly normalized: string;
  /** The heading from its first character to the end of its text (one line for ATX, the text lines for setext). */
  readonly range: Range;
  /** The text as written, without the `#` marks or the setext underline. */
  readonly textRange: Range;
  /**
   * What a rename replaces: where `text` is written as such within the heading (the link text of
   * `[Pricing](…)`), else the whole `textRange`.
   */
  readonly renameRange: Range;
  /** The line of the next heading of the same or a higher level, or the line count: the section's end. */
  readonly sectionEndLine: number;
  /** The heading's own blocks; its section also holds those of the deeper headings up to `sectionEndLine`. */
  readonly own: HeadingContent;
  /**
   * Its own blocks split by the names they lead with (`**Algolia:** …`, a table's rows and columns), when some do:
   * read in a comparison note only (front matter listing several products), the one kind of note that asks.
   */
  readonly parts?: HeadingParts;
}

/** What the analysis keeps of a note's text: independent of the scope, so a scope change needs no re-parse. */
export interface ParsedNote {
  readonly frontMatter?: FrontMatter;
  /** The note's link reference definitions, for reading its paragraphs as plain text. */
  readonly inlineEnv: InlineEnv;
  readonly headings: readonly ParsedHeading[];
  readonly lineCount: number;
  /** The length of the last line (0 when the text ends with a line break): where an edit appends a section. */
  readonly lastLineLength: number;
  /** Whether the line before an empty last line is blank too. */
  readonly endsWithBlankLine: boolean;
  /** What closes the block the note ends inside of (a fence, `<!--`, `<pre>`), where a section appended at the end would land. */
  readonly openBlockCloser?: string;
  /** The URLs each footnote definition (`[^label]: …`) holds, by label. */
  readonly footnotes: ReadonlyMap<string, readonly string[]>;
  /** The text's digest (see noteLeads' textHash): what a text read again must match for the leads that point into it. */
  readonly textHash: number;
}

/** The footnotes of a note without any, shared: every note keeps its parse, and an empty Map is not small. */
const NO_FOOTNOTES: ReadonlyMap<string, readonly string[]> = new Map();

export function parseNote(text: string): ParsedNote {
  const frontMatter = readFrontMatter(text);
  const lines = new LineIndex(text);
  const bodyLine = frontMatter?.bodyLine ?? 0;
  const { tokens, env } = parseBlocks(frontMatter ? text.slice(frontMatter.bodyOffset) : text);
  const lineText = (line: number) =>
    text.slice(lines.lineStart(line), line + 1 < lines.lineCount ? lines.lineStart(line + 1) - 1 : text.length).replace(/\r$/, '');

  type Draft = {
    level: number;
    source: string;
    line: number;
    range: Range;
    textRange: Range;
    solid: boolean;
    leads: string[];
    scores: ScoreLine[];
    urls: string[];
    footnotes: string[];
    markers: AsOfMarker[];
    /** Which product each block answers for: read in a comparison note only (see HeadingParts). */
    parts?: PartsDraft;
  };
  const drafts: Draft[] = [];
  const comparison = (frontMatter?.products?.length ?? 0) > 1;
  const footnotes = new Map<string, string[]>();
  let footnote: string[] | undefined;
  let current: Draft | undefined;
  let citationBudget = MAX_NOTE_CITATION_CHARS;
  const readLine = lineReader(env);
  /** A paragraph's opening whose first line is `line`, as the parse keeps it (see noteLeads). */
  const keep = (lead: string, line: number) => {
    const newline = lead.indexOf('\n');
    const written = lineText(line);
    // A paragraph's first line runs to the end of its line, white space and all, but for a paragraph of one line.
    const column = newline === -1 ? written.trimEnd().length - lead.length : written.length - newline;
    return keptLead(lead.slice(0, LEAD_CHARS + 1), text, lines.lineStart(line) + column);
  };
  const cite = (content: string) => {
    if (citationBudget <= 0) return;
    citationBudget -= content.length;
    const citations = citationsOf(content, env);
    const urls = citations.urls.map(sharedString);
    if (footnote) {
      footnote.push(...urls);
    } else if (current) {
      current.urls.push(...urls);
      current.footnotes.push(...citations.footnotes);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'heading_open') {
      const inline = tokens[i + 1];
      const [first, last] = headingLines(token, bodyLine);
      current = {
        level: Number(token.tag.slice(1)),
        source: inline.content,
        line: first,
        ...headingRanges(inline.content, token.markup.startsWith('#'), first, last, lineText),
        solid: false,
        leads: [],
        scores: [],
        urls: [],
        footnotes: [],
        markers: [],
        ...(comparison ? { parts: newParts() } : {}),
      };
      drafts.push(current);
      // A heading that is a link, `## [Pricing model](https://…/pricing)`, cites that page for its section.
      cite(inline.content);
      current.parts?.shared.urls.push(...current.urls);
      current.parts?.shared.footnotes.push(...current.footnotes);
      i += 2;
      continue;
    }
    if (token.type === 'footnote_reference_open') {
      footnote = [];
      footnotes.set(String(token.meta?.label), footnote);
    } else if (token.type === 'footnote_reference_close') {
      footnote = undefined;
    }
    // A footnote's definition is where a citation points, not part of the answer it stands under.
    if (!current || footnote) {
      if (token.type === 'inline') cite(token.content);
      continue;
    }
    const draft: Draft = current;
    const inline = token.type === 'inline';
    const solid = inline ? token.content.startsWith('|') /* a table: see parseBlocks */ : isSolid(token);
    const firstLine = (token.map?.[0] ?? 0) + bodyLine;
    // Opening and closing tokens add nothing: they only tell route where list items start and end.
    if (!inline && !solid) {
      if (draft.parts) route(draft.parts, token, NOTHING_ADDED, { firstLine, lineText });
      continue;
    }
    const before = draft.parts && contentCounts(draft);
    // A table's cells are read for citations one by one when the note's budget reached the table.
    const cellCitations = citationBudget > 0 ? (cell: string): Citations => citationsOf(cell, env) : undefined;
    if (inline) cite(token.content);
    if (solid) draft.solid = true;
    else readParagraph(token.content, firstLine, lineText, readLine, keep, draft);
    if (draft.parts && before) {
      const place = { firstLine, lineText, ...(cellCitations ? { cellCitations } : {}) };
      route(draft.parts, token, addedSince(draft, before, solid), place);
    }
  }

  const headings: ParsedHeading[] = drafts.map((d, index) => {
    let end = index + 1;
    while (end < drafts.length && drafts[end].level > d.level) end++;
    const text = renderedText(d.source, env).replace(/\s+/g, ' ').trim();
    return {
      level: d.level,
      text: sharedString(text),
      normalized: sharedString(normalizeText(text)),
      range: d.range,
      textRange: d.textRange,
      renameRange: renameRange(d.source, text, d.textRange),
      sectionEndLine: end < drafts.length ? drafts[end].line : lines.lineCount,
      own: {
        solid: d.solid,
        leads: kept(d.leads),
        scores: kept(d.scores),
        urls: kept(d.urls),
        footnotes: kept(d.footnotes),
        markers: kept(d.markers),
      },
      ...(d.parts && d.parts.labeled.length > 0 ? { parts: d.parts } : {}),
    };
  });
  const lastLine = lineText(lines.lineCount - 1);
  return {
    ...(frontMatter ? { frontMatter } : {}),
    inlineEnv: env,
    headings,
    lineCount: lines.lineCount,
    lastLineLength: lastLine.length,
    endsWithBlankLine: lines.lineCount > 1 && lineText(lines.lineCount - 2).trim() === '' && lastLine === '',
    ...openBlockAtEnd(tokens),
    footnotes: footnotes.size > 0 ? footnotes : NO_FOOTNOTES,
    textHash: textHash(text),
  };
}

type ContentCounts = Record<Exclude<keyof PartContent, 'solid'>, number>;

function contentCounts(content: PartContent): ContentCounts {
  const { leads, scores, urls, footnotes, markers } = content;
  return { leads: leads.length, scores: scores.length, urls: urls.length, footnotes: footnotes.length, markers: markers.length };
}

/** What one block added to a heading's content, from the counts before it. */
function addedSince(content: PartContent, before: ContentCounts, solid: boolean): PartContent {
  return {
    solid,
    leads: content.leads.slice(before.leads),
    scores: content.scores.slice(before.scores),
    urls: content.urls.slice(before.urls),
    footnotes: content.footnotes.slice(before.footnotes),
    markers: content.markers.slice(before.markers),
  };
}

/** What a token that holds no text or solid block adds to its heading. */
const NOTHING_ADDED: PartContent = { solid: false, leads: [], scores: [], urls: [], footnotes: [], markers: [] };

/** A word that a score line (`Score:`) or a date line (see asOfMarker's labels) holds. */
const LINE_LABEL = new RegExp(`score|${ANY_DATE_LABEL.source}`, 'i');

/**
 * Takes a paragraph's score lines and date lines into the draft, and its other lines as a lead: a paragraph of
 * nothing but date lines dates the section without answering it.
 */
function readParagraph(
  content: string,
  firstLine: number,
  lineText: (line: number) => string,
  readLine: (line: string) => string,
  keep: (lead: string, line: number) => string,
  draft: { scores: ScoreLine[]; markers: AsOfMarker[]; leads: string[] },
): void {
  // One test spares most paragraphs both searches, each of which would look at every character again.
  const labelled = LINE_LABEL.test(content);
  const scores = labelled ? scoreLinesOf(content, firstLine, lineText, readLine) : [];
  const markers = labelled ? markersOf(content, firstLine, lineText, readLine) : [];
  draft.scores.push(...scores);
  draft.markers.push(...markers);
  // A score line and a date line are not the answer; a date line that goes on (`As of 2025-05-01: per seat`) is.
  const taken = new Set([...scores, ...markers.filter((marker) => !marker.answers)].map((line) => line.range.start.line));
  if (taken.size === 0) {
    if (content) draft.leads.push(keep(content, firstLine));
    return;
  }
  const kept = content.split('\n').flatMap((line, i) => (taken.has(firstLine + i) ? [] : [{ line, at: firstLine + i }]));
  const lead = kept.map((l) => l.line).join('\n');
  if (lead) draft.leads.push(keep(lead, kept[0].at));
}

/**
 * A paragraph's score lines. A line is read as a reader sees it (emphasis and links dropped: see `lineReader`),
 * so `**Score:** 2/4`, `**Score: 4**` and `*Score:* 3` are score lines as `Score: 3` is.
 */
function scoreLinesOf(
  content: string,
  firstLine: number,
  lineText: (line: number) => string,
  readLine: (line: string) => string,
): ScoreLine[] {
  if (!/score/i.test(content)) return [];
  const scores: ScoreLine[] = [];
  content.split('\n').forEach((source, i) => {
    const match = /score/i.test(source) ? /^score[ \t]*:(.*)$/i.exec(readLine(source).trim()) : null;
    if (!match) return;
    const line = firstLine + i;
    const text = lineText(line);
    const start = Math.max(0, text.indexOf(source.trimStart()));
    scores.push({ value: match[1].trim(), range: { start: { line, character: start }, end: { line, character: text.trimEnd().length } } });
  });
  return scores;
}

/** The heading's first and last text line (a setext heading's underline excluded), in the note's lines. */
function headingLines(token: BlockToken, bodyLine: number): [number, number] {
  const [start, end] = token.map ?? [0, 1];
  const setext = token.markup === '=' || token.markup === '-';
  return [start + bodyLine, (setext ? end - 2 : end - 1) + bodyLine];
}

function headingRanges(
  content: string,
  atx: boolean,
  first: number,
  last: number,
  lineText: (line: number) => string,
): { range: Range; textRange: Range } {
  const firstText = lineText(first);
  const contentLines = content.split('\n');
  let from = atx ? firstText.indexOf('#') : 0;
  while (atx && firstText[from] === '#') from++;
  const headingStart = firstText.length - firstText.trimStart().length;
  let textStart = content ? firstText.indexOf(contentLines[0], from) : -1;
  if (textStart === -1) textStart = firstText.trimEnd().length;
  const lastText = lineText(last);
  const lastContent = contentLines[contentLines.length - 1];
  const textEnd = first === last ? textStart + content.length : lastText.indexOf(lastContent) + lastContent.length;
  const end = atx ? firstText.trimEnd().length : textEnd;
  // Every note keeps each heading's ranges: shared where they are on one line (see lineRange), and a position where not.
  if (first === last) return { range: lineRange(first, headingStart, end), textRange: lineRange(first, textStart, textEnd) };
  return {
    range: { start: sharedPosition(first, headingStart), end: sharedPosition(last, end) },
    textRange: { start: sharedPosition(first, textStart), end: sharedPosition(last, textEnd) },
  };
}

/** Where the rendered text is written as such in a one-line heading's source; else the whole text. */
function renameRange(source: string, text: string, textRange: Range): Range {
  const at = source === text || textRange.start.line !== textRange.end.line ? -1 : source.indexOf(text);
  if (at === -1 || text === '') return textRange;
  const { line, character } = textRange.start;
  return lineRange(line, character + at, character + at + text.length);
}

export function isSolid(token: BlockToken): boolean {
  switch (token.type) {
    case 'fence':
    case 'code_block':
    case 'hr':
      return true;
    case 'html_block':
      return token.content.replace(/<!--[\s\S]*?(-->|$)/g, '').trim() !== '';
    default:
      return false;
  }
}
