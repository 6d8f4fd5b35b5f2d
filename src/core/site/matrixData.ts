import { EVIDENCE_SYMBOL, STATUS_LABEL, STATUS_SYMBOL } from '../matrix/cellStatus';
import type { MatrixCell, MatrixModel, MatrixRow, MatrixTable } from '../matrix/matrixModel';
import { DEFAULT_VIEW, SORT_CHOICES, viewTable } from '../matrix/matrixView';
import { describeScore } from '../scope/scale';
import type { Scoring } from '../scope/scopeModel';
import { COMPARISON_LABEL, COMPARISON_SYMBOL, COMPARISONS } from '../scoring/comparison';
import { formatWeightedScore } from '../scoring/weightedScore';
import { productFile } from './sitePage';

/**
 * The index's matrix as data, which the site's script draws in slices: a page of thousands of rows as markup would
 * take seconds to parse before its first paint. Text only: the script puts every string in the page as a text node.
 */
export interface SiteMatrix {
  readonly subject: string | null;
  /** The words and symbols the cells use, so that the script holds no copy of them. */
  readonly labels: {
    readonly status: Readonly<Record<string, string>>;
    readonly comparison: Readonly<Record<string, string>>;
    readonly stale: string;
    readonly unsourced: string;
  };
  readonly tables: readonly SiteMatrixTable[];
}

export interface SiteMatrixTable {
  readonly id: string;
  readonly axes: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly rows: readonly SiteMatrixRow[];
  /** Per sort choice, the rows' indexes in that order (ours first), as the matrix panel sorts them. */
  readonly orders: Readonly<Record<string, readonly number[]>>;
}

export interface SiteMatrixRow {
  readonly name: string;
  readonly page: string;
  readonly subject?: true;
  readonly cells: readonly SiteMatrixCell[];
  /** "answered/axes" */
  readonly coverage: string;
  readonly score: string;
  /** Axes we lead, match and trail on, for a competitor when there is our product to compare with. */
  readonly vs?: readonly number[];
}

/** A cell: status, excerpt, and only what it has of score, comparison, age, sources and marks. */
export interface SiteMatrixCell {
  readonly status: string;
  readonly excerpt: string;
  readonly score?: string;
  readonly vs?: string;
  readonly age?: string;
  readonly sources?: readonly string[];
  readonly stale?: true;
  readonly unsourced?: true;
}

/** The script file that sets the index's matrix on the page's global object (a page opened from file:// may not fetch). */
export function matrixDataScript(model: MatrixModel): string {
  const data: SiteMatrix = {
    subject: model.subject,
    labels: {
      status: Object.fromEntries(
        Object.entries(STATUS_LABEL).map(([status, label]) => [status, `${STATUS_SYMBOL[status as keyof typeof STATUS_SYMBOL]} ${label}`]),
      ),
      comparison: Object.fromEntries(COMPARISONS.map((c) => [c, `${COMPARISON_SYMBOL[c]} ${COMPARISON_LABEL[c]}`])),
      stale: `${EVIDENCE_SYMBOL.stale} stale`,
      unsourced: `${EVIDENCE_SYMBOL.unsourced} unsourced`,
    },
    tables: model.tables.map((table) => matrixTableData(table, model.scoring)),
  };
  return `window.competitorScopeMatrix = ${JSON.stringify(data)};\n`;
}

function matrixTableData(table: MatrixTable, scoring: Scoring): SiteMatrixTable {
  const position = new Map(table.rows.map((row, index) => [row, index]));
  const orders = Object.fromEntries(
    SORT_CHOICES.map(({ value, sort, descending }) => [
      value,
      viewTable(table, { ...DEFAULT_VIEW, sort, descending }).rows.map((row) => position.get(row)!),
    ]),
  );
  return {
    id: table.categoryId,
    axes: table.axes.map((axis) => ({ id: axis.id, name: axis.name })),
    rows: table.rows.map((row) => rowData(table, row, scoring)),
    orders,
  };
}

function rowData(table: MatrixTable, row: MatrixRow, scoring: Scoring): SiteMatrixRow {
  return {
    name: row.name,
    page: productFile(table.categoryId, row.key),
    ...(row.subject ? { subject: true as const } : {}),
    cells: row.cells.map((cell) => cellData(cell, scoring)),
    coverage: `${row.answered}/${row.cells.length}`,
    score: row.score ? formatWeightedScore(row.score) : '—',
    ...(row.vs ? { vs: COMPARISONS.map((c) => row.vs![c]) } : {}),
  };
}

function cellData(cell: MatrixCell, scoring: Scoring): SiteMatrixCell {
  const answered = cell.status === 'answered';
  return {
    status: cell.status,
    excerpt: cell.excerpt,
    ...(cell.score !== null ? { score: describeScore(scoring, cell.score) } : {}),
    ...(cell.vs ? { vs: cell.vs } : {}),
    ...(answered && cell.age ? { age: cell.age } : {}),
    ...(answered && cell.sources.length > 0 ? { sources: cell.sources.map((url) => new URL(url).href) } : {}),
    ...(cell.stale ? { stale: true as const } : {}),
    ...(cell.unsourced ? { unsourced: true as const } : {}),
  };
}
