import type { AsOfSource } from './asOfMarker';
import type { Range } from '../text';
import type { NoteTarget, ProductSuggestion } from './productMatcher';

import type { Scope } from '../scope/scopeModel';
import type { Severity, SeveritySetting } from '../scope/severities';

export type { Severity } from '../scope/severities';

export type SectionStatus = 'answered' | 'empty' | 'placeholder';
export type AxisStatus = SectionStatus | 'missing';

/** What each finding carries for its quick fixes, by code. */
export interface FindingData {
  /** No note of the product answers the axis. */
  'missing-axis': NoteTarget & { readonly axisId: string; readonly axisName: string; readonly categoryName: string };
  /** The heading is there but its section is empty or holds only placeholders. */
  'unanswered-axis': NoteTarget & { readonly axisId: string; readonly status: 'empty' | 'placeholder' };
  /** A second heading for an axis in one note; `firstLine` is the first one's (0-based). */
  'duplicate-axis': { readonly categoryId: string; readonly axisId: string; readonly firstLine: number };
  /** `product:` names nothing in the scope; the closest products. */
  'unknown-product': { readonly product: string; readonly suggestions: readonly ProductSuggestion[] };
  /** `category:` names nothing in the scope; the closest category ids. */
  'unknown-category': { readonly category: string; readonly suggestions: readonly string[] };
  /** Neither front matter nor the file name names a product; the closest products to the file name. */
  'unlinked-note': { readonly suggestions: readonly ProductSuggestion[] };
  /**
   * A heading close to an axis's name: renaming its text to the axis's name makes it answer the axis. Several
   * axes when they are equally near; `dropsWords` when the heading has words the name lacks.
   */
  'axis-typo': { readonly heading: string; readonly axes: readonly NearAxis[] };
  /** An answered section that cites no http(s) source; a warning where the axis's evidence is required. */
  'unsourced-answer': { readonly categoryId: string; readonly axisId: string };
  /** An answered section older than its axis's freshness limit; the fix marks it reviewed today. */
  'stale-answer': { readonly categoryId: string; readonly axisId: string; readonly asOf: string; readonly asOfFrom: AsOfSource };
  /** A date line or `reviewed:` whose date names no day, or a day after today: it dates nothing. */
  'invalid-date': Record<string, never>;
  /** A date line (`As of`, `Last checked`, …) whose date is not written in a form that is read: it dates nothing. */
  'unread-date': Record<string, never>;
  'invalid-front-matter': Record<string, never>;
  /** The note was not analyzed: too large, binary or not UTF-8. */
  'unreadable-note': { readonly reason: string };
  /** A product of the scope file that no note is about yet (on the scope file). */
  'no-note': NoteTarget;
  /** A `Score:` line that is not a whole number, is out of range or names another maximum. */
  'invalid-score': { readonly categoryId: string; readonly axisId: string };
  /** In a comparison note, parts of a section that lead with a product the note is not about: they answer for none. */
  'unattributed-answer': { readonly labels: readonly string[] };
  /** An answered section without a score line, when the scope has `scoring`. */
  'unscored-answer': { readonly categoryId: string; readonly axisId: string };
  /** A problem in the scope file (the command line shows them as findings). */
  'invalid-scope': Record<string, never>;
}

/** An axis a heading comes near (see nearMiss.ts). */
export interface NearAxis {
  readonly categoryId: string;
  readonly axisId: string;
  readonly name: string;
  readonly dropsWords: boolean;
}

export type FindingCode = keyof FindingData;

export const DEFAULT_SEVERITIES: Readonly<Record<FindingCode, Severity>> = {
  'missing-axis': 'warning',
  'unanswered-axis': 'warning',
  'duplicate-axis': 'information',
  'unknown-product': 'warning',
  'unknown-category': 'warning',
  'unlinked-note': 'information',
  'axis-typo': 'information',
  'unsourced-answer': 'information',
  'stale-answer': 'warning',
  'invalid-date': 'warning',
  'unread-date': 'hint',
  'invalid-front-matter': 'warning',
  'unreadable-note': 'warning',
  'no-note': 'information',
  'invalid-score': 'warning',
  'unscored-answer': 'information',
  'unattributed-answer': 'information',
  'invalid-scope': 'error',
};

export const FINDING_CODES = Object.keys(DEFAULT_SEVERITIES) as FindingCode[];

/** A finding's severity under the scope file's `severity:` (over its own); `off` drops it. */
export function scopeSeverity(scope: Scope, f: Pick<Finding, 'code' | 'severity'>): SeveritySetting {
  const set: Readonly<Partial<Record<FindingCode, SeveritySetting>>> = scope.severity ?? {};
  return set[f.code] ?? f.severity;
}

/** A finding on a note (or the scope file): what a diagnostic shows and what its quick fix needs. */
export type Finding = {
  [C in FindingCode]: {
    readonly code: C;
    readonly severity: Severity;
    readonly message: string;
    readonly range: Range;
    readonly data: FindingData[C];
  };
}[FindingCode];

export function finding<C extends FindingCode>(
  code: C,
  message: string,
  range: Range,
  data: FindingData[C],
  severity: Severity = DEFAULT_SEVERITIES[code],
): Finding {
  return { code, severity, message, range, data } as Finding;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { hint: 0, information: 1, warning: 2, error: 3 };

/**
 * One finding per place and code: the subject's note answers one heading for every category that has the axis, and
 * a note about two products holds one section for both; each such section gives its finding once, the most severe.
 */
export function onePerPlaceAndCode(findings: readonly Finding[]): Finding[] {
  const kept = new Map<string, Finding>();
  for (const f of findings) {
    const place = `${f.code}\n${f.range.start.line}:${f.range.start.character}`;
    const earlier = kept.get(place);
    if (!earlier || SEVERITY_RANK[f.severity] > SEVERITY_RANK[earlier.severity]) kept.set(place, f);
  }
  return [...kept.values()];
}
