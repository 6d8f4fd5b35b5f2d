import { ageLabel } from '../dates';
import { subjectOf, type Scope, type Scoring } from '../scope/scopeModel';
import { compareScores, countComparisons, type Comparison, type ComparisonCounts } from '../scoring/comparison';
import { scoringOf } from '../scope/scale';
import { weightedScore, type WeightedScore } from '../scoring/weightedScore';

export type CellStatus = 'answered' | 'empty' | 'placeholder' | 'missing';

/** What the matrix needs of the note analysis for one axis of one product (the engine's coverage, narrowed). */
export interface AxisCoverageInput {
  readonly axisId: string;
  readonly status: CellStatus;
  /** The note that decides the status, relative to the scope file's folder; null when missing. */
  readonly file: string | null;
  /** 0-based line of the heading that decides the status; null when missing. */
  readonly line: number | null;
  /** The answer's first sentence, as plain text. */
  readonly excerpt?: string;
  /** The whole section as plain text, when the analysis gives it; else the hover shows the excerpt. */
  readonly section?: string;
  /** The section's score, when it has a valid one. */
  readonly score?: number | null;
  /** What an answer rests on and how old it is (see core/evidence). */
  readonly evidence?: {
    readonly sources: readonly string[];
    readonly asOf: string | null;
    readonly ageDays: number | null;
    readonly stale: boolean;
  };
}

export interface ProductCoverageInput {
  readonly categoryId: string;
  readonly productId: string;
  readonly notes: readonly string[];
  readonly axes: readonly AxisCoverageInput[];
}

export interface MatrixCell {
  readonly status: CellStatus;
  readonly file: string | null;
  /** 0-based, like the analysis's lines. */
  readonly line: number | null;
  /** The answer's first sentence, cut to fit a cell. */
  readonly excerpt: string;
  /** The whole section (else the uncut excerpt), shown on hover. */
  readonly detail: string;
  /** The section's score on the scope's scale; null when unscored. */
  readonly score: number | null;
  /** A competitor's score against the subject's on the axis; null for the subject and where either is unscored. */
  readonly vs: Comparison | null;
  /** The URLs an answer cites. */
  readonly sources: readonly string[];
  /** The answer's as-of day, and its age as a cell shows it ("3 mo"); null and '' without one. */
  readonly asOf: string | null;
  readonly age: string;
  /** An answer older than its freshness limit. */
  readonly stale: boolean;
  /** An answer that cites no source. */
  readonly unsourced: boolean;
}

export interface MatrixRow {
  /** The product's id; unique within its table. */
  readonly key: string;
  readonly name: string;
  /** True for the scope's own subject, pinned above the competitors. */
  readonly subject: boolean;
  readonly notes: readonly string[];
  /** One cell per axis of the table, in axis order. */
  readonly cells: readonly MatrixCell[];
  readonly answered: number;
  /** The weighted score over the scored axes; null when none is. */
  readonly score: WeightedScore | null;
  /** How many axes we lead, match and trail on; null for the subject, and when there is no subject row. */
  readonly vs: ComparisonCounts | null;
}

export interface MatrixAxis {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** How much the axis counts in a weighted score. */
  readonly weight: number;
  /** How many competitors answer it (the subject row is not counted). */
  readonly answered: number;
}

export interface MatrixTable {
  readonly categoryId: string;
  readonly name: string;
  readonly goal: string;
  readonly axes: readonly MatrixAxis[];
  /** The subject first when a note covers it, then the competitors in scope order. */
  readonly rows: readonly MatrixRow[];
  /** Answered cells of the competitors, out of competitors × axes. */
  readonly answered: number;
  readonly total: number;
}

export interface MatrixModel {
  readonly title: string;
  readonly subject: string | null;
  /** The scale scores run on, and their labels (empty when the scope gives none). */
  readonly scoring: Scoring;
  readonly tables: readonly MatrixTable[];
  readonly answered: number;
  readonly total: number;
}

export const MAX_EXCERPT_CHARS = 140;

/**
 * The matrix from a scope and the analysis's coverage: one table per category in scope order.
 * Coverage for the subject is an entry whose product id is the subject's slug; products without
 * coverage count as missing everywhere, so a matrix is complete even before the analysis has run.
 */
export function buildMatrix(scope: Scope, coverage: readonly ProductCoverageInput[]): MatrixModel {
  const { model, withTexts } = buildMatrixWithoutTexts(scope, coverage);
  return { ...model, tables: model.tables.map((table) => ({ ...table, rows: table.rows.map((row) => withTexts(table.categoryId, row)) })) };
}

/** A model whose answered cells have no excerpt and no hover text yet, and what adds them to one of its rows. */
export interface MatrixWithoutTexts {
  readonly model: MatrixModel;
  /** The row with its answered cells' excerpts and hover texts (rendering them is most of what building a matrix costs). */
  withTexts(categoryId: string, row: MatrixRow): MatrixRow;
}

/**
 * The matrix with every row, status, score, evidence and total, but without the answers' texts: what sorting,
 * filtering and counting read, built without rendering a section. `withTexts` completes a row when it is needed.
 */
