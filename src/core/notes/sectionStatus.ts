import type { SectionStatus } from './findings';
import { renderedText, type InlineEnv } from './blockMarkdown';
import { LEAD_CHARS, type ParsedNote } from './noteParser';

/** Tests whether a paragraph's opening source (a lead of `ParsedHeading.own`) marks it as a placeholder. */
export type PlaceholderTest = (lead: string) => boolean;

const BUILT_IN_WORDS = ['TODO', 'TBD', 'TBC', 'FIXME'];
const BUILT_IN_MARKS = ['?', '...', '…'];
/** What marks a placeholder besides the scope's own words: what the research brief tells a writer to avoid. */
export const BUILT_IN_PLACEHOLDERS: readonly string[] = [...BUILT_IN_WORDS, ...BUILT_IN_MARKS];

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  /** A placeholder ends here; `word` when it ends with a letter or digit, which must not go on. */
  end?: 'word' | 'mark';
}

/**
 * A paragraph is a placeholder when its text starts with TODO, TBD, TBC, FIXME, `?`, `...`, `…` or one of
 * the scope's own `placeholders` (case-insensitive); a word must end there ("TODO:" is one, "Todoist" is not).
 * Emphasis, code marks and a task box before the word do not count. The words go into a trie, so that a test
 * costs the length of the paragraph's opening whatever the number of words.
 */
export function placeholderTest(extra: readonly string[]): PlaceholderTest {
  const root: TrieNode = { next: new Map() };
  for (const word of [...BUILT_IN_WORDS, ...BUILT_IN_MARKS, ...extra]) {
    const lower = word.trim().toLowerCase();
    if (!lower) continue;
    let node = root;
    for (const char of lower) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { next: new Map() }));
      node = child;
    }
    node.end = /[\p{L}\p{N}]$/u.test(lower) ? 'word' : 'mark';
  }
  return (lead) => {
    const text = lead.replace(LEADING_MARKS, '').toLowerCase();
    let node: TrieNode | undefined = root;
    let offset = 0;
    for (const char of text) {
      node = node.next.get(char);
      if (!node) return false;
      offset += char.length;
      if (node.end === 'mark' || (node.end === 'word' && !WORD_CHAR.test(text.slice(offset, offset + 2)))) return true;
    }
    return false;
  };
}

