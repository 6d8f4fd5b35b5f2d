import type { MatrixModel } from '../core/matrix/matrixModel';
import { SORT_CHOICES } from '../core/matrix/matrixView';
import type { ChangeMarks } from './changeMarks';
import { element } from './dom';
import type { ViewState } from './vscodeApi';

type ViewChange = Partial<
  Pick<ViewState, 'category' | 'gapsOnly' | 'staleOnly' | 'unsourcedOnly' | 'changedOnly' | 'vsSubject' | 'sort' | 'descending' | 'view'>
>;

/** The controls above the tables: category, gaps only, sort, export, and the overall coverage. */
export class Toolbar {
  readonly root: HTMLElement;
  private readonly category = element('select', { attributes: { id: 'category' } });
  private readonly gapsOnly = element('input', { attributes: { id: 'gaps-only', type: 'checkbox' } });
  private readonly vsSubject = element('input', { attributes: { id: 'vs-subject', type: 'checkbox' } });
  private readonly vsLabel = element(
    'label',
    { className: 'check', attributes: { title: 'Colour each competitor’s scored cells by how it compares with our product' } },
    this.vsSubject,
  );
  private readonly staleOnly = element('input', { attributes: { id: 'stale-only', type: 'checkbox' } });
  private readonly unsourcedOnly = element('input', { attributes: { id: 'unsourced-only', type: 'checkbox' } });
  private readonly sort = element(
    'select',
    { attributes: { id: 'sort' } },
    ...SORT_CHOICES.map((s) => element('option', { text: s.label, attributes: { value: s.value } })),
  );
  private readonly summary = element('span', { className: 'summary', attributes: { id: 'summary', 'aria-live': 'polite' } });
  private readonly heading = element('h1');
  private readonly changedOnly = element('input', { attributes: { id: 'changed-only', type: 'checkbox' } });
  private readonly changeCount = element('span', { className: 'change-count', attributes: { id: 'change-count', 'aria-live': 'polite' } });
  /** Shown while comparing with a point of history: how many cells changed, the filter, and the way back. */
  private readonly comparing = element(
    'div',
    {
      className: 'comparing',
      attributes: { role: 'group', 'aria-label': 'Comparison', title: 'N and Shift+N move to the next and the previous change' },
    },
    this.changeCount,
    element('label', { className: 'check' }, this.changedOnly, document.createTextNode(' Changed only')),
  );
  /** Pressed: each category's charts instead of its table. */
  private readonly chartView = element('button', {
    text: 'Charts',
    attributes: {
      id: 'chart-view',
      type: 'button',
      'aria-pressed': 'false',
      title: 'Show each category as charts: the radar of its scores, and coverage against weighted score',
    },
  });
  /** The controls that change only the tables, hidden with them. */
  private readonly tableOnly: HTMLElement;
  private categoryKey = '';

  constructor(onChange: (change: ViewChange) => void, onExport: () => void, onStopComparing: () => void) {
    this.changedOnly.addEventListener('change', () => onChange({ changedOnly: this.changedOnly.checked }));
    const stop = element('button', { text: 'Stop comparing', attributes: { id: 'stop-comparing', type: 'button' } });
    stop.addEventListener('click', onStopComparing);
    this.comparing.append(stop);
    this.category.addEventListener('change', () => onChange({ category: this.category.value }));
    this.gapsOnly.addEventListener('change', () => onChange({ gapsOnly: this.gapsOnly.checked }));
    this.vsSubject.addEventListener('change', () => onChange({ vsSubject: this.vsSubject.checked }));
    this.staleOnly.addEventListener('change', () => onChange({ staleOnly: this.staleOnly.checked }));
    this.unsourcedOnly.addEventListener('change', () => onChange({ unsourcedOnly: this.unsourcedOnly.checked }));
    this.sort.addEventListener('change', () => {
      const choice = SORT_CHOICES.find((s) => s.value === this.sort.value) ?? SORT_CHOICES[0];
      onChange({ sort: choice.sort, descending: choice.descending });
    });
    const exportButton = element('button', {
      text: 'Export…',
      attributes: { id: 'export', type: 'button', title: 'Export the matrix as Markdown, CSV or HTML' },
    });
    exportButton.addEventListener('click', onExport);
    this.chartView.addEventListener('click', () =>
      onChange({ view: this.chartView.getAttribute('aria-pressed') === 'true' ? 'table' : 'charts' }),
    );
    this.tableOnly = element(
      'span',
      { className: 'table-only' },
      element('label', { className: 'check' }, this.gapsOnly, document.createTextNode(' Gaps only')),
      this.vsLabel,
      element(
        'label',
        { className: 'check', attributes: { title: 'Answers older than their freshness limit' } },
        this.staleOnly,
        document.createTextNode(' Stale'),
      ),
      element(
        'label',
        { className: 'check', attributes: { title: 'Answers that cite no source' } },
        this.unsourcedOnly,
        document.createTextNode(' Unsourced'),
      ),
      element('label', { text: 'Sort ', attributes: { for: 'sort' } }),
      this.sort,
    );
    this.root = element(
      'header',
      { className: 'toolbar' },
      this.heading,
      this.summary,
      element('label', { text: 'Category ', attributes: { for: 'category' } }),
      this.category,
      this.tableOnly,
      this.chartView,
      exportButton,
      this.comparing,
    );
  }

  update(model: MatrixModel, state: ViewState, changes: ChangeMarks | undefined): void {
    this.comparing.hidden = changes === undefined;
    this.changedOnly.checked = state.changedOnly;
    if (changes) this.changeCount.textContent = changes.summary;
    this.heading.textContent = model.title;
    const percent = model.total === 0 ? 100 : Math.round((100 * model.answered) / model.total);
    this.summary.textContent = `${model.answered}/${model.total} answered (${percent}%)`;
    // Rebuilding the options would close an open drop-down: only do it when the categories change.
    const key = JSON.stringify(model.tables.map((t) => [t.categoryId, t.name]));
    if (key !== this.categoryKey) {
      this.categoryKey = key;
      this.category.replaceChildren(
        element('option', { text: 'All categories', attributes: { value: '' } }),
        ...model.tables.map((t) => element('option', { text: t.name, attributes: { value: t.categoryId } })),
      );
    }
    this.category.value = model.tables.some((t) => t.categoryId === state.category) ? state.category : '';
    this.chartView.setAttribute('aria-pressed', String(state.view === 'charts'));
    this.tableOnly.hidden = state.view === 'charts';
    this.gapsOnly.checked = state.gapsOnly;
    // Only a scope with a subject has something to compare with.
    this.vsLabel.hidden = model.subject === null;
    this.vsLabel.replaceChildren(this.vsSubject, document.createTextNode(` vs. ${model.subject ?? 'our product'}`));
    this.vsSubject.checked = state.vsSubject && model.subject !== null;
    this.staleOnly.checked = state.staleOnly;
    this.unsourcedOnly.checked = state.unsourcedOnly;
    this.sort.value = SORT_CHOICES.find((s) => s.sort === state.sort && s.descending === state.descending)?.value ?? 'scope';
  }
}