export function buildMatrixWithoutTexts(scope: Scope, coverage: readonly ProductCoverageInput[]): MatrixWithoutTexts {
  const byKey = new Map(coverage.map((entry) => [`${entry.categoryId}\u0000${entry.productId}`, entry]));
  const subjectId = subjectOf(scope)?.id;
  const scoring = scoringOf(scope);
  const tables = scope.categories.map((category): MatrixTable => {
    const rowFor = (key: string, name: string, ours: MatrixRow | undefined): MatrixRow => {
      const entry = byKey.get(`${category.id}\u0000${key}`);
      const axes = new Map(entry?.axes.map((axis) => [axis.axisId, axis]));
      const cells = category.axes.map((axis, index) => toCell(axes.get(axis.id), ours?.cells[index]));
      const score = weightedScore(
        cells.map((cell, index) => ({ score: cell.score, weight: category.axes[index].weight })),
        scoring.scale,
      );
      const vs = ours ? countComparisons(cells.map((cell) => cell.vs)) : null;
      return {
        key,
        name,
        subject: ours === undefined && key === subjectId,
        notes: entry?.notes ?? [],
        cells,
        answered: countAnswered(cells),
        score,
        vs,
      };
    };
    const subjectProduct = category.products.find((p) => p.id === subjectId);
    const subjectRow = subjectId && scope.subject ? rowFor(subjectId, subjectProduct?.name ?? scope.subject, undefined) : undefined;
    const subject = subjectRow && subjectRow.notes.length > 0 ? subjectRow : undefined;
    const competitors = category.products.filter((p) => p.id !== subjectId).map((p) => rowFor(p.id, p.name, subject));
    const rows = subject ? [subject, ...competitors] : competitors;
    const axes = category.axes.map((axis) => ({
      id: axis.id,
      name: axis.name,
      description: axis.description ?? '',
      weight: axis.weight,
      answered: 0,
    }));
    return withTotals({ categoryId: category.id, name: category.name, goal: category.goal, axes, rows, answered: 0, total: 0 });
  });
  const model = withModelTotals({ title: scope.title, subject: scope.subject ?? null, scoring, tables, answered: 0, total: 0 });
  const axisIds = new Map(scope.categories.map((category) => [category.id, category.axes.map((axis) => axis.id)]));
  const withTexts = (categoryId: string, row: MatrixRow): MatrixRow => {
    const entry = byKey.get(`${categoryId}\u0000${row.key}`);
    if (!entry || row.answered === 0) return row;
    const inputs = new Map(entry.axes.map((axis) => [axis.axisId, axis]));
    const ids = axisIds.get(categoryId) ?? [];
    return {
      ...row,
      cells: row.cells.map((cell, index) => (cell.status === 'answered' ? { ...cell, ...cellTexts(inputs.get(ids[index])) } : cell)),
    };
  };
  return { model, withTexts };
}

/** Recounts a table's column and table totals from its rows. */
export function withTotals(table: MatrixTable): MatrixTable {
  const competitors = table.rows.filter((row) => !row.subject);
  const axes = table.axes.map((axis, index) => ({
    ...axis,
    answered: competitors.filter((row) => row.cells[index]?.status === 'answered').length,
  }));
  const answered = competitors.reduce((sum, row) => sum + row.answered, 0);
  return { ...table, axes, answered, total: competitors.length * table.axes.length };
}

export function withModelTotals(model: MatrixModel): MatrixModel {
  const answered = model.tables.reduce((sum, table) => sum + table.answered, 0);
  const total = model.tables.reduce((sum, table) => sum + table.total, 0);
  return { ...model, answered, total };
}

const NO_EVIDENCE = { sources: [], asOf: null, age: '', stale: false, unsourced: false };

/** A cell without its texts, compared with the subject's cell on the same axis when there is one. */
function toCell(input: AxisCoverageInput | undefined, ours: MatrixCell | undefined): MatrixCell {
  if (!input) return { status: 'missing', file: null, line: null, excerpt: '', detail: '', score: null, vs: null, ...NO_EVIDENCE };
  const answered = input.status === 'answered';
  const score = input.score ?? null;
  const evidence = answered && input.evidence;
  const shown = evidence
    ? {
        sources: evidence.sources,
        asOf: evidence.asOf,
        age: evidence.ageDays === null ? '' : ageLabel(evidence.ageDays),
        stale: evidence.stale,
        unsourced: evidence.sources.length === 0,
      }
    : NO_EVIDENCE;
  return {
    status: input.status,
    file: input.file,
    line: input.line,
    excerpt: '',
    detail: '',
    score,
    vs: ours ? compareScores(ours.score, score) : null,
    ...shown,
  };
}

/** An answered cell's texts: the whole section (else the excerpt) for the hover, and its first sentence. */
function cellTexts(input: AxisCoverageInput | undefined): Pick<MatrixCell, 'excerpt' | 'detail'> {
  const detail = (input?.section ?? input?.excerpt ?? '').trim();
  return { excerpt: firstSentence(detail), detail };
}

export function countAnswered(cells: readonly MatrixCell[]): number {
  return cells.filter((cell) => cell.status === 'answered').length;
}

/** The first sentence of a text on one line, cut at a word boundary to at most `max` characters. */
export function firstSentence(text: string, max = MAX_EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?…](\s|$)/);
  const sentence = end === -1 ? flat : flat.slice(0, end + 1);
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function coverageRatio(answered: number, total: number): number {
  return total === 0 ? 1 : answered / total;
}
