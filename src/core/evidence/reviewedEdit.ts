import type { TextEdit } from '../notes/noteEdits';
import type { ParsedNote } from '../notes/noteParser';
import { sectionHeadings } from '../notes/sectionStatus';

/**
 * "Mark as reviewed today": sets the date of the section's first date line (`As of …`), or adds one as a paragraph of its own
 * right under the heading. One line is replaced or inserted; nothing else moves, and doing it twice changes nothing more.
 */
export function markReviewedEdit(note: ParsedNote, headingIndex: number, today: string, lineText: (line: number) => string): TextEdit {
  const marker = sectionHeadings(note, headingIndex).flatMap((h) => h.own.markers)[0];
  // A date line with nothing after its label (`Last checked:`) gets the day after a space.
  if (marker) return { range: marker.range, newText: marker.written === '' ? ` ${today}` : today };
  const heading = note.headings[headingIndex];
  const setext = !lineText(heading.range.start.line).trimStart().startsWith('#');
  const next = heading.range.end.line + (setext ? 2 : 1);
  const marked = `As of ${today}`;
  if (next >= note.lineCount) {
    const last = heading.range.end.line + (setext ? 1 : 0);
    const end = { line: last, character: lineText(last).length };
    return { range: { start: end, end }, newText: `\n\n${marked}\n` };
  }
  const at = { line: next, character: 0 };
  return { range: { start: at, end: at }, newText: lineText(next).trim() === '' ? `\n${marked}\n` : `\n${marked}\n\n` };
}
