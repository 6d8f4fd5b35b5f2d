import type { ChangeKind } from '../core/history/pictureChange';
import type { CellChangeMark, MatrixComparison } from '../shared/matrixMessages';
import { element } from './dom';

/** How a changed cell is marked: a symbol and a word as well as a colour (its tone). */
interface Mark {
  readonly symbol: string;
  readonly word: string;
  readonly tone: 'added' | 'removed' | 'modified';
}

function markOf(kinds: readonly ChangeKind[]): Mark {
  if (kinds.includes('answered')) return { symbol: '+', word: 'Answered', tone: 'added' };
  if (kinds.includes('unanswered')) return { symbol: '−', word: 'Unanswered', tone: 'removed' };
  return { symbol: '△', word: 'Changed', tone: 'modified' };
}

const cellKey = (categoryId: string, productId: string, axisId: string) => `${categoryId}\n${productId}\n${axisId}`;

/** The cells that changed since the point the matrix is compared with, found by their ids. */
export class ChangeMarks {
  readonly label: string;
  readonly count: number;
  private readonly cells = new Map<string, CellChangeMark>();
  private readonly rows = new Set<string>();

  constructor(comparison: MatrixComparison) {
    this.label = comparison.label;
    this.count = comparison.changes.length;
    for (const change of comparison.changes) {
      this.cells.set(cellKey(change.categoryId, change.productId, change.axisId), change);
      this.rows.add(`${change.categoryId}\n${change.productId}`);
    }
  }

  /** Whether any cell of the product's row changed. */
  rowChanged(categoryId: string, productId: string): boolean {
    return this.rows.has(`${categoryId}\n${productId}`);
  }

  /** `2 cells changed since main (1a2b3c4)`, for the toolbar. */
  get summary(): string {
    return `${this.count} cell${this.count === 1 ? '' : 's'} changed since ${this.label}`;
  }

  changed(categoryId: string, productId: string, axisId: string): boolean {
    return this.cells.has(cellKey(categoryId, productId, axisId));
  }

  /** Marks a cell's element when it changed: its kinds in `data-change`, before → after in its title and its description. */
  decorate(cell: HTMLElement, categoryId: string, productId: string, axisId: string): void {
    const change = this.cells.get(cellKey(categoryId, productId, axisId));
    if (!change) return;
    const mark = markOf(change.kinds);
    cell.classList.add('changed', `change-${mark.tone}`);
    cell.dataset.change = change.kinds.join(' ');
    cell.setAttribute(
      'aria-description',
      `${mark.word} since ${this.label}: ${change.what}. Before: ${change.before}. After: ${change.after}.`,
    );
    cell.title = `${mark.word} since ${this.label}: ${change.what}\nBefore: ${change.before}\nAfter: ${change.after}\n\n${cell.title}`;
    cell.prepend(element('span', { className: 'change-mark', text: `${mark.symbol} ${mark.word}`, attributes: { 'aria-hidden': 'true' } }));
  }
}
