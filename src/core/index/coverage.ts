/** What the index tells about each product: each axis's deciding section, and the counts the summary adds up. */
import type { Evidence } from '../evidence/sectionEvidence';
import type { AxisStatus } from '../notes/findings';
import type { AxisSection } from '../notes/noteAnalyzer';
import type { ParsedNote } from '../notes/noteParser';
import type { NoteTarget } from '../notes/productMatcher';
import { answerTexts, sectionExcerpt, sectionText, type PlaceholderTest } from '../notes/sectionStatus';

export interface AxisCoverage {
  readonly axisId: string;
  readonly status: AxisStatus;
  /** The note and 0-based line of the heading that decides the status; null when missing. */
  readonly file: string | null;
  readonly line: number | null;
  /** The deciding section's score (its first `Score:` line), null when it has none or it is not valid. */
  readonly score: number | null;
  /** The first sentence of the answer, for the matrix. */
  readonly excerpt?: string;
  /** The answer's paragraphs as plain text, for the matrix's hover. */
  readonly section?: string;
  /** What an answered axis rests on and how old it is. */
  readonly evidence?: Evidence;
}

export interface ProductCoverage extends NoteTarget {
  /** The notes about the product, sorted. */
  readonly notes: readonly string[];
  readonly axes: readonly AxisCoverage[];
}

export interface CoverageSummary {
  readonly products: number;
  readonly axes: number;
  readonly answered: number;
  readonly missing: number;
  readonly empty: number;
  readonly placeholder: number;
  /** Answered axes older than their freshness limit. */
  readonly stale: number;
  /** Answered axes that cite no source. */
  readonly unsourced: number;
}

const SUMMARY_FIELDS = ['products', 'axes', 'answered', 'missing', 'empty', 'placeholder', 'stale', 'unsourced'] as const;

function emptySummary(): Record<keyof CoverageSummary, number> {
  return { products: 0, axes: 0, answered: 0, missing: 0, empty: 0, placeholder: 0, stale: 0, unsourced: 0 };
}

export function productSummary(product: ProductCoverage): CoverageSummary {
  const counts = emptySummary();
  counts.products = 1;
  for (const axis of product.axes) {
    counts.axes++;
    counts[axis.status]++;
    if (axis.evidence?.stale) counts.stale++;
    if (axis.evidence && axis.evidence.sources.length === 0) counts.unsourced++;
  }
  return counts;
}

/** The sum of products' counts. */
export function totalSummary(summaries: readonly CoverageSummary[]): CoverageSummary {
  const counts = emptySummary();
  for (const own of summaries) {
    for (const field of SUMMARY_FIELDS) counts[field] += own[field];
  }
  return counts;
}

/**
 * An answered axis, whose texts are rendered when read: the command line never shows them, the matrix shows them
 * all. Getters of the class, not a closure pair per cell: every answered axis of every product is kept with its
 * product's coverage, so what each cell holds beyond its fields grows with the whole scope.
 */
export class AnsweredAxis implements AxisCoverage {
  readonly status = 'answered';
  readonly #parsed: ParsedNote;
  readonly #headingIndex: number;
  readonly #isPlaceholder: PlaceholderTest;
  /** In a comparison note, the product's own answer in the section (see comparisonAnswers). */
  readonly #leads: readonly string[] | undefined;

  constructor(
    readonly axisId: string,
    readonly file: string,
    readonly line: number,
    readonly score: number | null,
    readonly evidence: Evidence,
    parsed: ParsedNote,
    headingIndex: number,
    isPlaceholder: PlaceholderTest,
    leads?: readonly string[],
  ) {
    this.#leads = leads;
    this.#parsed = parsed;
    this.#headingIndex = headingIndex;
    this.#isPlaceholder = isPlaceholder;
  }

  get excerpt(): string | undefined {
    if (this.#leads) return answerTexts(this.#leads, this.#parsed.inlineEnv, this.#isPlaceholder).excerpt;
    return sectionExcerpt(this.#parsed, this.#headingIndex, this.#isPlaceholder);
  }

  get section(): string {
    if (this.#leads) return answerTexts(this.#leads, this.#parsed.inlineEnv, this.#isPlaceholder).text;
    return sectionText(this.#parsed, this.#headingIndex, this.#isPlaceholder);
  }
}

/** What a section answers for a product: the section's own status and score, or in a comparison note the product's part; undefined when it answers for other products only. */
export type SectionAnswer = Pick<AxisSection, 'status' | 'score'> & { readonly leads?: readonly string[] };

export function answerFor(section: AxisSection, productId: string): SectionAnswer | undefined {
  if (!section.byProduct) return section;
  const answer = section.byProduct.get(productId);
  return answer && answer.status !== 'missing' ? { status: answer.status, score: answer.score, leads: answer.leads } : undefined;
}
