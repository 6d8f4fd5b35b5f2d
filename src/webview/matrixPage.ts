import { applyPatch } from '../core/matrix/matrixDiff';
import type { MatrixAxis, MatrixModel, MatrixTable } from '../core/matrix/matrixModel';
import type { ToWebview } from '../shared/matrixMessages';
import { element } from './dom';
import { ChangeMarks } from './changeMarks';
import { categoryCharts } from './chartView';
import { keepFocus, moveFocus, nextMarked } from './gridNavigation';
import { TableSection } from './tableSection';
import { Toolbar } from './toolbar';
import { restoredState, vscode, type FocusedCell, type ViewState } from './vscodeApi';

/** The matrix page: receives the model, draws the tables it shows, and turns clicks and keys into messages. */
class MatrixApp {
  private model: MatrixModel | undefined;
  private state: ViewState = restoredState();
  private sections: TableSection[] = [];
  private rowHeight = 0;
  private frame = 0;
  private scrollRestored = false;
  /** False while the first rows are shown and the others are still coming (a large matrix is sent in slices). */
  private loaded = true;
  private tabStop: HTMLElement | undefined;
  /** The changed cells while the matrix is compared with a point of history. */
  private changes: ChangeMarks | undefined;
  private readonly scroller = element('main', { className: 'scroller' });
  private readonly info = element('div', { className: 'axis-info', attributes: { role: 'status' } });
  private readonly noGaps = element('p', { className: 'no-gaps', text: 'Nothing to show: no answer matches the filters.' });
  private readonly toolbar = new Toolbar(
    (change) => this.changeView(change),
    () => vscode.postMessage({ type: 'export' }),
    () => vscode.postMessage({ type: 'stopComparing' }),
  );

  start(root: HTMLElement): void {
    this.info.hidden = true;
    root.replaceChildren(this.toolbar.root, this.info, this.scroller);
    window.addEventListener('message', (event: MessageEvent<ToWebview>) => this.receive(event.data));
    window.addEventListener('resize', () => this.schedule());
    window.addEventListener('keydown', (event) => this.onKey(event));
    this.scroller.addEventListener('scroll', () => this.schedule(), { passive: true });
    this.scroller.addEventListener('click', (event) => this.onClick(event));
    this.scroller.addEventListener('focusin', (event) => {
      const cell = this.cellOf(event.target);
      if (cell) this.setFocus(cell);
    });
    // Only now may the extension post: a message sent before the listener exists would be lost.
    vscode.postMessage({ type: 'ready' });
  }

  private receive(message: ToWebview): void {
    if (message.type === 'model') {
      this.model = message.model;
      this.loaded = !message.loading;
      this.rebuild();
    } else if (message.type === 'loaded') {
      this.loaded = true;
      this.rebuild();
    } else if (message.type === 'reveal') {
      this.reveal(message.categoryId, message.productId);
    } else if (message.type === 'comparison') {
      this.changes = message.comparison ? new ChangeMarks(message.comparison) : undefined;
      this.rebuild();
    } else if (this.model) {
      const patch = message.patch;
      this.model = applyPatch(this.model, patch);
      // While loading, a table's first rows can come in a patch: a table that was left out for having none gets its section.
      const shows = (categoryId: string) => !this.state.category || this.state.category === categoryId;
      if (patch.tables.some((t) => shows(t.categoryId) && !this.sectionOf(t.categoryId))) return this.rebuild();
      for (const changed of patch.tables) {
        const table = this.model.tables.find((t) => t.categoryId === changed.categoryId);
        const section = this.sections.find((s) => s.categoryId === changed.categoryId);
        if (table && section) section.update(table, this.options());
      }
      this.toolbar.update(this.model, this.state, this.changes);
      this.render();
    }
  }

  /** Shows a product's row and focuses its name, widening the view (category, gaps only) when it hides the row. */
  private reveal(categoryId: string, productId: string): void {
    const cell: FocusedCell = { categoryId, row: productId, column: 'product' };
    const shown = () => (this.sectionOf(categoryId)?.rowIndex(productId) ?? -1) !== -1;
    if (!shown()) {
      this.changeView({
        category: this.state.category === categoryId ? categoryId : '',
        gapsOnly: false,
        staleOnly: false,
        unsourcedOnly: false,
        view: 'table',
      });
    }
    if (shown()) this.showCell(cell);
  }

  private changeView(change: Partial<ViewState>): void {
    const elsewhere =
      (change.category ?? this.state.category) !== this.state.category || (change.view ?? this.state.view) !== this.state.view;
    const scrollTop = elsewhere ? 0 : this.scroller.scrollTop;
    this.save({ ...change, scrollTop });
    this.rebuild();
    this.scroller.scrollTop = scrollTop;
    this.render();
  }

