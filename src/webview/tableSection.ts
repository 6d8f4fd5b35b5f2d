import { STATUS_LABEL, STATUS_SYMBOL } from '../core/matrix/cellStatus';
import type { MatrixRow, MatrixTable } from '../core/matrix/matrixModel';
import { viewTable, type TableView, type ViewOptions } from '../core/matrix/matrixView';
import { element, hiddenText } from './dom';
import type { GridTable } from './gridNavigation';

/** Rows rendered beyond the visible ones, above and below, so that scrolling shows no blank rows. */
const OVERSCAN = 8;

/**
 * One category's table. Only the rows in (or near) the viewport are in the DOM: two spacer rows
 * stand for the others, so a table of thousands of rows costs a few dozen elements.
 */
export class TableSection {
  readonly root: HTMLElement;
  private readonly tableElement: HTMLTableElement;
  private readonly headRow: HTMLTableRowElement;
  private readonly body: HTMLTableSectionElement;
  private readonly footRow: HTMLTableRowElement;
  private readonly topSpacer: HTMLTableRowElement;
  private readonly bottomSpacer: HTMLTableRowElement;
  private readonly title: HTMLHeadingElement;
  private readonly goal: HTMLParagraphElement;
  private view: TableView = { rows: [], axisIndexes: [] };
  private window = { first: 0, last: 0 };
  private dirty = true;

