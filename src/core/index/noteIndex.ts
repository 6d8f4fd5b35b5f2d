import { dateFindings } from '../evidence/dateFindings';
import { ageWords, dayCount, localDay } from '../dates';
import { AS_OF_FROM_WORDS, axisPolicy, sectionEvidence, type Evidence, type LineDates } from '../evidence/sectionEvidence';
import { axisOf, subjectOf, type Scope } from '../scope/scopeModel';
import { checkNoteText } from '../notes/decodeNote';
import { finding, type AxisStatus, type Finding } from '../notes/findings';
import { analyzeNote, CompiledScope, isBetter, type AxisSection, type NoteAnalysis } from '../notes/noteAnalyzer';
import { parseNote, type ParsedNote } from '../notes/noteParser';
import type { NoteTarget } from '../notes/productMatcher';
import { sectionExcerpt, sectionText, type PlaceholderTest } from '../notes/sectionStatus';

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

export interface NoteIndexOptions {
  /** The day ages are evaluated on (`YYYY-MM-DD`); the local day by default. */
  readonly today?: () => string;
}

const SUMMARY_FIELDS = ['products', 'axes', 'answered', 'missing', 'empty', 'placeholder', 'stale', 'unsourced'] as const;

function emptySummary(): Record<keyof CoverageSummary, number> {
  return { products: 0, axes: 0, answered: 0, missing: 0, empty: 0, placeholder: 0, stale: 0, unsourced: 0 };
}

