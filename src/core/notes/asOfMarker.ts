import type { Range } from '../text';
import { readDay, type DayReading } from '../dates';

/** Where an answer's as-of date came from, in the order they apply. */
export type AsOfSource = 'marker' | 'front-matter' | 'git';

/**
 * An `As of YYYY-MM-DD` line in a section: the date the team vouches for, as written (`2025-03`, `2024-02-30`)
 * and where on the note's line, with the day it names or why it names none.
 */
export type AsOfMarker = { readonly written: string; readonly range: Range } & DayReading;

/**
 * A line that is an as-of marker, optionally emphasized or in a quote or list: `As of 2025-03-01`,
 * `*As of: 2025-03*`. Anchored and without nested repetition, so it is linear in the line's length.
 */
const MARKER = /^[\s>*_-]*as of:?[ \t]+(\d{4}-\d{2}(?:-\d{2})?)[\s*_.]*$/i;

/**
 * The markers among a paragraph's lines (its inline content, whose lines are the note's lines from `firstLine`
 * without their quote or list marks), and whether the paragraph is nothing but markers: such a paragraph dates
 * the section without answering it. A marker's date that names no day is a marker still, to be reported.
 */
export function markersOf(
  content: string,
  firstLine: number,
  lineText: (line: number) => string,
): { markers: AsOfMarker[]; onlyMarkers: boolean } {
  if (!/as of/i.test(content)) return { markers: [], onlyMarkers: false };
  const markers: AsOfMarker[] = [];
  const lines = content.split('\n');
  lines.forEach((text, i) => {
    const written = MARKER.exec(text)?.[1];
    const reading = written === undefined ? undefined : readDay(written);
    if (written === undefined || reading === undefined) return;
    const line = firstLine + i;
    // Only `[\s*_.]` follows the date, so its last occurrence on the note's line is where it stands.
    const start = Math.max(0, lineText(line).lastIndexOf(written));
    const range = { start: { line, character: start }, end: { line, character: start + written.length } };
    markers.push({ written, range, ...reading });
  });
  return { markers, onlyMarkers: markers.length === lines.length };
}