  constructor(
    private table: MatrixTable,
    options: ViewOptions,
  ) {
    const id = `table-${table.categoryId}`;
    this.title = element('h2', { attributes: { id: `${id}-title` } });
    this.goal = element('p', { className: 'goal', attributes: { id: `${id}-goal` } });
    this.headRow = element('tr', { attributes: { 'aria-rowindex': '1' } });
    this.topSpacer = spacer();
    this.bottomSpacer = spacer();
    this.body = element('tbody', {}, this.topSpacer, this.bottomSpacer);
    this.footRow = element('tr', { className: 'totals' });
    this.tableElement = element(
      'table',
      { className: 'matrix', attributes: { 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-goal` } },
      element('thead', {}, this.headRow),
      this.body,
      element('tfoot', {}, this.footRow),
    );
    this.root = element('section', { className: 'category', attributes: { 'data-category': table.categoryId } }, this.title, this.goal, this.tableElement);
    this.update(table, options);
  }

  get categoryId(): string {
    return this.table.categoryId;
  }

  get rowCount(): number {
    return this.view.rows.length;
  }

  /** The table's rows and columns as the keyboard moves through them. */
  get grid(): GridTable {
    return { categoryId: this.table.categoryId, rows: this.view.rows.map((row) => row.key), columns: this.columns() };
  }

  /** Takes a new version of the table or new view options; the visible rows are redrawn on the next render. */
  update(table: MatrixTable, options: ViewOptions): void {
    this.table = table;
    this.view = viewTable(table, options);
    this.title.textContent = table.name;
    this.goal.textContent = table.goal;
    this.renderHead();
    this.renderFoot();
    this.tableElement.setAttribute('aria-rowcount', String(this.view.rows.length + 2));
    this.tableElement.style.setProperty('--axis-count', String(this.view.axisIndexes.length));
    this.dirty = true;
  }

  /** Draw the visible rows again on the next render (the row height changed). */
  invalidate(): void {
    this.dirty = true;
  }

  /** The offset of the first body row within the scrolling container's content. */
  bodyTop(container: HTMLElement): number {
    return this.body.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
  }

  /** Draws the rows that meet the band [top, bottom) of the container's content, given the height of one row. */
  render(top: number, bottom: number, bodyTop: number, rowHeight: number): void {
    const count = this.view.rows.length;
    const first = clamp(Math.floor((top - bodyTop) / rowHeight) - OVERSCAN, 0, count);
    const last = clamp(Math.ceil((bottom - bodyTop) / rowHeight) + OVERSCAN, first, count);
    if (!this.dirty && first === this.window.first && last === this.window.last) return;
    this.window = { first, last };
    this.dirty = false;
    const rows = this.view.rows.slice(first, last).map((row, index) => this.renderRow(row, first + index));
    this.body.replaceChildren(this.topSpacer, ...rows, this.bottomSpacer);
    this.topSpacer.style.height = `${first * rowHeight}px`;
    this.bottomSpacer.style.height = `${(count - last) * rowHeight}px`;
    this.topSpacer.hidden = first === 0;
    this.bottomSpacer.hidden = last === count;
  }

  /** The index of a row in view order; -1 for the header row. */
  rowIndex(key: string | null): number {
    return key === null ? -1 : this.view.rows.findIndex((row) => row.key === key);
  }

  /** The element of a cell when its row is drawn. */
  cell(row: string | null, column: string): HTMLElement | undefined {
    const tr = row === null ? this.headRow : [...this.body.rows].find((r) => r.dataset.row === row);
    return [...(tr?.cells ?? [])].find((c) => c.dataset.column === column);
  }

  /** What a cell stands for: the product and axis of a data cell, or the axis of a header cell. */
  describe(row: string | null, column: string): { product?: MatrixRow; axis?: MatrixTable['axes'][number] } {
    const product = row === null ? undefined : this.view.rows.find((r) => r.key === row);
    const axis = this.table.axes.find((a) => a.id === column);
    return { product, axis };
  }

  private columns(): string[] {
    return ['product', ...this.view.axisIndexes.map((index) => this.table.axes[index].id), 'total'];
  }

  private renderHead(): void {
    const competitors = this.table.rows.filter((row) => !row.subject).length;
    const axes = this.view.axisIndexes.map((index) => {
      const axis = this.table.axes[index];
      const title = axis.description ? `${axis.name}\n\n${axis.description}` : axis.name;
      return element(
        'th',
        { className: 'axis', attributes: { scope: 'col', 'data-column': axis.id, title, tabindex: '-1' } },
        element('span', { className: 'axis-name', text: axis.name }),
        element('span', { className: 'column-total', text: `${axis.answered}/${competitors}`, attributes: { 'aria-label': `${axis.answered} of ${competitors} answered` } }),
      );
    });
    this.headRow.replaceChildren(
      element('th', { className: 'product', text: 'Product', attributes: { scope: 'col', 'data-column': 'product', tabindex: '-1' } }),
      ...axes,
      element('th', { className: 'total', text: 'Coverage', attributes: { scope: 'col', 'data-column': 'total', tabindex: '-1' } }),
    );
  }

  private renderFoot(): void {
    const competitors = this.table.rows.filter((row) => !row.subject).length;
    this.footRow.setAttribute('aria-rowindex', String(this.view.rows.length + 2));
    this.footRow.replaceChildren(
      element('th', { className: 'product', text: 'Answered', attributes: { scope: 'row' } }),
      ...this.view.axisIndexes.map((index) => element('td', { className: 'total', text: `${this.table.axes[index].answered}/${competitors}` })),
      element('td', { className: 'total table-total', text: `${this.table.answered}/${this.table.total}` }),
    );
  }

  private renderRow(row: MatrixRow, index: number): HTMLTableRowElement {
    const name = element(
      'th',
      { className: 'product', attributes: { scope: 'row', 'data-column': 'product', tabindex: '-1', title: row.notes.length > 0 ? `${row.name}\n\n${row.notes.join('\n')}` : `${row.name}\n\nNo research note yet` } },
      element('span', { className: 'product-name', text: row.name }),
    );
    if (row.subject) name.append(element('span', { className: 'badge', text: 'subject' }));
    const cells = this.view.axisIndexes.map((axisIndex) => {
      const cell = row.cells[axisIndex];
      const label = STATUS_LABEL[cell.status];
      const action = cell.status === 'missing' ? 'Enter adds this section to the note' : 'Enter opens the note here';
      return element(
        'td',
        { className: `cell ${cell.status}`, attributes: { 'data-column': this.table.axes[axisIndex].id, tabindex: '-1', title: `${label}${cell.detail ? `\n\n${cell.detail}` : ''}\n\n${action}` } },
        element('span', { className: 'symbol', text: STATUS_SYMBOL[cell.status], attributes: { 'aria-hidden': 'true' } }),
        ...(cell.excerpt ? [hiddenText(`${label}: `), element('span', { className: 'excerpt', text: cell.excerpt })] : [element('span', { className: 'excerpt', text: label })]),
      );
    });
    const total = element('td', { className: 'total', text: `${row.answered}/${row.cells.length}`, attributes: { 'data-column': 'total', tabindex: '-1' } });
    return element('tr', { className: row.subject ? 'row subject' : 'row', attributes: { 'data-row': row.key, 'aria-rowindex': String(index + 2) } }, name, ...cells, total);
  }
}

function spacer(): HTMLTableRowElement {
  return element('tr', { className: 'spacer', attributes: { 'aria-hidden': 'true' } }, element('td', { attributes: { colspan: '999' } }));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
