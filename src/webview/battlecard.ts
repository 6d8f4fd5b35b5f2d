import {
  BATTLECARD_SECTIONS,
  battlecardTitle,
  overallScores,
  SECTION_TITLE,
  sideScore,
  type Battlecard,
  type BattlecardAxis,
  type BattlecardSection,
  type BattlecardSide,
} from '../core/matrix/battlecard';
import { battlecardRadar } from '../core/matrix/matrixCharts';
import { COMPARISON_SYMBOL } from '../core/scoring/comparison';
import type { BattlecardComparison, BattlecardState, FromBattlecard, ToBattlecard } from '../shared/battlecardMessages';
import { ChangeMarks } from './changeMarks';
import { chartBody, chartSection } from './chartMarkup';
import { element } from './dom';
import { evidenceLine } from './evidenceLine';
import { acquireWebviewApi, restoreState } from './webviewApi';

/** What the page keeps across hiding and reloads: which card (so that the panel is restored with it), and the scroll. */
interface PageState extends BattlecardState {
  readonly scrollTop: number;
}

const vscode = acquireWebviewApi<FromBattlecard, PageState>();

/** A symbol beside each section's word, so that a section never rests on its colour alone. */
const SECTION_SYMBOL: Readonly<Record<BattlecardSection, string>> = { ...COMPARISON_SYMBOL, unknown: '?' };

/** The battlecard page: draws the card the extension sends, again on every change, and turns clicks into messages. */
class BattlecardApp {
  private state = restoreState<PageState>(vscode, { categoryId: '', productId: '', scrollTop: 0 });
  private scrollRestored = false;
  private readonly heading = element('h1');
  private readonly summary = element('span', { className: 'summary', attributes: { id: 'summary' } });
  private readonly changeCount = element('span', { className: 'change-count', attributes: { id: 'change-count', role: 'status' } });
  private readonly stopComparing = element('button', {
    text: 'Stop comparing',
    attributes: { id: 'stop-comparing', type: 'button', title: 'Show the card as it is now, without changes' },
  });
  private readonly body = element('main', { className: 'scroller card', attributes: { 'aria-live': 'polite' } });

  start(root: HTMLElement): void {
    const copy = element('button', {
      text: 'Copy as Markdown',
      attributes: { id: 'copy', type: 'button', title: 'Copy the battlecard as Markdown' },
    });
    const exportButton = element('button', {
      text: 'Export…',
      attributes: { id: 'export', type: 'button', title: 'Save the battlecard as Markdown or HTML in the workspace' },
    });
    copy.addEventListener('click', () => vscode.postMessage({ type: 'copy' }));
    exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
    const changedSince = element('button', {
      text: 'Changed since…',
      attributes: { id: 'changed-since', type: 'button', title: 'Mark the answers that changed since a branch, tag or commit' },
    });
    changedSince.addEventListener('click', () => vscode.postMessage({ type: 'compare' }));
    this.stopComparing.addEventListener('click', () => vscode.postMessage({ type: 'stopComparing' }));
    this.showComparing(null);
    const toolbar = [this.heading, this.summary, this.changeCount, changedSince, this.stopComparing, copy, exportButton];
    root.replaceChildren(element('header', { className: 'toolbar' }, ...toolbar), this.body);
    this.body.addEventListener('click', (event) => this.onClick(event));
    this.body.addEventListener('scroll', () => this.save({ scrollTop: this.body.scrollTop }), { passive: true });
    window.addEventListener('message', (event: MessageEvent<ToBattlecard>) => this.receive(event.data));
    // Only now may the extension post: a message sent before the listener exists would be lost.
    vscode.postMessage({ type: 'ready' });
  }

  private receive(message: ToBattlecard): void {
    if (message.type === 'gone') {
      this.heading.textContent = message.product;
      this.summary.textContent = '';
      this.showComparing(null);
      this.body.replaceChildren(element('p', { className: 'gone', text: `${message.product} is no longer a competitor in the scope.` }));
      return;
    }
    const card = message.card;
    this.save({ categoryId: card.categoryId, productId: card.productId });
    document.title = `Battlecard: ${card.product}`;
    this.heading.textContent = battlecardTitle(card);
    this.summary.textContent = `Weighted score — ${overallScores(card)}`;
    const intro = [
      element('p', { className: 'goal' }, element('strong', { text: `${card.category}: ` }), document.createTextNode(card.goal)),
    ];
    if (card.description) intro.push(element('p', { className: 'description', text: `${card.product}: ${card.description}` }));
    if (card.subject === null) {
      intro.push(
        element('p', { className: 'no-subject', text: 'The scope names no subject (our product): every axis is unknown until it does.' }),
      );
    }
    const marks = this.showComparing(message.comparison);
    const top = this.body.scrollTop;
    const chart = chartSection('scores-heading', 'Scores by axis', chartBody(battlecardRadar(card)));
    this.body.replaceChildren(...intro, chart, ...BATTLECARD_SECTIONS.map((section) => renderSection(card, section, marks)));
    // A redraw keeps the place; the first drawing goes back to where the page was before a reload.
    this.body.scrollTop = this.scrollRestored ? top : this.state.scrollTop;
    this.scrollRestored = true;
  }

