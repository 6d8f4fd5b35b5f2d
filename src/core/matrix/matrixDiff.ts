import type { MatrixAxis, MatrixCell, MatrixModel, MatrixRow, MatrixTable } from './matrixModel';

/** The changed rows of one table, with its recounted totals (small: one number per axis). */
export interface TablePatch {
  readonly categoryId: string;
  readonly axes: readonly MatrixAxis[];
  readonly answered: number;
  readonly total: number;
  readonly rows: readonly MatrixRow[];
}

/** The changed rows of a model (or the next rows of a staged load, see matrixStaging), with the recounted totals. */
export interface MatrixPatch {
  readonly kind: 'rows';
  readonly answered: number;
  readonly total: number;
  readonly tables: readonly TablePatch[];
}

/**
 * The model a patch leads to; rows are matched by key within their table, and rows it does not have yet (the
 * rest of a staged load, see matrixStaging) are added at the end in the patch's order.
 */
export function applyPatch(model: MatrixModel, patch: MatrixPatch): MatrixModel {
  const byCategory = new Map(patch.tables.map((table) => [table.categoryId, table]));
  const tables = model.tables.map((table): MatrixTable => {
    const changes = byCategory.get(table.categoryId);
    if (!changes) return table;
    const rows = new Map(changes.rows.map((row) => [row.key, row]));
    const known = new Set(table.rows.map((row) => row.key));
    const added = changes.rows.filter((row) => !known.has(row.key));
    return {
      ...table,
      axes: changes.axes,
      answered: changes.answered,
      total: changes.total,
      rows: [...table.rows.map((row) => rows.get(row.key) ?? row), ...added],
    };
  });
  return { ...model, tables, answered: patch.answered, total: patch.total };
}

/**
 * Same title, tables, axes and rows in the same order: only cell contents and totals may differ. With `prefix`,
 * `a`'s tables may hold only the first of `b`'s rows (a staged load under way).
 */
export function sameShape(a: MatrixModel, b: MatrixModel, prefix = false): boolean {
  if (a.title !== b.title || a.subject !== b.subject || a.tables.length !== b.tables.length) return false;
  if (a.scoring.scale !== b.scoring.scale || !sameList(a.scoring.labels, b.scoring.labels, (x, y) => x === y)) return false;
  return a.tables.every((table, t) => {
    const other = b.tables[t];
    return (
      table.categoryId === other.categoryId &&
      table.name === other.name &&
      table.goal === other.goal &&
      sameList(
        table.axes,
        other.axes,
        (x, y) => x.id === y.id && x.name === y.name && x.description === y.description && x.weight === y.weight,
      ) &&
      sameList(
        table.rows,
        prefix ? other.rows.slice(0, table.rows.length) : other.rows,
        (x, y) => x.key === y.key && x.name === y.name && x.subject === y.subject,
      )
    );
  });
}

export function sameRow(a: MatrixRow, b: MatrixRow): boolean {
  return (
    a.answered === b.answered &&
    a.score?.value === b.score?.value &&
    a.score?.max === b.score?.max &&
    JSON.stringify(a.vs) === JSON.stringify(b.vs) &&
    sameList(a.notes, b.notes, (x, y) => x === y) &&
    sameList(a.cells, b.cells, sameCell)
  );
}

function sameCell(a: MatrixCell, b: MatrixCell): boolean {
  return (
    a.status === b.status &&
    a.file === b.file &&
    a.line === b.line &&
    a.excerpt === b.excerpt &&
    a.detail === b.detail &&
    a.score === b.score &&
    a.vs === b.vs &&
    a.asOf === b.asOf &&
    a.age === b.age &&
    a.stale === b.stale &&
    a.unsourced === b.unsourced &&
    sameList(a.sources, b.sources, (x, y) => x === y)
  );
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((item, index) => same(item, b[index]));
}
