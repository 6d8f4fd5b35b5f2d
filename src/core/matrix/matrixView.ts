import { scorePercent, thinlyScored, type WeightedScore } from '../scoring/weightedScore';
import {
  countAnswered,
  coverageRatio,
  withModelTotals,
  withTotals,
  type MatrixCell,
  type MatrixModel,
  type MatrixRow,
  type MatrixTable,
} from './matrixModel';

export type SortKey = 'scope' | 'name' | 'coverage' | 'score';

/** The orders a reader can choose, as the matrix panel and the site's index offer them. */
export const SORT_CHOICES: ReadonlyArray<{ value: string; label: string; sort: SortKey; descending: boolean }> = [
  { value: 'scope', label: 'Scope order', sort: 'scope', descending: false },
  { value: 'name', label: 'Name (A to Z)', sort: 'name', descending: false },
  { value: 'name-desc', label: 'Name (Z to A)', sort: 'name', descending: true },
  { value: 'coverage', label: 'Coverage (lowest first)', sort: 'coverage', descending: false },
  { value: 'coverage-desc', label: 'Coverage (highest first)', sort: 'coverage', descending: true },
  { value: 'score-desc', label: 'Score (highest first)', sort: 'score', descending: true },
  { value: 'score', label: 'Score (lowest first)', sort: 'score', descending: false },
];

export interface ViewOptions {
  readonly sort: SortKey;
  readonly descending: boolean;
  /** Only rows and columns with anything unanswered. */
  readonly gapsOnly: boolean;
  /** Only rows and columns with a stale answer (with the other filters: with anything any of them shows). */
  readonly staleOnly: boolean;
  /** Only rows and columns with an answer that cites no source. */
  readonly unsourcedOnly: boolean;
}

export const DEFAULT_VIEW: ViewOptions = { sort: 'scope', descending: false, gapsOnly: false, staleOnly: false, unsourcedOnly: false };

/** What one table shows under the view options: its rows in order and the indexes of its visible axes. */
export interface TableView {
  readonly rows: readonly MatrixRow[];
  readonly axisIndexes: readonly number[];
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Sorts and filters a table; the subject stays pinned first, as the row every competitor is read against. */
export function viewTable(table: MatrixTable, options: ViewOptions): TableView {
  const subject = table.rows.filter((row) => row.subject);
  let competitors = table.rows.filter((row) => !row.subject);
  let axisIndexes = table.axes.map((_, index) => index);
  const filtered = options.gapsOnly || options.staleOnly || options.unsourcedOnly;
  if (filtered) {
    const shows = (cell: MatrixCell | undefined) =>
      !!cell &&
      ((options.gapsOnly && cell.status !== 'answered') || (options.staleOnly && cell.stale) || (options.unsourcedOnly && cell.unsourced));
    competitors = competitors.filter((row) => row.cells.some(shows));
    axisIndexes = axisIndexes.filter((index) => competitors.some((row) => shows(row.cells[index])));
  }
  // With nothing left to show, the subject has nothing to be read against: the table has nothing to show.
  if (filtered && competitors.length === 0) return { rows: [], axisIndexes: [] };
  return { rows: [...subject, ...sortRows(competitors, options)], axisIndexes };
}

function sortRows(rows: readonly MatrixRow[], options: ViewOptions): readonly MatrixRow[] {
  if (options.sort === 'scope') return options.descending ? [...rows].reverse() : rows;
  const direction = options.descending ? -1 : 1;
  const byName = (a: MatrixRow, b: MatrixRow) => collator.compare(a.name, b.name);
  const byCoverage = (a: MatrixRow, b: MatrixRow) => coverageRatio(a.answered, a.cells.length) - coverageRatio(b.answered, b.cells.length);
  const byScore = (a: MatrixRow, b: MatrixRow) => (a.score ? scorePercent(a.score) : -1) - (b.score ? scorePercent(b.score) : -1);
  const byBase = (a: MatrixRow, b: MatrixRow) => (options.sort === 'score' ? scoreBaseRank(a.score) - scoreBaseRank(b.score) : 0);
  const byKey = options.sort === 'score' ? byScore : byCoverage;
  // Ties read by name A to Z in either direction; Array.prototype.sort is stable, so ties on both keep scope order.
  const compare =
    options.sort === 'name'
      ? (a: MatrixRow, b: MatrixRow) => direction * byName(a, b)
      : (a: MatrixRow, b: MatrixRow) => byBase(a, b) || direction * byKey(a, b) || byName(a, b);
  return [...rows].sort(compare);
}

/**
 * In either direction, rows scored on at least half their axes come first, then the thinly scored (whose cell says
 * on how few axes), then the unscored: 4/4 over one axis of five must not rank above 11/16 over four.
 */
function scoreBaseRank(score: WeightedScore | null): number {
  if (score === null) return 2;
  return thinlyScored(score) ? 1 : 0;
}

/**
 * The matrix as an export of part of it shows it: one category's table (every table without one), and with
 * `gapsOnly` only the products and axes with a gap, as the panel's filter shows them. Coverage is recounted over the
 * cells shown; a product's weighted score stays the whole category's, with its base.
 */
export function partOfMatrix(model: MatrixModel, part: { readonly categoryId?: string; readonly gapsOnly: boolean }): MatrixModel {
  const tables = model.tables.filter((table) => part.categoryId === undefined || table.categoryId === part.categoryId);
  if (!part.gapsOnly) return { ...model, tables };
  const gaps = tables.map((table) => {
    const view = viewTable(table, { ...DEFAULT_VIEW, gapsOnly: true });
    const rows = view.rows.map((row) => {
      const cells = view.axisIndexes.map((index) => row.cells[index]);
      return { ...row, cells, answered: countAnswered(cells) };
    });
    return withTotals({ ...table, axes: view.axisIndexes.map((index) => table.axes[index]), rows });
  });
  return withModelTotals({ ...model, title: `${model.title}: gaps only`, tables: gaps.filter((table) => table.rows.length > 0) });
}
