import { STATUS_LABEL, STATUS_SYMBOL } from '../core/matrix/cellStatus';
import type { MatrixCell, MatrixRow, MatrixTable } from '../core/matrix/matrixModel';
import { viewTable, type TableView, type ViewOptions } from '../core/matrix/matrixView';
import type { Scoring } from '../core/scope/scopeModel';
import { COMPARISON_LABEL, COMPARISON_SYMBOL, COMPARISONS, type ComparisonCounts } from '../core/scoring/comparison';
import { describeScore, harveyBall } from '../core/scope/scale';
import { formatWeightedScore } from '../core/scoring/weightedScore';
import type { ChangeMarks } from './changeMarks';
import { element, hiddenText } from './dom';
import { evidenceLine } from './evidenceLine';
import type { GridTable } from './gridNavigation';

/** What the page shows beside the sorting and filtering: the comparison with our product. */
export interface SectionOptions extends ViewOptions {
  readonly vsSubject: boolean;
  /** The cells changed since the point compared with, while comparing; with `changedOnly`, only their rows. */
  readonly changes?: ChangeMarks;
  readonly changedOnly: boolean;
}

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
  private vsSubject = false;
  private changes: ChangeMarks | undefined;

  constructor(
    private table: MatrixTable,
    private readonly scoring: Scoring,
    options: SectionOptions,
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
    this.root = element(
      'section',
      { className: 'category', attributes: { 'data-category': table.categoryId } },
      this.title,
      this.goal,
      this.tableElement,
    );
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
  update(table: MatrixTable, options: SectionOptions): void {
    this.table = table;
    this.view = viewTable(table, options);
    this.changes = options.changes;
    const changes = options.changedOnly ? options.changes : undefined;
    if (changes) this.view = { ...this.view, rows: this.view.rows.filter((row) => changes.rowChanged(table.categoryId, row.key)) };
    this.vsSubject = options.vsSubject && table.rows.some((row) => row.subject);
    this.title.textContent = table.name;
    this.goal.textContent = table.goal;
    this.renderHead();
    this.renderFoot();
    this.tableElement.setAttribute('aria-rowcount', String(this.view.rows.length + 2));
    this.tableElement.style.setProperty('--axis-count', String(this.view.axisIndexes.length));
    this.tableElement.style.setProperty('--vs-count', this.vsSubject ? '1' : '0');
    this.tableElement.classList.toggle('vs-view', this.vsSubject);
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
    return [
      'product',
      ...this.view.axisIndexes.map((index) => this.table.axes[index].id),
      'total',
      'score',
      ...(this.vsSubject ? ['vs'] : []),
    ];
  }

  private renderHead(): void {
    const competitors = competitorCount(this.table);
    const axes = this.view.axisIndexes.map((index) => {
      const axis = this.table.axes[index];
      const weight = axis.weight !== 1 ? `\n\nWeight ×${axis.weight}` : '';
      const title = (axis.description ? `${axis.name}\n\n${axis.description}` : axis.name) + weight;
      return element(
        'th',
        { className: 'axis', attributes: { scope: 'col', 'data-column': axis.id, title, tabindex: '-1' } },
        element('span', { className: 'axis-name', text: axis.name }),
        element('span', {
          className: 'column-total',
          text: `${axis.answered}/${competitors}`,
          attributes: { 'aria-label': `${axis.answered} of ${competitors} answered` },
        }),
      );
    });
    this.headRow.replaceChildren(
      element('th', { className: 'product', text: 'Product', attributes: { scope: 'col', 'data-column': 'product', tabindex: '-1' } }),
      ...axes,
      element('th', { className: 'total', text: 'Coverage', attributes: { scope: 'col', 'data-column': 'total', tabindex: '-1' } }),
      element('th', {
        className: 'total',
        text: 'Score',
        attributes: {
          scope: 'col',
          'data-column': 'score',
          tabindex: '-1',
          title: 'Score × weight over the scored axes, out of the most it could be',
        },
      }),
      ...(this.vsSubject
        ? [
            element('th', {
              className: 'total vs-counts',
              text: 'vs. us',
              attributes: {
                scope: 'col',
                'data-column': 'vs',
                tabindex: '-1',
                title: 'Axes where we lead, are at parity, and where they lead',
              },
            }),
          ]
        : []),
    );
  }

  private renderFoot(): void {
    const competitors = competitorCount(this.table);
    this.footRow.setAttribute('aria-rowindex', String(this.view.rows.length + 2));
    this.footRow.replaceChildren(
      element('th', { className: 'product', text: 'Answered', attributes: { scope: 'row' } }),
      ...this.view.axisIndexes.map((index) =>
        element('td', { className: 'total', text: `${this.table.axes[index].answered}/${competitors}` }),
      ),
      element('td', { className: 'total table-total', text: `${this.table.answered}/${this.table.total}` }),
      element('td', { className: 'total' }),
      ...(this.vsSubject ? [element('td', { className: 'total' })] : []),
    );
  }

  private renderRow(row: MatrixRow, index: number): HTMLTableRowElement {
    const name = element(
      'th',
      {
        className: 'product',
        attributes: {
          scope: 'row',
          'data-column': 'product',
          tabindex: '-1',
          title: row.notes.length > 0 ? `${row.name}\n\n${row.notes.join('\n')}` : `${row.name}\n\nNo research note yet`,
        },
      },
      element('span', { className: 'product-name', text: row.name }),
    );
    if (row.subject) name.append(element('span', { className: 'badge', text: 'subject' }));
    const cells = this.view.axisIndexes.map((axisIndex) => this.renderCell(row, axisIndex));
    const total = element('td', {
      className: 'total',
      text: `${row.answered}/${row.cells.length}`,
      attributes: { 'data-column': 'total', tabindex: '-1' },
    });
    const scoreText = row.score && formatWeightedScore(row.score);
    const score = element('td', {
      className: 'total score',
      text: scoreText ?? '—',
      // Whole in its title, should a score ever be longer than its column.
      attributes: { 'data-column': 'score', tabindex: '-1', ...(scoreText ? { title: scoreText } : {}) },
    });
    const vs = this.vsSubject ? [vsCounts(row.vs)] : [];
    // The row's context menu (package.json's webview/context) gets these ids: Research Brief, and for a competitor Open Battlecard.
    const context = JSON.stringify({
      webviewSection: 'product',
      competitor: !row.subject,
      categoryId: this.table.categoryId,
      productId: row.key,
      preventDefaultContextMenuItems: true,
    });
    return element(
      'tr',
      {
        className: row.subject ? 'row subject' : 'row',
        attributes: { 'data-row': row.key, 'aria-rowindex': String(index + 2), 'data-vscode-context': context },
      },
      name,
      ...cells,
      total,
      score,
      ...vs,
    );
  }

  /**
   * A status symbol (or, when scored, a Harvey ball) and the excerpt. In the vs. view a competitor's scored
   * cell also says, with a symbol and a word as well as a colour, how it compares with ours.
   */
  private renderCell(row: MatrixRow, axisIndex: number): HTMLTableCellElement {
    const cell = row.cells[axisIndex];
    const axisId = this.table.axes[axisIndex].id;
    const label = STATUS_LABEL[cell.status];
    const evidence = cell.status === 'answered' && (cell.age !== '' || cell.sources.length > 0 || cell.unsourced);
    const action =
      cell.status === 'missing'
        ? 'Enter adds this section to the note'
        : `Enter opens the note here${cell.sources.length > 0 ? '; S lists the sources' : ''}; H shows the answer’s history`;
    const scored = cell.score === null ? '' : `Score ${describeScore(this.scoring, cell.score)}`;
    const vs = this.vsSubject && cell.vs ? cell.vs : null;
    const title = [label, scored, vs ? COMPARISON_LABEL[vs] : '', cell.detail, evidenceTitle(cell), action].filter(Boolean).join('\n\n');
    const mark =
      cell.score === null
        ? element('span', { className: 'symbol', text: STATUS_SYMBOL[cell.status], attributes: { 'aria-hidden': 'true' } })
        : element('span', {
            className: 'symbol ball',
            text: harveyBall(cell.score, this.scoring.scale),
            attributes: { 'aria-hidden': 'true' },
          });
    const comparison = vs ? [element('span', { className: 'vs-mark', text: `${COMPARISON_SYMBOL[vs]} ${COMPARISON_LABEL[vs]}` })] : [];
    const spoken = cell.excerpt ? [hiddenText(`${label}${scored ? `, ${scored}` : ''}: `)] : scored ? [hiddenText(`${scored}. `)] : [];
    const marks = `${evidence ? ' with-evidence' : ''}${cell.stale ? ' stale' : ''}${cell.unsourced ? ' unsourced' : ''}`;
    const className = `cell ${cell.status}${marks}${vs ? ` vs-${vs}` : this.vsSubject ? ' vs-none' : ''}`;
    // Its context menu (package.json's webview/context) adds History of This Answer to the row's items, with the axis's id.
    const context = JSON.stringify({ answerCell: true, axisId });
    const td = element(
      'td',
      { className, attributes: { 'data-column': axisId, tabindex: '-1', title, 'data-vscode-context': context } },
      mark,
      ...comparison,
      ...spoken,
      element('span', { className: 'excerpt', text: cell.excerpt || label }),
      ...(evidence ? [evidenceLine(cell)] : []),
    );
    this.changes?.decorate(td, this.table.categoryId, row.key, axisId);
    return td;
  }
}

