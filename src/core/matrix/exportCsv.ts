import { STATUS_LABEL } from './cellStatus';
import type { MatrixModel } from './matrixModel';

// Lines are 1-based here, as people and editors count them. The score column is `score`, as the JSON field is named.
const HEADER = [
  'Category',
  'Product',
  'Subject',
  'Axis',
  'Status',
  'score',
  'Excerpt',
  'Note',
  'Line',
  'Category ID',
  'Product ID',
  'Axis ID',
  'As of',
  'Age',
  'Sources',
  'Stale',
  'Unsourced',
];

/**
 * The matrix as CSV (RFC 4180: CRLF, fields quoted where needed), one record per cell, which is
 * what a spreadsheet filters and pivots best; categories have different axes, so one wide sheet would not fit.
 */
export function matrixToCsv(model: MatrixModel): string {
  const records: string[][] = [HEADER];
  for (const table of model.tables) {
    for (const row of table.rows) {
      row.cells.forEach((cell, index) => {
        const axis = table.axes[index];
        const line = cell.line === null ? '' : String(cell.line + 1);
        const subject = row.subject ? 'yes' : '';
        const score = cell.score === null ? '' : String(cell.score);
        const answered = cell.status === 'answered';
        const evidence = answered
          ? [cell.asOf ?? '', cell.age, String(cell.sources.length), cell.stale ? 'yes' : '', cell.unsourced ? 'yes' : '']
          : ['', '', '', '', ''];
        records.push([
          table.name,
          row.name,
          subject,
          axis.name,
          STATUS_LABEL[cell.status],
          score,
          cell.excerpt,
          cell.file ?? '',
          line,
          table.categoryId,
          row.key,
          axis.id,
          ...evidence,
        ]);
      });
    }
  }
  return records.map((record) => record.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One field, quoted when it holds a comma, quote or line break; text a spreadsheet would run as a formula gets a leading `'`. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
