import { sameRow, sameShape, type MatrixPatch } from './matrixDiff';
import type { MatrixModel, MatrixRow, MatrixWithoutTexts } from './matrixModel';

/**
 * Rows in the first message, over the tables in order: a screen's worth and some. The whole model holds every
 * cell's excerpt and hover text and grows with the scope; the page shows its first rows without waiting for it.
 */
export const FIRST_ROWS = 40;

/** A step of bringing a page up to date: everything anew, some rows (changed, or the next of a staged load), or the end of a staged load. */
export type MatrixStep =
  { readonly kind: 'model'; readonly model: MatrixModel; readonly loading: boolean } | MatrixPatch | { readonly kind: 'loaded' };

/**
 * The steps that bring a page from `shown` (undefined: it has nothing yet) to `target`. A page without the
 * target's shape first gets the first FIRST_ROWS rows with their texts; then every row it lacks or shows
 * differently, completed with its texts one at a time, in one step each time `sliceDone()` says that a slice of
 * work is over (the caller posts it and lets other work run); then `loaded` when rows were added. Yields
 * undefined where the caller may pause with nothing to post. Rows are completed only as they are reached, so a
 * caller that stops early (the notes changed again) has rendered no more texts than it sent.
 */
export function* syncMatrix(
  shown: MatrixModel | undefined,
  target: MatrixWithoutTexts,
  sliceDone: () => boolean,
): Generator<MatrixStep | undefined, void, void> {
  const { model, withTexts } = target;
  let current = shown;
  if (!current || !sameShape(current, model, true)) {
    current = firstRows(target, FIRST_ROWS);
    const loading = rowCount(current) < rowCount(model);
    yield { kind: 'model', model: current, loading };
    if (!loading) return;
  }
  const adding = rowCount(current) < rowCount(model);
  const pending = new Map<number, MatrixRow[]>();
  const step = (): MatrixStep => {
    const tables = [...pending].map(([t, rows]) => {
      const { categoryId, axes, answered, total } = model.tables[t];
      return { categoryId, axes, answered, total, rows };
    });
    pending.clear();
    return { kind: 'rows', answered: model.answered, total: model.total, tables };
  };
  for (const [t, table] of model.tables.entries()) {
    const before = current.tables[t].rows;
    for (const [r, light] of table.rows.entries()) {
      const row = withTexts(table.categoryId, light);
      if (!before[r] || !sameRow(before[r], row)) {
        if (!pending.has(t)) pending.set(t, []);
        pending.get(t)!.push(row);
      }
      if (sliceDone()) yield pending.size > 0 ? step() : undefined;
    }
  }
  if (pending.size > 0) yield step();
  if (adding) yield { kind: 'loaded' };
}

/** The model with the first `count` rows over its tables in order, completed with their texts; the totals are the whole model's. */
export function firstRows({ model, withTexts }: MatrixWithoutTexts, count: number): MatrixModel {
  let left = count;
  const tables = model.tables.map((table) => {
    const rows = table.rows.slice(0, Math.max(left, 0)).map((row) => withTexts(table.categoryId, row));
    left -= rows.length;
    return { ...table, rows };
  });
  return { ...model, tables };
}

function rowCount(model: MatrixModel): number {
  return model.tables.reduce((sum, table) => sum + table.rows.length, 0);
}
