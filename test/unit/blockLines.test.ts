import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { tests as specExamples } from 'commonmark-spec';
import { lineMarks, normalizeLineBreaks, type LineMarks } from '../../src/core/notes/blockLines';
import { parseNote } from '../../src/core/notes/noteParser';
import { leadSource } from '../../src/core/notes/noteLeads';

const markdownIt = new MarkdownIt();

/** The marks markdown-it's own StateBlock gives a text. */
function markdownItsMarks(src: string): LineMarks {
  const { bMarks, eMarks, tShift, sCount, bsCount, lineMax } = new markdownIt.block.State(src, markdownIt, {}, []);
  return { bMarks, eMarks, tShift, sCount, bsCount, lineMax };
}

/** The text after markdown-it's own normalize rule. */
function markdownItsNormalized(src: string): string {
  const state = new markdownIt.core.State(src, markdownIt, {});
  const [normalize] = markdownIt.core.ruler.getRules('');
  assert.equal(normalize.name, 'normalize');
  normalize(state);
  return state.src;
}

const normalized = (src: string) => {
  const state = { src };
  normalizeLineBreaks(state);
  return state.src;
};

/** Texts where lines are easy to get wrong: empty ones, indents of spaces and tabs, a last line without a break, CR, NUL. */
const EDGES = ['', ' ', '\t', '\n', '\n\n', 'a', 'a\n', 'a\n  ', 'a\n\t', '  \n', ' \t x\n\t\ty\n', '   # h\n\t- l\n    code', 'a\n \n'];
const CONTROL = ['\r\n', 'a\rb\r\nc\r', '\r\r\n\n', '\0', 'x\0y\r', '\u2028é\n'];

/** Random short texts over the characters that matter to lines (a fixed seed: the same texts every run). */
function randomTexts(count: number): string[] {
  const alphabet = [' ', ' ', '\t', '\n', '\n', '\r', '\0', 'a', '#', '-', 'é'];
  let seed = 27;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
  );
}

describe('the block parse’s lines: the same as markdown-it finds them', () => {
  const texts = [...EDGES, ...CONTROL, ...randomTexts(3000), ...specExamples.map((example) => example.markdown.replace(/→/g, '\t'))];

  it('normalizes line breaks and NUL as markdown-it does', () => {
    for (const text of texts) assert.equal(normalized(text), markdownItsNormalized(text), JSON.stringify(text));
  });

  it('marks where every line begins and ends, and its indent, as markdown-it does', () => {
    for (const text of texts.map(markdownItsNormalized)) assert.deepEqual(lineMarks(text), markdownItsMarks(text), JSON.stringify(text));
  });

  it('reads the headings of a note with CR LF line breaks and a last line of spaces as with LF ones', () => {
    const lf = '# Title\n\n## Pricing\n\nPer seat.\n  \tIndented on.\n\n## Security\n   ';
    const crlf = lf.replace(/\n/g, '\r\n');
    // A long opening may be kept as a reference into its text (see noteLeads): compared as the opening it reads.
    const headings = (text: string) =>
      parseNote(text).headings.map((h) => [h.text, h.sectionEndLine, h.own.leads.map((lead) => leadSource(lead, text))]);
    assert.deepEqual(headings(crlf), headings(lf));
    assert.deepEqual(headings(lf), [
      ['Title', 9, []],
      ['Pricing', 7, ['Per seat.\n  \tIndented on.']],
      ['Security', 9, []],
    ]);
  });
});
