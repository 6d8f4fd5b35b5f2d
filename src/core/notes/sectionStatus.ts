import type { SectionStatus } from './findings';
import type { ParsedNote } from './noteParser';

/** Tests whether a paragraph's text marks it as a placeholder. */
export type PlaceholderTest = (lead: string) => boolean;

const BUILT_IN_WORDS = ['TODO', 'TBD', 'TBC', 'FIXME'];
const BUILT_IN_MARKS = ['?', '...', '…'];

/**
 * A paragraph is a placeholder when its text starts with TODO, TBD, TBC, FIXME, `?`, `...`, `…` or one of
 * the scope's own `placeholders` (case-insensitive); a word must end there ("TODO:" is one, "Todoist" is not).
 */
export function placeholderTest(extra: readonly string[]): PlaceholderTest {
  const alternatives = [...BUILT_IN_WORDS, ...BUILT_IN_MARKS, ...extra].map((word) => {
    const escaped = word.trim().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return /[\p{L}\p{N}]$/u.test(word.trim()) ? `${escaped}(?![\\p{L}\\p{N}])` : escaped;
  });
  const regExp = new RegExp(`^(?:${alternatives.join('|')})`, 'iu');
  return (lead) => regExp.test(lead);
}

/** The headings of the section that starts at heading `index`: it and its deeper headings. */
function sectionHeadings(note: ParsedNote, index: number) {
  const level = note.headings[index].level;
  let end = index + 1;
  while (end < note.headings.length && note.headings[end].level > level) end++;
  return note.headings.slice(index, end);
}

/**
 * `empty` when the section holds nothing but white space, HTML comments and deeper headings;
 * `placeholder` when every paragraph in it is a placeholder; `answered` otherwise.
 */
export function sectionStatus(note: ParsedNote, index: number, isPlaceholder: PlaceholderTest): SectionStatus {
  let placeholders = 0;
  for (const { own } of sectionHeadings(note, index)) {
    if (own.solid) return 'answered';
    for (const lead of own.leads) {
      if (!isPlaceholder(lead)) return 'answered';
      placeholders++;
    }
  }
  return placeholders > 0 ? 'placeholder' : 'empty';
}

/** The first sentence of the section's first paragraph that is not a placeholder, as plain text (for the matrix). */
export function sectionExcerpt(note: ParsedNote, index: number, isPlaceholder: PlaceholderTest): string | undefined {
  for (const { own } of sectionHeadings(note, index)) {
    const lead = own.leads.find((l) => !isPlaceholder(l));
    if (lead !== undefined) return firstSentence(plainText(lead));
  }
  return undefined;
}

/** Inline Markdown reduced to its words: links to their text, no emphasis marks, code ticks or tags. */
/**
 * The section as plain text, for a hover: each paragraph's opening (cut at 240 characters), deeper headings
 * included, up to 1,000 characters (the matrix sends it for every cell).
 */
export function sectionText(note: ParsedNote, index: number, isPlaceholder: PlaceholderTest): string {
  const text = sectionHeadings(note, index)
    .flatMap((heading, i) => [...(i > 0 ? [heading.text] : []), ...heading.own.leads.filter((l) => !isPlaceholder(l))].map(plainText))
    .join('\n');
  return text.length > MAX_SECTION_TEXT ? `${text.slice(0, MAX_SECTION_TEXT - 1).trimEnd()}…` : text;
}

const MAX_SECTION_TEXT = 1000;

function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|`|~~)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const MAX_EXCERPT = 160;

function firstSentence(text: string): string {
  const end = /[.!?](\s|$)/.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  return sentence.length > MAX_EXCERPT ? `${sentence.slice(0, MAX_EXCERPT - 1).trimEnd()}…` : sentence;
}