function productSummary(product: ProductCoverage): CoverageSummary {
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

/**
 * An answered axis, whose texts are rendered when read: the command line never shows them, the matrix shows them
 * all. Getters of the class, not a closure pair per cell: every answered axis of every product is kept with its
 * product's coverage, and per-object accessors cost about a kilobyte each (40 MB at 10,000 products).
 */
class AnsweredAxis implements AxisCoverage {
  readonly status = 'answered';
  readonly #parsed: ParsedNote;
  readonly #headingIndex: number;
  readonly #isPlaceholder: PlaceholderTest;

  constructor(readonly axisId: string, readonly file: string, readonly line: number, readonly score: number | null, readonly evidence: Evidence, parsed: ParsedNote, headingIndex: number, isPlaceholder: PlaceholderTest) {
    this.#parsed = parsed;
    this.#headingIndex = headingIndex;
    this.#isPlaceholder = isPlaceholder;
  }

  get excerpt(): string | undefined {
    return sectionExcerpt(this.#parsed, this.#headingIndex, this.#isPlaceholder);
  }

  get section(): string {
    return sectionText(this.#parsed, this.#headingIndex, this.#isPlaceholder);
  }
}

type Entry = { readonly parsed: ParsedNote; analysis: NoteAnalysis } | { readonly unreadable: string };

const key = (t: NoteTarget) => `${t.categoryId}\n${t.productId}`;

/**
 * The analysis of a workspace's notes, kept up to date one note at a time: a change re-analyzes that note
 * only, and what depends on several notes (missing axes, coverage) is computed when asked for.
 */
export class NoteIndex {
  private compiled: CompiledScope;
  private readonly entries = new Map<string, Entry>();
  /** The notes about each product, by `categoryId\nproductId`. */
  private readonly byTarget = new Map<string, Set<string>>();
  private coverageCache: ProductCoverage[] | undefined;
  /** Each product's counts for summary(), kept as long as its coverage is. */
  private readonly productSummaries = new WeakMap<ProductCoverage, CoverageSummary>();
  /** Each product's coverage by `categoryId\nproductId`, dropped when one of its notes changes. */
  private readonly productCache = new Map<string, ProductCoverage>();
  /**
   * For each product, how many sections among its notes head each axis: what `missing-axis` depends on,
   * kept up to date one note at a time so that many notes about one product cost each the size of its own.
   */
  private readonly headed = new Map<string, Map<string, number>>();
  /** The day each line of a note was last changed, from git, by note path. */
  private readonly lineDates = new Map<string, LineDates>();
  private readonly today: () => string;
  /** The day the cached coverage was computed on: ages move at midnight. */
  private cacheDay = '';

  constructor(scope: Scope, options: NoteIndexOptions = {}) {
    this.compiled = new CompiledScope(scope);
    this.today = options.today ?? (() => localDay());
  }

  get scope(): Scope {
    return this.compiled.scope;
  }

  /**
   * Re-reads every note against a new scope, from the parse results kept (no text is parsed again). The same scope
   * (a scope file that turned invalid keeps the last valid one) changes nothing, and costs nothing.
   */
  setScope(scope: Scope): void {
    if (scope === this.compiled.scope) return;
    this.compiled = new CompiledScope(scope);
    this.byTarget.clear();
    this.productCache.clear();
    this.headed.clear();
    for (const [path, entry] of this.entries) {
      if ('parsed' in entry) this.store(path, { parsed: entry.parsed, analysis: analyzeNote(path, entry.parsed, this.compiled) });
    }
    this.coverageCache = undefined;
  }

  /**
   * Analyzes a note's text (path relative to the scope file's folder, '/'-separated). Returns the notes whose
   * findings may have changed: this one, and the others about its products (before and after) when the axes
   * their notes head changed.
   */
  setNote(path: string, text: string): string[] {
    const unreadable = checkNoteText(text);
    if (unreadable) return this.setUnreadable(path, unreadable);
    const parsed = parseNote(text);
    return this.replace(path, { parsed, analysis: analyzeNote(path, parsed, this.compiled) });
  }

  /** Records a note that cannot be analyzed (see decodeNote): it gets one finding and counts for nothing. */
  setUnreadable(path: string, reason: string): string[] {
    return this.replace(path, { unreadable: reason });
  }

  /**
   * Sets (or, with undefined, forgets) the day each line of a note was last changed: git's dates, which count
   * where a section has no `As of` line and the note no `reviewed:`. Returns the notes whose findings may change.
   */
  setLineDates(path: string, dates: LineDates | undefined): string[] {
    if (dates) this.lineDates.set(path, dates);
    else if (!this.lineDates.delete(path)) return [];
    // Only this note's ages change: its own findings and its products' coverage, not which axes are headed.
    for (const target of this.targetsOf(path)) this.productCache.delete(key(target));
    this.coverageCache = undefined;
    return [path];
  }

  deleteNote(path: string): string[] {
    this.lineDates.delete(path);
    return this.replace(path, undefined).filter((p) => p !== path);
  }

  paths(): string[] {
    return [...this.entries.keys()];
  }

  /** The analysis of one note: its products, its axis sections with their headings, its front matter. */
  note(path: string): NoteAnalysis | undefined {
    const entry = this.entries.get(path);
    return entry && 'analysis' in entry ? entry.analysis : undefined;
  }

  /**
   * Analyzes a text as the note at `path` without storing it: an editor's text as it is now, ahead of the
   * debounced update. Undefined for a text that is not analyzed (see decodeNote).
   */
  analyzeText(path: string, text: string): NoteAnalysis | undefined {
    return checkNoteText(text) ? undefined : analyzeNote(path, parseNote(text), this.compiled);
  }

  /** The notes about a product, sorted. */
  notesOf(target: NoteTarget): string[] {
    return [...(this.byTarget.get(key(target)) ?? [])].sort();
  }

  /** Whether some note is about the product. */
  hasNotes(target: NoteTarget): boolean {
    return (this.byTarget.get(key(target))?.size ?? 0) > 0;
  }

  /** Every finding on a note, `missing-axis` included (an axis answered in another note of the product is not missing). */
  findings(path: string): Finding[] {
    const entry = this.entries.get(path);
    if (!entry) return [];
    if ('unreadable' in entry) {
      return [finding('unreadable-note', `This note is not analyzed: ${entry.unreadable}.`, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { reason: entry.unreadable })];
    }
    const { analysis } = entry;
    const missing: Finding[] = [];
    for (const target of analysis.targets) {
      const category = this.compiled.category(target.categoryId);
      if (!category) continue;
      const answered = this.headedAxes(target);
      const product = this.compiled.product(target.categoryId, target.productId);
      for (const axis of category.axes) {
        if (answered.has(axis.id)) continue;
        missing.push(finding('missing-axis', `No section answers "${axis.name}" (${category.name}) for ${product?.name ?? target.productId}.`, analysis.anchor, {
          ...target,
          axisId: axis.id,
          axisName: axis.name,
          categoryName: category.name,
        }));
      }
    }
    return [...analysis.findings, ...missing, ...this.evidenceFindings(analysis), ...dateFindings(analysis.parsed, this.day())];
  }

  /** What the answer of a section rests on and how old it is, today. */
  evidence(analysis: NoteAnalysis, section: AxisSection): Evidence {
    const policy = axisPolicy(this.scope, section.categoryId, section.axisId);
    return sectionEvidence(analysis.parsed, section.headingIndex, policy, this.day(), this.lineDates.get(analysis.path));
  }

  /** `unsourced-answer` and `stale-answer` on the note's answered sections (a duplicate's first section speaks for it). */
  private evidenceFindings(analysis: NoteAnalysis): Finding[] {
    const findings: Finding[] = [];
    for (const section of analysis.sections) {
      if (section.status !== 'answered' || section.duplicate) continue;
      const axis = axisOf(this.scope, section.categoryId, section.axisId);
      const evidence = this.evidence(analysis, section);
      const range = analysis.parsed.headings[section.headingIndex].range;
      const ids = { categoryId: section.categoryId, axisId: section.axisId };
      const name = axis?.name ?? section.axisId;
      if (evidence.sources.length === 0) {
        const message = `The answer to "${name}" cites no source: link the page it rests on (an http or https URL)${evidence.sourcesRequired ? '; this axis requires one' : ''}.`;
        findings.push(finding('unsourced-answer', message, range, ids, evidence.sourcesRequired ? 'warning' : 'information'));
      }
      if (evidence.stale && evidence.asOf !== null && evidence.asOfFrom !== null && evidence.ageDays !== null) {
        const message = `The answer to "${name}" is ${ageWords(evidence.ageDays)} old (as of ${evidence.asOf}, from ${AS_OF_FROM_WORDS[evidence.asOfFrom]}); answers to it stay fresh for ${dayCount(evidence.freshnessDays)}.`;
        findings.push(finding('stale-answer', message, range, { ...ids, asOf: evidence.asOf, asOfFrom: evidence.asOfFrom }));
      }
    }
    return findings;
  }

  /** Today, dropping what was computed for another day. */
  private day(): string {
    const today = this.today();
    if (today !== this.cacheDay) {
      this.cacheDay = today;
      this.productCache.clear();
      this.coverageCache = undefined;
    }
    return today;
  }

  /** Every product of the scope in scope order (once per category that holds it), each with every axis of its category. */
  coverage(): readonly ProductCoverage[] {
    this.day();
    this.coverageCache ??= this.scope.categories.flatMap((c) => c.products.map((p) => this.cachedCoverage({ categoryId: c.id, productId: p.id })));
    return this.coverageCache;
  }

  /** The scope's subject in each category where a note covers it: the rows the matrix pins above the competitors. */
  subjectCoverage(): ProductCoverage[] {
    const subject = subjectOf(this.scope);
    if (!subject) return [];
    return this.scope.categories
      .map((c) => ({ categoryId: c.id, productId: subject.id }))
      .filter((target) => this.notesOf(target).length > 0)
      .map((target) => this.productCoverage(target));
  }

  /** The counts over every product: the sum of each product's counts, kept with its coverage (a note's change costs its products only). */
  summary(): CoverageSummary {
    const counts = emptySummary();
    for (const product of this.coverage()) {
      const own = this.productCounts(product);
      for (const field of SUMMARY_FIELDS) counts[field] += own[field];
    }
    return counts;
  }

  /**
   * Computes the coverage and counts of a note's products now: a run of many notes (a branch switch) does it a
   * note at a time, in its time slices, instead of leaving every product to the next `summary()` in one go.
   */
  prepareSummary(path: string): void {
    this.day();
    for (const target of this.targetsOf(path)) this.productCounts(this.cachedCoverage(target));
  }

  private productCounts(product: ProductCoverage): CoverageSummary {
    let own = this.productSummaries.get(product);
    if (!own) this.productSummaries.set(product, (own = productSummary(product)));
    return own;
  }

  /**
   * One product's coverage: for each axis the best section among its notes (answered > placeholder > empty).
   * Kept until one of its notes changes, so that a note's change costs the coverage of its products only.
   */
  productCoverage(target: NoteTarget): ProductCoverage {
    this.day();
    return this.cachedCoverage(target);
  }

  /** productCoverage once `day()` has dropped what was computed for another day. */
  private cachedCoverage(target: NoteTarget): ProductCoverage {
    let coverage = this.productCache.get(key(target));
    if (!coverage) this.productCache.set(key(target), (coverage = this.computeCoverage(target)));
    return coverage;
  }

  private computeCoverage(target: NoteTarget): ProductCoverage {
    const notes = this.notesOf(target);
    const best = new Map<string, { section: AxisSection; analysis: NoteAnalysis }>();
    for (const path of notes) {
      const analysis = this.note(path);
      for (const section of analysis?.sections ?? []) {
        if (!analysis || section.categoryId !== target.categoryId) continue;
        const current = best.get(section.axisId);
        if (!current || isBetter(section.status, current.section.status)) best.set(section.axisId, { section, analysis });
      }
    }
    const axes = (this.compiled.category(target.categoryId)?.axes ?? []).map((axis): AxisCoverage => {
      const found = best.get(axis.id);
      if (!found) return { axisId: axis.id, status: 'missing', file: null, line: null, score: null };
      const { section, analysis } = found;
      const line = analysis.parsed.headings[section.headingIndex].range.start.line;
      if (section.status !== 'answered') return { axisId: axis.id, status: section.status, file: analysis.path, line, score: section.score };
      return new AnsweredAxis(axis.id, analysis.path, line, section.score, this.evidence(analysis, section), analysis.parsed, section.headingIndex, this.compiled.isPlaceholder);
    });
    return { ...target, notes, axes };
  }

  /** The axes that some note of the product has a heading for, whatever its status. */
  private headedAxes(target: NoteTarget): ReadonlyMap<string, number> {
    return this.headed.get(key(target)) ?? new Map();
  }

  /** Stores (or, with no entry, deletes) a note; returns the notes whose findings may have changed. */
  private replace(path: string, entry: Entry | undefined): string[] {
    const products = new Set([...this.targetsOf(path), ...(entry && 'analysis' in entry ? entry.analysis.targets : [])].map(key));
    // The axes headed for each product before the change: its other notes' findings change only if these do.
    const before = new Map([...products].map((k) => [k, [...(this.headed.get(k)?.keys() ?? [])]]));
    this.unstore(path);
    if (entry) this.store(path, entry);
    else this.entries.delete(path);
    this.coverageCache = undefined;
    const affected = new Set([path]);
    for (const [k, axes] of before) {
      const now = this.headed.get(k);
      if (axes.length === (now?.size ?? 0) && axes.every((axis) => now?.has(axis))) continue;
      for (const p of this.byTarget.get(k) ?? []) affected.add(p);
    }
    return [...affected];
  }

  private targetsOf(path: string): readonly NoteTarget[] {
    return this.note(path)?.targets ?? [];
  }

  private store(path: string, entry: Entry): void {
    this.entries.set(path, entry);
    if (!('analysis' in entry)) return;
    for (const target of entry.analysis.targets) {
      this.productCache.delete(key(target));
      let paths = this.byTarget.get(key(target));
      if (!paths) this.byTarget.set(key(target), (paths = new Set()));
      paths.add(path);
      this.count(target, entry.analysis, 1);
    }
  }

  /** Takes a note out of the product look-up and the heading counts. */
  private unstore(path: string): void {
    const analysis = this.note(path);
    for (const target of analysis?.targets ?? []) {
      this.byTarget.get(key(target))?.delete(path);
      this.productCache.delete(key(target));
      if (analysis) this.count(target, analysis, -1);
    }
  }

  private count(target: NoteTarget, analysis: NoteAnalysis, by: 1 | -1): void {
    let counts = this.headed.get(key(target));
    if (!counts) this.headed.set(key(target), (counts = new Map()));
    for (const section of analysis.sections) {
      if (section.categoryId !== target.categoryId) continue;
      const count = (counts.get(section.axisId) ?? 0) + by;
      if (count > 0) counts.set(section.axisId, count);
      else counts.delete(section.axisId);
    }
  }
}
