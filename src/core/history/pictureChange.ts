import type { NoteIndex } from '../index/noteIndex';
import type { WeightedScore } from '../scoring/weightedScore';
import { finished, sideSteps, type CellState, type Named, type Side, type SideCell, type Verdict } from './cellStates';
import { scopeChanges, type ScopeChanges } from './scopeChanges';

export type { CellState, Named, Verdict } from './cellStates';
export type { ScopeChange, ScopeChanges } from './scopeChanges';

/** What changed in a cell, in the order a reader weighs them. */
export type ChangeKind = 'answered' | 'unanswered' | 'text' | 'score' | 'verdict' | 'sources' | 'asOf';

/** A cell whose state differs between the two points; `before` or `after` is null where the scope has no such cell. */
export interface CellChange {
  readonly category: Named;
  readonly product: Named;
  readonly axis: Named;
  /** The cell is our own product's (the scope's subject). */
  readonly subject: boolean;
  readonly kinds: readonly ChangeKind[];
  readonly before: CellState | null;
  readonly after: CellState | null;
  /** The URLs cited after and not before, and the reverse; empty unless `sources` changed. */
  readonly sourcesAdded: readonly string[];
  readonly sourcesRemoved: readonly string[];
  /** The verdict flipped while the competitor's own score stayed: our product's note changed it. */
  readonly verdictBySubject: boolean;
}

export interface BeforeAfter<T> {
  readonly before: T;
  readonly after: T;
}

/** A product whose weighted score changed, each side with its base (how many axes are scored). */
export interface ScoreChange {
  readonly category: Named;
  readonly product: Named;
  readonly subject: boolean;
  readonly before: WeightedScore | null;
  readonly after: WeightedScore | null;
}

export type VerdictCounts = Readonly<Record<Verdict, number>>;

/** The totals on each side, and how many cells changed which way. */
export interface ChangeSummary {
  readonly cells: BeforeAfter<number>;
  readonly answered: BeforeAfter<number>;
  readonly stale: BeforeAfter<number>;
  readonly unsourced: BeforeAfter<number>;
  /** Over the competitors' cells; all zero in a scope without a subject. */
  readonly verdicts: BeforeAfter<VerdictCounts>;
  readonly changed: {
    readonly cells: number;
    /** Cells answered after and not before, and the reverse. */
    readonly answered: number;
    readonly unanswered: number;
    readonly verdictFlips: number;
    readonly scoreChanges: number;
  };
  readonly scores: readonly ScoreChange[];
}

/** How the competitive picture changed from one point (BASE) to another (HEAD). */
export interface PictureChange {
  readonly changes: readonly CellChange[];
  readonly scope: ScopeChanges;
  readonly summary: ChangeSummary;
}

/**
 * Compares two indexes, each a point's scope and notes analyzed as `check` analyzes them. Cells follow their ids: a
 * renamed axis keeps its cells. Linear in the cells of both sides; the answers' texts are rendered only for the cells
 * whose section moved, or whose note `sameNote` does not tell unchanged (by default: by the notes' texts).
 */
export function comparePictures(base: NoteIndex, head: NoteIndex, sameNote = unchangedNotes(base, head)): PictureChange {
  return finished(comparisonSteps(base, head, sameNote));
}

/**
 * Whether a note reads the same on both sides: the same text (told by its fingerprint) under the same scope renders
 * the same answers, so its cells' texts need not be rendered to be compared. Never true where either side's is unknown.
 */
export function unchangedNotes(base: NoteIndex, head: NoteIndex): (file: string) => boolean {
  if (!sameData(base.scope, head.scope)) return () => false;
  const known = new Map<string, boolean>();
  return (file) => {
    let same = known.get(file);
    if (same === undefined) {
      const fingerprint = base.noteFingerprint(file);
      known.set(file, (same = fingerprint !== undefined && fingerprint === head.noteFingerprint(file)));
    }
    return same;
  };
}

/**
 * Whether two scopes hold the same data: their own enumerable fields compared in depth, the places of their parts in
 * the scope file (`range`, which a scope from the editor finds by parsing the file again when read) left unread.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const fields = (value: object) => Object.keys(value).filter((field) => field !== 'range');
  const [was, is] = [fields(a), fields(b)];
  const other = b as Record<string, unknown>;
  return (
    was.length === is.length &&
    was.every((field) => Object.hasOwn(b, field) && sameData((a as Record<string, unknown>)[field], other[field]))
  );
}

/** Cells compared between two yields: a step a few milliseconds long at most. */
const CELLS_PER_STEP = 500;
/** What comparing a cell whose texts are rendered costs, counted in cells whose are not. */
const RENDERED_CELL_COST = 25;

/** comparePictures in steps (after each product's row read, and each few hundred cells compared): the editor yields between them. */
export function* comparisonSteps(
  base: NoteIndex,
  head: NoteIndex,
  sameNote = unchangedNotes(base, head),
): Generator<void, PictureChange, void> {
  const before = yield* sideSteps(base);
  const after = yield* sideSteps(head);
  const changes: CellChange[] = [];
  let compared = 0;
  for (const [key, cell] of after.cells) {
    const was = before.cells.get(key);
    const rendered = was !== undefined && rendersTexts(was.state, cell.state, sameNote);
    const change = cellChange(was, cell, rendered);
    if (change) changes.push(change);
    compared += rendered ? RENDERED_CELL_COST : 1;
    if (compared >= CELLS_PER_STEP) {
      compared = 0;
      yield;
    }
  }
  for (const [key, cell] of before.cells) {
    if (after.cells.has(key)) continue;
    const change = cellChange(cell, undefined, false);
    if (change) changes.push(change);
  }
  return { changes, scope: scopeChanges(base.scope, head.scope), summary: summaryOf(before, after, changes) };
}