  /** The count and Stop comparing while the card is compared with a point of history; its marks then. */
  private showComparing(comparison: BattlecardComparison | null): CardMarks | undefined {
    const marks = comparison ? { marks: new ChangeMarks(comparison), subjectId: comparison.subjectId } : undefined;
    this.changeCount.textContent = marks?.marks.summary ?? '';
    this.changeCount.hidden = !marks;
    this.stopComparing.hidden = !marks;
    return marks;
  }

  /** An axis's side opens that side's note at the axis. */
  private onClick(event: MouseEvent): void {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-side]') : null;
    const axisId = button?.closest<HTMLElement>('li[data-axis]')?.dataset.axis;
    const side = button?.dataset.side;
    if (axisId && (side === 'ours' || side === 'theirs')) vscode.postMessage({ type: 'openAxis', side, axisId });
  }

  private save(change: Partial<PageState>): void {
    this.state = { ...this.state, ...change };
    vscode.setState(this.state);
  }
}

/** The card's changed cells, and the id our product's are under. */
interface CardMarks {
  readonly marks: ChangeMarks;
  readonly subjectId: string | null;
}

function renderSection(card: Battlecard, section: BattlecardSection, marks: CardMarks | undefined): HTMLElement {
  const axes = card.sections[section];
  const id = `section-${section}`;
  const heading = element(
    'h2',
    { attributes: { id } },
    element('span', { className: 'mark', text: SECTION_SYMBOL[section], attributes: { 'aria-hidden': 'true' } }),
    document.createTextNode(` ${SECTION_TITLE[section]} `),
    element('span', { className: 'count', text: `(${axes.length})` }),
  );
  const content = axes.length
    ? element('ul', {}, ...axes.map((axis) => renderAxis(card, axis, marks)))
    : element('p', { className: 'none', text: 'None.' });
  return element(
    'section',
    { className: `verdict ${section}`, attributes: { 'data-section': section, 'aria-labelledby': id } },
    heading,
    content,
  );
}

function renderAxis(card: Battlecard, axis: BattlecardAxis, marks: CardMarks | undefined): HTMLElement {
  const head = element('div', { className: 'axis-head' }, element('strong', { className: 'axis-name', text: axis.name }));
  if (axis.weight !== 1) {
    head.append(element('span', { className: 'weight', text: `×${axis.weight}`, attributes: { title: `Weight ×${axis.weight}` } }));
  }
  const ours = renderSide(card, 'ours', card.subject ?? 'Our product', axis.ours);
  const theirs = renderSide(card, 'theirs', card.product, axis.theirs);
  if (marks) {
    // Our product's answer and the competitor's are cells of the matrix: each is marked as the matrix marks it.
    if (marks.subjectId) marks.marks.decorate(ours, card.categoryId, marks.subjectId, axis.id);
    marks.marks.decorate(theirs, card.categoryId, card.productId, axis.id);
  }
  const changed = ours.classList.contains('changed') || theirs.classList.contains('changed');
  return element('li', { className: changed ? 'axis changed' : 'axis', attributes: { 'data-axis': axis.id } }, head, ours, theirs);
}

function renderSide(card: Battlecard, side: 'ours' | 'theirs', name: string, value: BattlecardSide): HTMLElement {
  const who = element('button', {
    className: 'who',
    text: name,
    attributes: { type: 'button', 'data-side': side, title: `Open ${name}’s note at this axis` },
  });
  const score = element('span', { className: value.score === null ? 'score unscored' : 'score', text: sideScore(card, value) });
  const answer = value.excerpt ? [element('span', { className: 'answer', text: value.excerpt })] : [];
  const evidence =
    value.status === 'answered' && (value.age !== '' || value.sources.length > 0 || value.unsourced) ? [evidenceLine(value)] : [];
  return element('div', { className: `side ${side}` }, who, score, ...answer, ...evidence);
}

new BattlecardApp().start(document.getElementById('app')!);
