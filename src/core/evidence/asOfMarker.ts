import { parseDay } from './dates';

/** An `As of YYYY-MM-DD` line in a section: the date the team vouches for. */
export interface AsOfMarker {
  /** 0-based line in the note. */
  readonly line: number;
  readonly day: string;
}

/**
 * A line that is an as-of marker, optionally emphasized or in a quote or list: `As of 2025-03-01`,
 * `*As of: 2025-03*`. Anchored and without nested repetition, so it is linear in the line's length.
 */
const MARKER = /^[\s>*_-]*as of:?[ \t]+(\d{4}-\d{2}(?:-\d{2})?)[\s*_.]*$/i;

/** The marker's day when the line is one. */
export function markerDay(line: string): string | undefined {
  const match = MARKER.exec(line);
  return match ? parseDay(match[1]) : undefined;
}

/**
 * The markers among a paragraph's lines (its inline content, whose lines are the note's lines from `firstLine`),
 * and whether the paragraph is nothing but markers: such a paragraph dates the section without answering it.
 */
export function markersOf(content: string, firstLine: number): { markers: AsOfMarker[]; onlyMarkers: boolean } {
  if (!/as of/i.test(content)) return { markers: [], onlyMarkers: false };
  const markers: AsOfMarker[] = [];
  const lines = content.split('\n');
  lines.forEach((line, i) => {
    const day = markerDay(line);
    if (day) markers.push({ line: firstLine + i, day });
  });
  return { markers, onlyMarkers: markers.length === lines.length };
}

/** Where the date of a marker line stands, for an edit that updates it in place. */
export function markerDayRange(line: string): { start: number; end: number } | undefined {
  const match = MARKER.exec(line);
  if (!match) return undefined;
  const start = line.indexOf(match[1], line.toLowerCase().indexOf('as of') + 5);
  return { start, end: start + match[1].length };
}
