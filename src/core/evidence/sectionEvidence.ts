import type { ParsedHeading, ParsedNote } from '../notes/noteParser';
import type { AsOfMarker, AsOfSource } from '../notes/asOfMarker';
import type { PartEvidence } from '../notes/comparisonAnswers';
import { sectionHeadings } from '../notes/sectionStatus';
import { axisOf, categoryOf, type Scope } from '../scope/scopeModel';
import { ageWords, checkedBy, daysBetween, laterDay, parseDay } from '../dates';

/**
 * The day each line of a note was last changed, by 0-based line; lines past the end count as changed today. A
 * line without a day says nothing of when the answer changed: a blank line, or one git cannot date (the boundary
 * commit of a shallow clone).
 */
export type LineDates = readonly (string | undefined)[];

/** Whether answers of an axis must cite a source, and how many days they stay fresh (0: no limit). */
export interface AxisPolicy {
  readonly sourcesRequired: boolean;
  readonly freshnessDays: number;
}

/** What an answer rests on and how old it is. */
export interface Evidence {
  /** The distinct http(s) URLs the section cites, in the order it cites them. */
  readonly sources: readonly string[];
  readonly asOf: string | null;
  readonly asOfFrom: AsOfSource | null;
  /** Days from `asOf` to the day evaluated; null without a date. */
  readonly ageDays: number | null;
  readonly freshnessDays: number;
  readonly sourcesRequired: boolean;
  /** Older than its axis's freshness limit. */
  readonly stale: boolean;
}

/** The nearest `evidence:` and `freshness:` of the axis, its category and the scope. */
export function axisPolicy(scope: Scope, categoryId: string, axisId: string): AxisPolicy {
  const category = categoryOf(scope, categoryId);
  const axis = axisOf(scope, categoryId, axisId);
  const evidence = axis?.evidence ?? category?.evidence ?? scope.evidence ?? 'optional';
  return { sourcesRequired: evidence === 'required', freshnessDays: axis?.freshness ?? category?.freshness ?? scope.freshness ?? 0 };
}

/** The distinct URLs the section cites: its links, and the URLs of the footnotes it refers to. */
export function sectionSources(note: ParsedNote, index: number): string[] {
  const sources = new Set<string>();
  for (const heading of sectionHeadings(note, index)) {
    for (const url of heading.own.urls) sources.add(url);
    for (const label of heading.own.footnotes) for (const url of note.footnotes.get(label) ?? []) sources.add(url);
  }
  return [...sources];
}

/**
 * The section's as-of date: its first `As of` line; else the later of the note's `reviewed:` and the latest day git
 * saw a line of its answer change (a line git has no day for is an uncommitted change: today). Its headings,
 * `Score:` lines, `As of` lines and blank lines are not the answer: changing them alone does not date it. A date
 * that names no day, or a day after today, dates nothing (see dateFindings).
 */
export function sectionAsOf(
  note: ParsedNote,
  index: number,
  today: string,
  lineDates: LineDates | undefined,
  /** In a comparison note, a product's date lines (its own part's first): they date its answer instead of the section's. */
  markers?: readonly AsOfMarker[],
): { day: string; from: AsOfSource } | undefined {
  const headings = sectionHeadings(note, index);
  const marker = (markers ?? headings.flatMap((h) => h.own.markers)).find((m) => checkedBy(m.day, today));
  if (marker?.day) return { day: marker.day, from: 'marker' };
  const reviewed = note.frontMatter?.reviewed && parseDay(note.frontMatter.reviewed.value);
  const changed = lineDates && answerChanged(note, index, headings, today, lineDates);
  if (changed && (!checkedBy(reviewed, today) || changed > reviewed)) return { day: changed, from: 'git' };
  return checkedBy(reviewed, today) ? { day: reviewed, from: 'front-matter' } : undefined;
}

/** The latest day git saw a line of the section's answer text change. */
function answerChanged(
  note: ParsedNote,
  index: number,
  headings: readonly ParsedHeading[],
  today: string,
  lineDates: LineDates,
): string | undefined {
  const notAnswer = new Set<number>();
  for (const heading of headings) {
    for (let line = heading.range.start.line; line <= heading.range.end.line; line++) notAnswer.add(line);
    for (const score of heading.own.scores) notAnswer.add(score.range.start.line);
    for (const marker of heading.own.markers) notAnswer.add(marker.range.start.line);
  }
  let day: string | undefined;
  for (let line = note.headings[index].range.start.line; line < note.headings[index].sectionEndLine; line++) {
    if (!notAnswer.has(line)) day = laterDay(day, line < lineDates.length ? lineDates[line] : today);
  }
  return day;
}

export function sectionEvidence(
  note: ParsedNote,
  index: number,
  policy: AxisPolicy,
  today: string,
  lineDates: LineDates | undefined,
  /** In a comparison note, what a product's answer rests on and its date lines (see comparisonAnswers). */
  part?: PartEvidence,
): Evidence {
  const asOf = sectionAsOf(note, index, today, lineDates, part?.markers);
  const ageDays = asOf ? Math.max(0, daysBetween(asOf.day, today)) : null;
  return {
    sources: part ? [...part.sources] : sectionSources(note, index),
    asOf: asOf?.day ?? null,
    asOfFrom: asOf?.from ?? null,
    ageDays,
    freshnessDays: policy.freshnessDays,
    sourcesRequired: policy.sourcesRequired,
    stale: policy.freshnessDays > 0 && ageDays !== null && ageDays > policy.freshnessDays,
  };
}

/** Where a date came from, in words. */
export const AS_OF_FROM_WORDS: Readonly<Record<AsOfSource, string>> = {
  marker: 'its As of line',
  'front-matter': 'the note’s reviewed: date',
  git: 'git',
};

/** "As of 2025-01-10 (40 days ago, from git)". */
export function asOfText(evidence: Evidence): string {
  if (evidence.asOf === null || evidence.asOfFrom === null || evidence.ageDays === null) {
    return 'No as-of date: add an "As of YYYY-MM-DD" line.';
  }
  const age = evidence.ageDays === 0 ? 'today' : `${ageWords(evidence.ageDays)} ago`;
  return `As of ${evidence.asOf} (${age}, from ${AS_OF_FROM_WORDS[evidence.asOfFrom]}).`;
}