  /** Draws the tables that the view state selects from scratch; rows come in render(). */
  private rebuild(): void {
    const model = this.model;
    if (!model) return;
    this.toolbar.update(model, this.state, this.changes);
    const tables = model.tables.filter((t) => !this.state.category || t.categoryId === this.state.category);
    if (this.state.view === 'charts') return this.showCharts(tables);
    const changedOnly = this.state.changedOnly && this.changes !== undefined;
    const filtered = this.state.gapsOnly || this.state.staleOnly || this.state.unsourcedOnly || changedOnly;
    this.sections = tables.map((t) => new TableSection(t, model.scoring, this.options())).filter((s) => s.rowCount > 0 || !filtered);
    this.noGaps.hidden = this.sections.length > 0 || !this.loaded;
    this.scroller.replaceChildren(...this.sections.map((s) => s.root), this.noGaps);
    // The restored focus and scroll position may be on rows still to come.
    if (!this.loaded) return this.render();
    this.save({ focus: keepFocus(this.grid(), this.state.focus) });
    if (!this.scrollRestored) {
      this.scrollRestored = true;
      this.render();
      this.scroller.scrollTop = this.state.scrollTop;
    }
    this.render();
  }

  /** Each category's charts instead of its table; a redraw keeps the focus on the radar's pick that had it. */
  private showCharts(tables: readonly MatrixTable[]): void {
    const model = this.model!;
    const focused = document.activeElement instanceof HTMLSelectElement ? document.activeElement.id : '';
    this.sections = [];
    const pick = (categoryId: string) => (productId: string) => {
      this.save({ radarVs: { ...this.state.radarVs, [categoryId]: productId } });
      this.rebuild();
    };
    const charts = tables.map((t) => categoryCharts(t, model.scoring, this.state.radarVs[t.categoryId] ?? '', pick(t.categoryId)));
    const loading = this.loaded ? [] : [element('p', { className: 'chart-note', text: 'Rows are still loading: the charts follow.' })];
    this.scroller.replaceChildren(...loading, ...charts);
    if (focused) document.getElementById(focused)?.focus();
    if (this.loaded && !this.scrollRestored) {
      this.scrollRestored = true;
      this.scroller.scrollTop = this.state.scrollTop;
    }
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
      this.save({ scrollTop: this.scroller.scrollTop });
    });
  }

  /** Draws the rows in view, table by table; each table's position is read after the tables above it are drawn. */
  private render(): void {
    const hadFocus = this.scroller.contains(document.activeElement);
    const top = this.scroller.scrollTop;
    const bottom = top + this.scroller.clientHeight;
    for (const section of this.sections) section.render(top, bottom, section.bodyTop(this.scroller), this.rowHeight || 40);
    // The first drawing measures the real row height (it follows the theme's font size); draw again with it.
    const row = this.scroller.querySelector<HTMLElement>('tr.row');
    if (row && row.offsetHeight !== this.rowHeight) {
      this.rowHeight = row.offsetHeight;
      for (const section of this.sections) section.invalidate();
      return this.render();
    }
    this.placeTabStop(hadFocus);
  }

  /** Keeps one tab stop in the grid (roving tabindex) on the focused cell, or on the first header while that cell is not drawn. */
  private placeTabStop(refocus: boolean): void {
    const focus = this.state.focus;
    const target = (focus && this.sectionOf(focus.categoryId)?.cell(focus.row, focus.column)) ?? this.sections[0]?.cell(null, 'product');
    if (this.tabStop !== target) this.tabStop?.setAttribute('tabindex', '-1');
    target?.setAttribute('tabindex', '0');
    this.tabStop = target;
    if (refocus && target && document.activeElement !== target) target.focus({ preventScroll: true });
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.model || this.state.view === 'charts' || (event.target instanceof Element && event.target.closest('.toolbar'))) return;
    if (event.key === 'Escape' && !this.info.hidden) {
      this.info.hidden = true;
      return;
    }
    const focus = this.state.focus;
    if ((event.key === 's' || event.key === 'S') && focus && focus.row !== null) {
      event.preventDefault();
      return this.showSources(focus);
    }
    if ((event.key === 'h' || event.key === 'H') && focus && focus.row !== null && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const { axis } = this.sectionOf(focus.categoryId)?.describe(focus.row, focus.column) ?? {};
      if (!axis) return;
      event.preventDefault();
      return vscode.postMessage({ type: 'answerHistory', categoryId: focus.categoryId, productId: focus.row, axisId: axis.id });
    }
    if ((event.key === 'n' || event.key === 'N') && this.changes && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      const changes = this.changes;
      const next = nextMarked(this.grid(), focus, (category, row, column) => changes.changed(category, row, column), event.shiftKey);
      return next && this.showCell(next);
    }
    if ((event.key === 'Enter' || event.key === ' ') && focus) {
      event.preventDefault();
      return this.activate(focus);
    }
    const pageRows = Math.max(1, Math.floor(this.scroller.clientHeight / (this.rowHeight || 40)) - 2);
    const next = moveFocus(this.grid(), focus, event.key, event.ctrlKey || event.metaKey, pageRows);
    if (!next) return;
    event.preventDefault();
    this.showCell(next);
  }

  private onClick(event: MouseEvent): void {
    const cell = this.cellOf(event.target);
    if (!cell) return;
    if (event.target instanceof Element && event.target.closest('.sources') && cell.row !== null) {
      this.setFocus(cell);
      this.placeTabStop(false);
      return this.showSources(cell);
    }
    this.setFocus(cell);
    this.placeTabStop(false);
    this.activate(cell);
  }

  /** What a click or Enter does: a product opens its note, a cell its section, an axis header shows the axis. */
  private activate(cell: FocusedCell): void {
    const { categoryId, row, column } = cell;
    const { axis } = this.sectionOf(categoryId)?.describe(row, column) ?? {};
    if (row === null) {
      if (axis) this.showAxis(axis);
    } else if (column === 'product') {
      vscode.postMessage({ type: 'openProduct', categoryId, productId: row });
    } else if (axis) {
      vscode.postMessage({ type: 'openCell', categoryId, productId: row, axisId: axis.id });
    }
  }

  /** The sources of a cell in the bar above the tables: each a button that opens it in the browser (through the extension). */
  private showSources(cell: FocusedCell): void {
    const { product, axis } = this.sectionOf(cell.categoryId)?.describe(cell.row, cell.column) ?? {};
    const index = this.model?.tables.find((t) => t.categoryId === cell.categoryId)?.axes.findIndex((a) => a.id === axis?.id) ?? -1;
    const sources = (product && index >= 0 && product.cells[index]?.sources) || [];
    if (!product || !axis || sources.length === 0) return;
    const links = sources.map((url) => {
      const link = element('button', {
        className: 'source-link',
        text: url,
        attributes: { type: 'button', title: `Open ${url} in the browser` },
      });
      link.addEventListener('click', () =>
        vscode.postMessage({ type: 'openSource', categoryId: cell.categoryId, productId: product.key, axisId: axis.id, url }),
      );
      return link;
    });
    this.info.replaceChildren(
      element('strong', { text: `${product.name} · ${axis.name}: sources` }),
      ...links,
      this.closeButton('Close the sources'),
    );
    this.info.hidden = false;
  }

  private closeButton(label: string): HTMLButtonElement {
    const close = element('button', { text: 'Close', attributes: { type: 'button', 'aria-label': label } });
    close.addEventListener('click', () => (this.info.hidden = true));
    return close;
  }

  private showAxis(axis: MatrixAxis): void {
    this.info.replaceChildren(
      element('strong', { text: axis.name }),
      element('span', { text: axis.description ? ` — ${axis.description}` : ' — the scope file gives this axis no description.' }),
      this.closeButton('Close the axis description'),
    );
    this.info.hidden = false;
  }

  /** Moves the focus to a cell, scrolling its row into view first so that it is drawn. */
  private showCell(cell: FocusedCell): void {
    const section = this.sectionOf(cell.categoryId);
    if (!section) return;
    this.setFocus(cell);
    const index = section.rowIndex(cell.row);
    const bodyTop = section.bodyTop(this.scroller);
    const header = section.root.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const { scrollTop, clientHeight } = this.scroller;
    if (index === -1) {
      const top = section.root.offsetTop;
      if (top < scrollTop || top > scrollTop + clientHeight - header) this.scroller.scrollTop = top;
    } else {
      const y = bodyTop + index * this.rowHeight;
      if (y < scrollTop + header) this.scroller.scrollTop = y - header;
      else if (y + this.rowHeight > scrollTop + clientHeight) this.scroller.scrollTop = y + this.rowHeight - clientHeight;
    }
    this.render();
    const target = section.cell(cell.row, cell.column);
    this.placeTabStop(false);
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private setFocus(cell: FocusedCell): void {
    this.save({ focus: cell });
  }

  private cellOf(target: EventTarget | null): FocusedCell | undefined {
    const cell = target instanceof Element ? target.closest<HTMLElement>('[data-column]') : null;
    const categoryId = cell?.closest<HTMLElement>('section')?.dataset.category;
    if (!cell?.dataset.column || !categoryId) return undefined;
    return { categoryId, row: cell.closest<HTMLElement>('tr')?.dataset.row ?? null, column: cell.dataset.column };
  }

  /** What the tables show: the view state, and the changed cells while comparing. */
  private options() {
    return { ...this.state, changes: this.changes };
  }

  private grid() {
    return this.sections.map((s) => s.grid);
  }

  private sectionOf(categoryId: string): TableSection | undefined {
    return this.sections.find((s) => s.categoryId === categoryId);
  }

  private save(change: Partial<ViewState>): void {
    this.state = { ...this.state, ...change };
    vscode.setState(this.state);
  }
}

new MatrixApp().start(document.getElementById('app')!);