/** `▲ 2 = 1 ▼ 1`, read out as words. */
function vsCounts(counts: ComparisonCounts | null): HTMLTableCellElement {
  const cell = element('td', { className: 'total vs-counts', attributes: { 'data-column': 'vs', tabindex: '-1' } });
  if (!counts) return cell;
  const spoken = COMPARISONS.map((c) => `${COMPARISON_LABEL[c]}: ${counts[c]}`).join(', ');
  cell.setAttribute('aria-label', spoken);
  cell.title = spoken;
  cell.append(
    ...COMPARISONS.map((c) =>
      element('span', { className: `vs-${c}`, text: `${COMPARISON_SYMBOL[c]} ${counts[c]}`, attributes: { 'aria-hidden': 'true' } }),
    ),
  );
  return cell;
}

/** The table's competitors, counted from its totals: while a large matrix loads, not all of its rows are here yet. */
function competitorCount(table: MatrixTable): number {
  return table.axes.length > 0 ? table.total / table.axes.length : table.rows.filter((row) => !row.subject).length;
}

function evidenceTitle(cell: MatrixCell): string {
  if (cell.status !== 'answered') return '';
  const asOf = cell.asOf ? `As of ${cell.asOf} (${cell.age})${cell.stale ? ', stale' : ''}` : 'No as-of date';
  return `${asOf}\n${cell.sources.length > 0 ? `Sources:\n${cell.sources.join('\n')}` : 'No sources'}`;
}

function spacer(): HTMLTableRowElement {
  return element('tr', { className: 'spacer', attributes: { 'aria-hidden': 'true' } }, element('td', { attributes: { colspan: '999' } }));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
