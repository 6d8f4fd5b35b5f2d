/**
 * Two steps of markdown-it's block parse done with the same result at less cost: most of a note's block parse was
 * markdown-it looking at every character of the note twice, once for line breaks to normalize and once for where
 * each line starts and ends. Both are done here with the engine's own string search (`includes`, `indexOf`), which
 * looks at the characters far faster than a loop in JavaScript, and only a line's indent is read one by one.
 * A unit test compares both with markdown-it's own on the CommonMark examples and on hostile text.
 */

/** The line marks of markdown-it's StateBlock: where each line begins and ends, its indent in characters and in columns. */
export interface LineMarks {
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  sCount: number[];
  bsCount: number[];
  lineMax: number;
}

const SPACE = 0x20;
const TAB = 0x09;

/** The marks markdown-it's StateBlock constructor gives the same (normalized) text. */
export function lineMarks(src: string): LineMarks {
  const marks: LineMarks = { bMarks: [], eMarks: [], tShift: [], sCount: [], bsCount: [], lineMax: 0 };
  const mark = (begin: number, end: number, shift: number, columns: number) => {
    marks.bMarks.push(begin);
    marks.eMarks.push(end);
    marks.tShift.push(shift);
    marks.sCount.push(columns);
    marks.bsCount.push(0);
  };
  for (let start = 0; start < src.length;) {
    // The indent: spaces, and tabs to the next multiple of 4 columns (CommonMark 0.31.2, 2.2 Tabs).
    let first = start;
    let columns = 0;
    for (; first < src.length; first++) {
      const code = src.charCodeAt(first);
      if (code === SPACE) columns++;
      else if (code === TAB) columns += 4 - (columns % 4);
      else break;
    }
    // A last line of nothing but spaces and tabs, without a line break, gets no marks: markdown-it's loop ends in its indent.
    if (first === src.length) break;
    const lineBreak = src.indexOf('\n', first);
    const end = lineBreak === -1 ? src.length : lineBreak;
    mark(start, end, first - start, columns);
    start = end + 1;
  }
  // The empty line markdown-it adds after the last one, so that its rules can look one line ahead.
  mark(src.length, src.length, 0, 0);
  marks.lineMax = marks.bMarks.length - 1;
  return marks;
}

/**
 * markdown-it's `normalize` rule: CR LF and a lone CR become LF, NUL becomes U+FFFD (CommonMark 0.31.2, 2.1 and 2.3).
 * It runs two regular expressions over every note; most notes hold neither character, which `includes` finds first.
 */
export function normalizeLineBreaks(state: { src: string }): void {
  if (state.src.includes('\r')) state.src = state.src.replace(/\r\n?/g, '\n');
  if (state.src.includes('\0')) state.src = state.src.replace(/\0/g, '\uFFFD');
}
