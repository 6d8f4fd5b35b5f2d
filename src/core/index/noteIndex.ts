import { dateFindings } from '../evidence/dateFindings';
import { evidenceFindings } from '../evidence/evidenceFindings';
import { localDay } from '../dates';
import { axisPolicy, sectionEvidence, type Evidence, type LineDates } from '../evidence/sectionEvidence';
import { subjectOf, type Scope } from '../scope/scopeModel';
import { missingAxes, unreadableNote, type ProductNotes } from '../notes/coverageFindings';
import { checkNoteText } from '../notes/decodeNote';
import { onePerPlaceAndCode, type Finding } from '../notes/findings';
import { analyzeNote, CompiledScope, type AxisSection, type NoteAnalysis } from '../notes/noteAnalyzer';
import { parseNote, type ParsedNote } from '../notes/noteParser';
import { sharedString } from '../sharedString';
import type { NoteTarget } from '../notes/productMatcher';
import { FirstPath } from './firstPath';
import type { NoteIndexOptions } from './noteIndexOptions';
import { NoteTextReader } from './noteTexts';
import {
  answerFor,
  productCoverageOf,
  productSummary,
  totalSummary,
  type CoverageSummary,
  type NoteTexts,
  type ProductCoverage,
} from './coverage';

export type { AxisCoverage, CoverageSummary, ProductCoverage } from './coverage';
export type { NoteIndexOptions } from './noteIndexOptions';

/** A note analyzed, with its text where the index has no `readText` (see NoteIndexOptions), or why it is not. */
type Entry =
  | { readonly parsed: ParsedNote; analysis: NoteAnalysis; readonly fingerprint?: string; readonly text?: string }
  | { readonly unreadable: string };

/** A product's key in the index's maps: one string for all of them (several maps keep it for every product). */
const key = (t: NoteTarget) => sharedString(`${t.categoryId}\n${t.productId}`);

/**
 * The analysis of a workspace's notes, kept up to date one note at a time: a change re-analyzes that note
 * only, and what depends on several notes (missing axes, coverage) is computed when asked for.
 */
export class NoteIndex implements NoteTexts {
  private compiled: CompiledScope;
  private readonly entries = new Map<string, Entry>();
  /** The notes about each product, by `categoryId\nproductId`. */
  private readonly byTarget = new Map<string, Set<string>>();
  /** The first of each product's notes in path order, by the same key: it carries the product's missing axes. */
  private readonly firstNotes = new Map<string, FirstPath>();
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
  private readonly digest: ((text: string) => string) | undefined;
  private readonly texts: NoteTextReader | undefined;
  /** The day the cached coverage was computed on: ages move at midnight. */
  private cacheDay = '';

