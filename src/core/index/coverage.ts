/** What the index tells about each product: each axis's deciding section, and the counts the summary adds up. */
import type { Evidence } from '../evidence/sectionEvidence';
import type { AxisStatus } from '../notes/findings';
import { isBetter, type AxisSection, type CompiledScope, type NoteAnalysis } from '../notes/noteAnalyzer';
import type { ParsedNote } from '../notes/noteParser';
import type { NoteTarget } from '../notes/productMatcher';
import { answerTexts, sectionExcerpt, sectionText, type NoteText, type PlaceholderTest } from '../notes/sectionStatus';

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

/** Where an answer's texts are read from: a note's text as the parse was made from it (see NoteIndex.noteText). */
export interface NoteTexts {
  noteText(path: string, parsed: ParsedNote): string | undefined;
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
  readonly #texts: NoteTexts;
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
    texts: NoteTexts,
    leads?: readonly string[],
  ) {
    this.#leads = leads;
    this.#texts = texts;
    this.#parsed = parsed;
    this.#headingIndex = headingIndex;
    this.#isPlaceholder = isPlaceholder;
  }

  /** Undefined when the answer has none, or when the note's text cannot be read as it was analyzed (it changed since). */
  get excerpt(): string | undefined {
    if (this.#leads) return answerTexts(this.#leads, this.#parsed.inlineEnv, this.#isPlaceholder, this.#text())?.excerpt;
    return sectionExcerpt(this.#parsed, this.#headingIndex, this.#isPlaceholder, this.#text());
  }

  /** Undefined when the note's text cannot be read as it was analyzed. */
  get section(): string | undefined {
    if (this.#leads) return answerTexts(this.#leads, this.#parsed.inlineEnv, this.#isPlaceholder, this.#text())?.text;
    return sectionText(this.#parsed, this.#headingIndex, this.#isPlaceholder, this.#text());
  }

  /** The note's text, read once for one rendering, when a lead asks for it. */
  #text(): NoteText {
    let read: { readonly text: string | undefined } | undefined;
    return () => (read ??= { text: this.#texts.noteText(this.file, this.#parsed) }).text;
  }
}

/** What a section answers for a product: the section's own status and score, or in a comparison note the product's part; undefined when it answers for other products only. */
export type SectionAnswer = Pick<AxisSection, 'status' | 'score'> & { readonly leads?: readonly string[] };

export function answerFor(section: AxisSection, productId: string): SectionAnswer | undefined {
  if (!section.byProduct) return section;
  const answer = section.byProduct.get(productId);
  return answer && answer.status !== 'missing' ? { status: answer.status, score: answer.score, leads: answer.leads } : undefined;
}

/** What a product's coverage is computed from: the index's notes, their analyses, evidence and texts. */
export interface CoverageSource extends NoteTexts {
  notesOf(target: NoteTarget): string[];
  note(path: string): NoteAnalysis | undefined;
  evidence(analysis: NoteAnalysis, section: AxisSection, productId?: string): Evidence;
}

/** One product's coverage: for each axis the best section among its notes (answered > placeholder > empty). */
export function productCoverageOf(target: NoteTarget, source: CoverageSource, compiled: CompiledScope): ProductCoverage {
  const notes = source.notesOf(target);
  const best = new Map<string, { section: AxisSection; analysis: NoteAnalysis; answer: SectionAnswer }>();
  for (const path of notes) {
    const analysis = source.note(path);
    for (const section of analysis?.sections ?? []) {
      const answer = section.categoryId === target.categoryId ? answerFor(section, target.productId) : undefined;
      if (!analysis || !answer) continue;
      const current = best.get(section.axisId);
      if (!current || isBetter(answer.status, current.answer.status)) best.set(section.axisId, { section, analysis, answer });
    }
  }
  const axes = (compiled.category(target.categoryId)?.axes ?? []).map((axis): AxisCoverage => {
    const found = best.get(axis.id);
    if (!found) return { axisId: axis.id, status: 'missing', file: null, line: null, score: null };
    const { section, analysis, answer } = found;
    const line = analysis.parsed.headings[section.headingIndex].range.start.line;
    if (answer.status !== 'answered') {
      return { axisId: axis.id, status: answer.status, file: analysis.path, line, score: answer.score };
    }
    return new AnsweredAxis(
      axis.id,
      analysis.path,
      line,
      answer.score,
      source.evidence(analysis, section, target.productId),
      analysis.parsed,
      section.headingIndex,
      compiled.isPlaceholder,
      source,
      answer.leads,
    );
  });
  return { ...target, notes, axes };
}
