import type { FocusedCell } from './vscodeApi';

/** One table as the keyboard sees it: its row keys in view order (the header row comes before them) and its column keys. */
export interface GridTable {
  readonly categoryId: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
}

interface Place {
  readonly table: number;
  /** -1 for the header row. */
  readonly row: number;
  readonly column: number;
}

/**
 * Where a key moves the focus, spreadsheet-style: arrows by one cell (up and down run on from one
 * table into the next), Home/End to the row's ends, with Ctrl to the grid's corners, PageUp/PageDown by a page.
 */
export function moveFocus(
  grid: readonly GridTable[],
  from: FocusedCell | null,
  key: string,
  ctrl: boolean,
  pageRows: number,
): FocusedCell | undefined {
  if (grid.length === 0) return undefined;
  const place = from ? locate(grid, from) : undefined;
  if (!place) return toCell(grid, { table: 0, row: -1, column: 0 });
  const lastColumn = grid[place.table].columns.length - 1;
  switch (key) {
    case 'ArrowLeft':
      return toCell(grid, { ...place, column: Math.max(0, place.column - 1) });
    case 'ArrowRight':
      return toCell(grid, { ...place, column: Math.min(lastColumn, place.column + 1) });
    case 'Home':
      return ctrl ? toCell(grid, { table: 0, row: -1, column: 0 }) : toCell(grid, { ...place, column: 0 });
    case 'End': {
      if (!ctrl) return toCell(grid, { ...place, column: lastColumn });
      const table = grid.length - 1;
      return toCell(grid, { table, row: grid[table].rows.length - 1, column: grid[table].columns.length - 1 });
    }
    case 'ArrowUp':
      return step(grid, place, -1);
    case 'ArrowDown':
      return step(grid, place, 1);
    case 'PageUp':
      return step(grid, place, -Math.max(1, pageRows));
    case 'PageDown':
      return step(grid, place, Math.max(1, pageRows));
    default:
      return undefined;
  }
}

/** Moves by `delta` rows through the tables, header rows included, stopping at either end. */
function step(grid: readonly GridTable[], place: Place, delta: number): FocusedCell {
  let { table, row } = place;
  for (let left = Math.abs(delta), direction = Math.sign(delta); left > 0; left--) {
    if (direction > 0 && row < grid[table].rows.length - 1) row++;
    else if (direction > 0 && table < grid.length - 1) [table, row] = [table + 1, -1];
    else if (direction < 0 && row > -1) row--;
    else if (direction < 0 && table > 0) [table, row] = [table - 1, grid[table - 1].rows.length - 1];
    else break;
  }
  return toCell(grid, { table, row, column: Math.min(place.column, grid[table].columns.length - 1) });
}

function locate(grid: readonly GridTable[], cell: FocusedCell): Place | undefined {
  const table = grid.findIndex((t) => t.categoryId === cell.categoryId);
  if (table === -1) return undefined;
  // A row or column that is gone (filtered out, removed from the scope) falls back to the header row, the first column.
  const row = cell.row === null ? -1 : grid[table].rows.indexOf(cell.row);
  const column = Math.max(0, grid[table].columns.indexOf(cell.column));
  return { table, row, column };
}

function toCell(grid: readonly GridTable[], place: Place): FocusedCell {
  const table = grid[place.table];
  return { categoryId: table.categoryId, row: place.row === -1 ? null : table.rows[place.row], column: table.columns[place.column] };
}

/** The focused cell if it still exists in the grid, else the nearest one that does (after a filter or a scope change). */
export function keepFocus(grid: readonly GridTable[], cell: FocusedCell | null): FocusedCell | null {
  if (!cell || grid.length === 0) return grid.length > 0 ? toCell(grid, { table: 0, row: -1, column: 0 }) : null;
  const place = locate(grid, cell);
  return toCell(grid, place ?? { table: 0, row: -1, column: 0 });
}

/**
 * The next cell after `from` (before it, `backwards`) in reading order, table by table, that `marked` says is marked,
 * going round at the end; undefined when none is. Linear in the grid's cells.
 */
export function nextMarked(
  grid: readonly GridTable[],
  from: FocusedCell | null,
  marked: (categoryId: string, row: string, column: string) => boolean,
  backwards: boolean,
): FocusedCell | undefined {
  const places: Place[] = [];
  grid.forEach((table, t) =>
    table.rows.forEach((row, r) =>
      table.columns.forEach((column, c) => marked(table.categoryId, row, column) && places.push({ table: t, row: r, column: c })),
    ),
  );
  if (places.length === 0) return undefined;
  const at = (from && locate(grid, from)) || { table: 0, row: -2, column: 0 };
  const order = (p: Place) => [p.table, p.row, p.column];
  const compare = (a: Place, b: Place) => order(a).reduce((result, value, i) => result || value - order(b)[i], 0);
  const found = backwards ? [...places].reverse().find((p) => compare(p, at) < 0) : places.find((p) => compare(p, at) > 0);
  return toCell(grid, found ?? (backwards ? places.at(-1)! : places[0]));
}