  constructor(scope: Scope, options: NoteIndexOptions = {}) {
    this.compiled = new CompiledScope(scope);
    this.today = options.today ?? (() => localDay());
    this.digest = options.fingerprint;
    this.texts = options.readText && new NoteTextReader(options.readText);
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
    this.firstNotes.clear();
    this.productCache.clear();
    this.headed.clear();
    for (const [path, entry] of this.entries) {
      if ('parsed' in entry) {
        this.store(path, { ...entry, analysis: analyzeNote(path, entry.parsed, this.compiled, () => this.noteText(path)) });
      }
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
    return this.setParsed(path, parseNote(text), text);
  }

  /** A note parsed elsewhere (a worker thread of `check`) from a text that checkNoteText accepts: analyzed as setNote does. */
  setParsed(path: string, parsed: ParsedNote, text?: string): string[] {
    const fingerprint = text === undefined ? undefined : this.digest?.(text);
    const analysis = analyzeNote(path, parsed, this.compiled, () => text);
    return this.replace(path, { parsed, analysis, fingerprint, ...(this.texts ? {} : { text }) });
  }

  /**
   * A note's text as `parsed` (by default its current parse) was made from: kept, or read again (see
   * NoteIndexOptions.readText) and the same; undefined when it cannot be had (the note changed since, or cannot be read).
   */
  noteText(path: string, parsed?: ParsedNote): string | undefined {
    const entry = this.entries.get(path);
    const current = entry && 'parsed' in entry ? entry : undefined;
    const of = parsed ?? current?.parsed;
    if (!of) return undefined;
    if (this.texts) return this.texts.text(path, of);
    return current?.parsed === of ? current.text : undefined;
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

  /** A text analyzed as the note at `path`, unstored (an editor's text ahead of the update); undefined if not analyzed (see decodeNote). */
  analyzeText(path: string, text: string): NoteAnalysis | undefined {
    return checkNoteText(text) ? undefined : analyzeNote(path, parseNote(text), this.compiled, () => text);
  }

  /** The fingerprint of a note's text (what a comparison tells an unchanged note by); undefined without one (see NoteIndexOptions). */
  noteFingerprint(path: string): string | undefined {
    return (this.entries.get(path) as { fingerprint?: string } | undefined)?.fingerprint;
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
    if ('unreadable' in entry) return [unreadableNote(entry.unreadable)];
    const { analysis } = entry;
    return [
      ...onePerPlaceAndCode(analysis.findings),
      ...missingAxes(analysis, this.compiled, (target) => this.productNotes(target)),
      ...onePerPlaceAndCode([
        ...evidenceFindings(analysis, this.scope, (section, productId) => this.evidence(analysis, section, productId)),
        ...dateFindings(analysis.parsed, this.day()),
      ]),
    ];
  }

  private productNotes(target: NoteTarget): ProductNotes {
    const k = key(target);
    return { headed: this.headed.get(k), paths: this.byTarget.get(k) ?? new Set(), first: this.firstNotes.get(k)?.first() };
  }

  /** What the answer of a section rests on and how old it is, today; in a comparison note, the product's answer. */
  evidence(analysis: NoteAnalysis, section: AxisSection, productId?: string): Evidence {
    const policy = axisPolicy(this.scope, section.categoryId, section.axisId);
    const part = productId === undefined ? undefined : section.byProduct?.get(productId)?.evidence;
    return sectionEvidence(analysis.parsed, section.headingIndex, policy, this.day(), this.lineDates.get(analysis.path), part);
  }

  /** Today (the index's clock), dropping what was computed for another day. */
  day(): string {
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
    this.coverageCache ??= this.scope.categories.flatMap((c) =>
      c.products.map((p) => this.cachedCoverage({ categoryId: c.id, productId: p.id })),
    );
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
    return totalSummary(this.coverage().map((product) => this.productCounts(product)));
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
    if (!coverage) this.productCache.set(key(target), (coverage = productCoverageOf(target, this, this.compiled)));
    return coverage;
  }

  /** Stores (or, with no entry, deletes) a note; returns the notes whose findings may have changed. */
  private replace(path: string, entry: Entry | undefined): string[] {
    const products = new Set([...this.targetsOf(path), ...(entry && 'analysis' in entry ? entry.analysis.targets : [])].map(key));
    // The axes headed for each product before the change: its other notes' findings change only if these do.
    const before = new Map([...products].map((k) => [k, [...(this.headed.get(k)?.keys() ?? [])]]));
    // Each product's notes and first note before: a note added or removed moves its missing axes, or whom they name.
    const isIn = (k: string) => this.byTarget.get(k)?.has(path) ?? false;
    const was = new Map([...products].map((k) => [k, { in: isIn(k), first: this.firstNotes.get(k)?.first() }]));
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
    for (const [k, before] of was) {
      if (before.in === isIn(k)) continue;
      for (const p of [before.first, this.firstNotes.get(k)?.first()]) if (p !== undefined) affected.add(p);
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
      let first = this.firstNotes.get(key(target));
      if (!first) this.firstNotes.set(key(target), (first = new FirstPath(paths)));
      first.add(path);
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
      if (section.categoryId !== target.categoryId || !answerFor(section, target.productId)) continue;
      const count = (counts.get(section.axisId) ?? 0) + by;
      if (count > 0) counts.set(section.axisId, count);
      else counts.delete(section.axisId);
    }
  }
}
