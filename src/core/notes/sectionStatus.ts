import type { SectionStatus } from './findings';
import { renderedText, type InlineEnv } from './blockMarkdown';
import type { ParsedNote } from './noteParser';
import { LEAD_CHARS, leadHead, LEADING_MARKS, leadSource } from './noteLeads';

/** Tests whether a paragraph's opening source marks it as a placeholder. */
export interface PlaceholderTest {
  (lead: string): boolean;
  /**
   * The same from an opening's first characters (a kept lead's head, see noteLeads): undefined when they cannot
   * tell, for a word of the scope nearly as long as they are.
   */
  readonly head: (head: string) => boolean | undefined;
}

/**
 * The note's text that a parse was made from, read when a lead asks for it (see noteLeads); undefined when it cannot
 * be had as it was (the note changed since, or cannot be read).
 */
export type NoteText = () => string | undefined;

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
  // `cut`: the opening goes on past `lead`, so that where the test would read on, it cannot tell.
  const test = (lead: string, cut: boolean): boolean | undefined => {
    const text = lead.replace(LEADING_MARKS, '').toLowerCase();
    let node: TrieNode | undefined = root;
    let offset = 0;
    for (const char of text) {
      node = node.next.get(char);
      if (!node) return false;
      offset += char.length;
      if (node.end === 'mark') return true;
      if (node.end === 'word' && cut && offset + 2 > text.length) return undefined;
      if (node.end === 'word' && !WORD_CHAR.test(text.slice(offset, offset + 2))) return true;
    }
    return cut && node.next.size > 0 ? undefined : false;
  };
  return Object.assign((lead: string) => test(lead, false) === true, { head: (head: string) => test(head, true) });
}

/** A letter or digit at the start of a text (two code units: one character). */
const WORD_CHAR = /^[\p{L}\p{N}]/u;

/**
 * Whether a kept lead (see noteLeads) is a placeholder: its head tells, else its source read from the note's text.
 * One that neither can tell (a word of the scope longer than a head, and a note that changed since) counts as an answer.
 */
export function isPlaceholderLead(lead: string, isPlaceholder: PlaceholderTest, text?: NoteText): boolean {
  const { head, cut } = leadHead(lead);
  if (!cut) return isPlaceholder(head);
  const verdict = isPlaceholder.head(head);
  if (verdict !== undefined) return verdict;
  const source = leadSource(lead, text?.());
  return source !== undefined && isPlaceholder(source);
}

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
export function sectionStatus(note: ParsedNote, index: number, isPlaceholder: PlaceholderTest, text?: NoteText): SectionStatus {
  let placeholders = 0;
  for (const { own } of sectionHeadings(note, index)) {
    if (own.solid || own.scores.length > 0) return 'answered';
    for (const lead of own.leads) {
      if (!isPlaceholderLead(lead, isPlaceholder, text)) return 'answered';
      placeholders++;
    }
  }
  return placeholders > 0 ? 'placeholder' : 'empty';
}

/**
 * The first sentence of the section's first paragraph that is not a placeholder, as plain text (for the matrix).
 * `text`: the note's text, for the leads kept as references into it (see noteLeads). Undefined when the section
 * has none, or when its text cannot be had as it was parsed (`readable` false): never one from another text.
 */
export function sectionExcerpt(note: ParsedNote, index: number, isPlaceholder: PlaceholderTest, text: NoteText): string | undefined {
  return textOf(
    remembered(excerpts, note, index, isPlaceholder, () => {
      for (const { own } of sectionHeadings(note, index)) {
        const lead = own.leads.find((l) => !isPlaceholderLead(l, isPlaceholder, text));
        if (lead !== undefined) return mapped(leadText(lead, note.inlineEnv, text), firstSentence);
      }
      return { readable: true, text: undefined };
    }),
  );
}

/**
 * The section as plain text, for a hover: each paragraph's opening (cut at 240 characters), deeper headings
 * included, up to 1,000 characters (the matrix sends it for every cell). `text`: as for sectionExcerpt; undefined
 * when it cannot be had as it was parsed.
 */