const BLANK: CellState = {
  status: 'missing',
  score: null,
  verdict: null,
  sources: [],
  asOf: null,
  stale: false,
  file: null,
  line: null,
  excerpt: null,
  text: null,
};

/**
 * Whether telling a cell's change takes its answers' texts on both sides: both are answered, and not by the same
 * section (same place) of a note that reads the same on both sides.
 */
function rendersTexts(was: CellState, is: CellState, sameNote: (file: string) => boolean): boolean {
  if (was.status !== 'answered' || is.status !== 'answered') return false;
  return !(was.file !== null && was.file === is.file && was.line === is.line && sameNote(was.file));
}

/** A cell's change; `compareTexts`: its answers' texts may differ (see rendersTexts). */
function cellChange(before: SideCell | undefined, after: SideCell | undefined, compareTexts: boolean): CellChange | undefined {
  const cell = (after ?? before)!;
  const was = before?.state ?? BLANK;
  const is = after?.state ?? BLANK;
  const wasAnswered = was.status === 'answered';
  const isAnswered = is.status === 'answered';
  const kinds: ChangeKind[] = [];
  if (!wasAnswered && isAnswered) kinds.push('answered');
  if (wasAnswered && !isAnswered) kinds.push('unanswered');
  const both = wasAnswered && isAnswered;
  if (compareTexts && was.text !== is.text) kinds.push('text');
  if (was.score !== is.score) kinds.push('score');
  const verdictFlipped = was.verdict !== null && is.verdict !== null && was.verdict !== is.verdict;
  if (verdictFlipped) kinds.push('verdict');
  const sourcesAdded = missingFrom(is.sources, was.sources);
  const sourcesRemoved = missingFrom(was.sources, is.sources);
  if (both && sourcesAdded.length + sourcesRemoved.length > 0) kinds.push('sources');
  if (both && was.asOf !== is.asOf) kinds.push('asOf');
  if (kinds.length === 0) return undefined;
  const listed = both || kinds.includes('sources');
  return {
    category: cell.category,
    product: cell.product,
    axis: cell.axis,
    subject: cell.subject,
    kinds,
    before: before?.state ?? null,
    after: after?.state ?? null,
    sourcesAdded: listed ? sourcesAdded : [],
    sourcesRemoved: listed ? sourcesRemoved : [],
    verdictBySubject: verdictFlipped && was.score === is.score,
  };
}

/** The URLs of `urls` that `other` does not cite. */
function missingFrom(urls: readonly string[], other: readonly string[]): string[] {
  const cited = new Set(other);
  return urls.filter((url) => !cited.has(url));
}

function summaryOf(before: Side, after: Side, changes: readonly CellChange[]): ChangeSummary {
  const count = (kind: ChangeKind) => changes.filter((c) => c.kinds.includes(kind)).length;
  const totals = (side: Side) => {
    const verdicts = { 'we-lead': 0, parity: 0, 'they-lead': 0, unknown: 0 };
    let answered = 0;
    let stale = 0;
    let unsourced = 0;
    for (const { state } of side.cells.values()) {
      if (state.verdict !== null) verdicts[state.verdict]++;
      if (state.status !== 'answered') continue;
      answered++;
      if (state.stale) stale++;
      if (state.sources.length === 0) unsourced++;
    }
    return { cells: side.cells.size, answered, stale, unsourced, verdicts };
  };
  const [was, is] = [totals(before), totals(after)];
  const pair = <K extends keyof typeof was>(key: K) => ({ before: was[key], after: is[key] });
  return {
    cells: pair('cells'),
    answered: pair('answered'),
    stale: pair('stale'),
    unsourced: pair('unsourced'),
    verdicts: pair('verdicts'),
    changed: {
      cells: changes.length,
      answered: count('answered'),
      unanswered: count('unanswered'),
      verdictFlips: count('verdict'),
      scoreChanges: count('score'),
    },
    scores: scoreChanges(before, after),
  };
}

function scoreChanges(before: Side, after: Side): ScoreChange[] {
  const changed: ScoreChange[] = [];
  const same = (a: WeightedScore | null, b: WeightedScore | null) =>
    a === b || (a !== null && b !== null && a.value === b.value && a.max === b.max && a.scored === b.scored && a.axes === b.axes);
  for (const [key, product] of after.products) {
    const was = before.products.get(key)?.score ?? null;
    if (!same(was, product.score)) changed.push({ ...product, before: was, after: product.score });
  }
  for (const [key, product] of before.products) {
    if (!after.products.has(key) && product.score !== null) changed.push({ ...product, before: product.score, after: null });
  }
  return changed.map(({ category, product, subject, before: was, after: is }) => ({ category, product, subject, before: was, after: is }));
}