/** What may precede a placeholder word: white space, a task box, emphasis and code marks. */
const LEADING_MARKS = /^\s*(\[[ xX]\]\s+)?[*_~`\s]*/;
/** A letter or digit at the start of a text (two code units: one character). */
const WORD_CHAR = /^[\p{L}\p{N}]/u;

/** The headings of the section that starts at heading `index`: it and its deeper headings. */
export function sectionHeadings(note: ParsedNote, index: number) {
  const level = note.headings[index].level;
  let end = index + 1;
  while (end < note.headings.length && note.headings[end].level > level) end++;
  return note.headings.slice(index, end);
}

/**
 * `empty` when the section holds nothing but white space, HTML comments and deeper headings;
 * `placeholder` when every paragraph in it is a placeholder; `answered` otherwise (a score line is a verdict: an answer).
 */
export function sectionStatus(note: ParsedNote, index: number, isPlaceholder: PlaceholderTest): SectionStatus {
  let placeholders = 0;
  for (const { own } of sectionHeadings(note, index)) {
    if (own.solid || own.scores.length > 0) return 'answered';
    for (const lead of own.leads) {
      if (!isPlaceholder(lead)) return 'answered';
      placeholders++;
    }
  }
  return placeholders > 0 ? 'placeholder' : 'empty';
}

/** The first sentence of the section's first paragraph that is not a placeholder, as plain text (for the matrix). */
export function sectionExcerpt(note: ParsedNote, index: number, isPlaceholder: PlaceholderTest): string | undefined {
  return remembered(excerpts, note, index, isPlaceholder, () => renderExcerpt(note, index, isPlaceholder));
}

function renderExcerpt(note: ParsedNote, index: number, isPlaceholder: PlaceholderTest): string | undefined {
  for (const { own } of sectionHeadings(note, index)) {
    const lead = own.leads.find((l) => !isPlaceholder(l));
    if (lead !== undefined) return firstSentence(leadText(lead, note.inlineEnv));
  }
  return undefined;
}

/**
 * The section as plain text, for a hover: each paragraph's opening (cut at 240 characters), deeper headings
 * included, up to 1,000 characters (the matrix sends it for every cell).
 */
export function sectionText(note: ParsedNote, index: number, isPlaceholder: PlaceholderTest): string {
  return remembered(texts, note, index, isPlaceholder, () => renderText(note, index, isPlaceholder));
}

function renderText(note: ParsedNote, index: number, isPlaceholder: PlaceholderTest): string {
  const text = sectionHeadings(note, index)
    .flatMap((heading, i) => [
      ...(i > 0 ? [heading.text] : []),
      ...heading.own.leads.filter((l) => !isPlaceholder(l)).map((l) => leadText(l, note.inlineEnv)),
    ])
    .join('\n');
  return text.length > MAX_SECTION_TEXT ? `${text.slice(0, MAX_SECTION_TEXT - 1).trimEnd()}…` : text;
}

/** A product's answer in a comparison note (its paragraphs' openings, see comparisonAnswers): its excerpt and its text, as for a section. */
export function answerTexts(
  leads: readonly string[],
  env: InlineEnv,
  isPlaceholder: PlaceholderTest,
): { excerpt: string | undefined; text: string } {
  const answered = leads.filter((lead) => !isPlaceholder(lead)).map((lead) => leadText(lead, env));
  const text = answered.join('\n');
  return {
    excerpt: answered.length > 0 ? firstSentence(answered[0]) : undefined,
    text: text.length > MAX_SECTION_TEXT ? `${text.slice(0, MAX_SECTION_TEXT - 1).trimEnd()}…` : text,
  };
}

/**
 * The rendered texts of a parse, by heading, for one placeholder test (one scope): rendering runs markdown-it's
 * inline parser over every paragraph's opening, and the matrix asks for every answered cell each time it is
 * built. Kept as long as the parse is (a note's change makes a new one) and the scope's placeholder test is.
 */
type RenderedTexts = WeakMap<PlaceholderTest, WeakMap<ParsedNote, Map<number, string | undefined>>>;
const excerpts: RenderedTexts = new WeakMap();
const texts: RenderedTexts = new WeakMap();

function remembered<T extends string | undefined>(
  cache: RenderedTexts,
  note: ParsedNote,
  index: number,
  isPlaceholder: PlaceholderTest,
  render: () => T,
): T {
  let byNote = cache.get(isPlaceholder);
  if (!byNote) cache.set(isPlaceholder, (byNote = new WeakMap()));
  let byHeading = byNote.get(note);
  if (!byHeading) byNote.set(note, (byHeading = new Map()));
  if (byHeading.has(index)) return byHeading.get(index) as T;
  const text = render();
  byHeading.set(index, text);
  return text;
}

const MAX_SECTION_TEXT = 1000;
const MAX_LEAD_TEXT = 240;

/**
 * A paragraph's opening as a reader sees it (see `renderedText`), at most 240 characters. When the source was
 * cut, the cut may fall inside a link or an autolink, which then reads as raw Markdown: it is left out.
 */
function leadText(lead: string, env: InlineEnv): string {
  const cut = lead.length > LEAD_CHARS;
  let text = renderedText(cut ? lead.slice(0, LEAD_CHARS) : lead, env)
    .replace(/\s+/g, ' ')
    .trim();
  if (cut) text = withoutCutMarkup(text);
  return cut || text.length > MAX_LEAD_TEXT ? `${text.slice(0, MAX_LEAD_TEXT - 1).trimEnd()}…` : text;
}

/** Drops the end of a text cut inside `[text](url` or `<url`: markup that only the rest of the paragraph would close. */
function withoutCutMarkup(text: string): string {
  const bracket = text.lastIndexOf('[');
  if (bracket !== -1 && text.indexOf('](', bracket) !== -1) return text.slice(0, bracket).trimEnd();
  const angle = text.lastIndexOf('<');
  if (angle !== -1 && text.indexOf('>', angle) === -1) return text.slice(0, angle).trimEnd();
  return text;
}

const MAX_EXCERPT = 160;

function firstSentence(text: string): string {
  const end = /[.!?](\s|$)/.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  return sentence.length > MAX_EXCERPT ? `${sentence.slice(0, MAX_EXCERPT - 1).trimEnd()}…` : sentence;
}