export function sectionText(note: ParsedNote, index: number, isPlaceholder: PlaceholderTest, text: NoteText): string | undefined {
  return textOf(
    remembered(texts, note, index, isPlaceholder, () => {
      const lines: string[] = [];
      for (const [i, heading] of sectionHeadings(note, index).entries()) {
        if (i > 0) lines.push(heading.text);
        const answered = answeredTexts(heading.own.leads, note.inlineEnv, isPlaceholder, text);
        if (!answered) return UNREADABLE;
        lines.push(...answered);
      }
      return { readable: true, text: upToSectionText(lines.join('\n')) };
    }),
  );
}

/**
 * A product's answer in a comparison note (its paragraphs' openings, see comparisonAnswers): its excerpt and its
 * text, as for a section; undefined when the note's text cannot be had as it was parsed.
 */
export function answerTexts(
  leads: readonly string[],
  env: InlineEnv,
  isPlaceholder: PlaceholderTest,
  text: NoteText,
): { excerpt: string | undefined; text: string } | undefined {
  const answered = answeredTexts(leads, env, isPlaceholder, text);
  if (!answered) return undefined;
  return { excerpt: answered.length > 0 ? firstSentence(answered[0]) : undefined, text: upToSectionText(answered.join('\n')) };
}

/** A text rendered from a note's leads, or `readable` false when the note's text could not be had as it was parsed. */
type Rendered = { readonly readable: true; readonly text: string | undefined } | { readonly readable: false };

const UNREADABLE: Rendered = { readable: false };

function textOf(rendered: Rendered): string | undefined {
  return rendered.readable ? rendered.text : undefined;
}

function mapped(rendered: Rendered, map: (text: string) => string): Rendered {
  return rendered.readable && rendered.text !== undefined ? { readable: true, text: map(rendered.text) } : rendered;
}

/** The plain texts of the leads that are not placeholders; undefined when one of them cannot be read. */
function answeredTexts(leads: readonly string[], env: InlineEnv, isPlaceholder: PlaceholderTest, text: NoteText): string[] | undefined {
  const answered: string[] = [];
  for (const lead of leads) {
    if (isPlaceholderLead(lead, isPlaceholder, text)) continue;
    const rendered = leadText(lead, env, text);
    if (!rendered.readable || rendered.text === undefined) return undefined;
    answered.push(rendered.text);
  }
  return answered;
}

function upToSectionText(text: string): string {
  return text.length > MAX_SECTION_TEXT ? `${text.slice(0, MAX_SECTION_TEXT - 1).trimEnd()}…` : text;
}

/**
 * The rendered texts of a parse, by heading, for one placeholder test (one scope): rendering runs markdown-it's
 * inline parser over every paragraph's opening, and the matrix asks for every answered cell each time it is
 * built. Kept as long as the parse is (a note's change makes a new one) and the scope's placeholder test is; a
 * text that could not be read is not kept, so that it is read again next time.
 */
type RenderedTexts = WeakMap<PlaceholderTest, WeakMap<ParsedNote, Map<number, Rendered>>>;
const excerpts: RenderedTexts = new WeakMap();
const texts: RenderedTexts = new WeakMap();

function remembered(
  cache: RenderedTexts,
  note: ParsedNote,
  index: number,
  isPlaceholder: PlaceholderTest,
  render: () => Rendered,
): Rendered {
  let byNote = cache.get(isPlaceholder);
  if (!byNote) cache.set(isPlaceholder, (byNote = new WeakMap()));
  let byHeading = byNote.get(note);
  if (!byHeading) byNote.set(note, (byHeading = new Map()));
  const known = byHeading.get(index);
  if (known) return known;
  const rendered = render();
  if (rendered.readable) byHeading.set(index, rendered);
  return rendered;
}

const MAX_SECTION_TEXT = 1000;
const MAX_LEAD_TEXT = 240;

/**
 * A paragraph's opening as a reader sees it (see `renderedText`), at most 240 characters. When the source was
 * cut, the cut may fall inside a link or an autolink, which then reads as raw Markdown: it is left out.
 */
function leadText(kept: string, env: InlineEnv, source: NoteText): Rendered {
  const lead = leadSource(kept, leadHead(kept).cut ? source() : undefined);
  return lead === undefined ? UNREADABLE : { readable: true, text: plainLead(lead, env) };
}

function plainLead(lead: string, env: InlineEnv): string {
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
