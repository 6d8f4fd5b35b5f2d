import type { MatrixModel } from '../matrix/matrixModel';
import { productFile } from './sitePage';

/** One product page as the search finds it: its name, category, the axes it answers and the answers' texts. */
export interface SearchDocument {
  readonly id: number;
  readonly page: string;
  readonly product: string;
  readonly category: string;
  readonly axes: string;
  readonly answers: string;
}

/**
 * The search index's file: a script that sets the documents on the page's global object (a page opened from
 * `file://` may not fetch a JSON file). JSON is a JavaScript expression, and a separate file holds no markup to close.
 */
export function searchIndexScript(model: MatrixModel): string {
  const documents: SearchDocument[] = [];
  for (const table of model.tables) {
    for (const row of table.rows) {
      const answered = table.axes.filter((_, index) => row.cells[index].status === 'answered');
      documents.push({
        id: documents.length,
        page: productFile(table.categoryId, row.key),
        product: row.name,
        category: table.name,
        axes: answered.map((axis) => axis.name).join(' · '),
        answers: row.cells
          .map((cell) => cell.detail)
          .filter(Boolean)
          .join('\n'),
      });
    }
  }
  return `window.competitorScopeSearch = ${JSON.stringify(documents)};\n`;
}
