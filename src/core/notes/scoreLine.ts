import type { ParsedNote, ScoreLine } from './noteParser';
import { sectionHeadings } from './sectionStatus';

export type ScoreReading = { readonly score: number } | { readonly problem: string };

/** `N` or `N/M` (spaces allowed around the slash); digits only, so "2.5", "-1" and "three" are not scores. */
const SCORE_SYNTAX = /^(\d{1,6})(?:[ \t]*\/[ \t]*(\d{1,6}))?$/;

/**
 * Reads what follows `Score:` against the scale: a whole number from 0 to the scale, and the scale itself
 * after a slash when one is written.
 */
export function readScore(value: string, scale: number): ScoreReading {
  const match = SCORE_SYNTAX.exec(value);
  if (!match) {
    const shown = value === '' ? 'nothing' : `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
    return { problem: `A score is a whole number from 0 to ${scale} ("Score: N" or "Score: N/${scale}"), not ${shown}.` };
  }
  const score = Number(match[1]);
  if (match[2] !== undefined && Number(match[2]) !== scale) {
    return {
      problem: `Scores are out of ${scale} in this scope, not ${Number(match[2])}: write "Score: ${Math.min(score, scale)}/${scale}".`,
    };
  }
  if (score > scale) return { problem: `A score runs from 0 to ${scale}; ${score} is out of range.` };
  return { score };
}

/** The score lines of the section that starts at heading `index` (its deeper headings included), in order. */
export function sectionScoreLines(note: ParsedNote, index: number): ScoreLine[] {
  return sectionHeadings(note, index).flatMap((heading) => heading.own.scores);
}

/** The section's score: its first score line counts, and a first line that is not a valid score leaves it unscored. */
export function sectionScore(note: ParsedNote, index: number, scale: number): number | null {
  const first = sectionScoreLines(note, index)[0];
  if (!first) return null;
  const reading = readScore(first.value, scale);
  return 'score' in reading ? reading.score : null;
}
