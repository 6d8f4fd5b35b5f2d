import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MatrixPanelHandle } from '../../src/features/matrix/matrixPanel';
import { extensionApi } from './api';
import { closeAllEditors, waitFor } from './helpers';
import { clickInWebview, waitForWebview, webviewProbeAvailable } from './webviewProbe';

const PAGE = 'Comparison Matrix';
const DJANGO_ROW = 'section[data-category="python-web-frameworks"] tr[data-row="django"]';

/** The matrix's vs. our product view as the page draws it in the real VS Code, read from the webview's DOM. */
describe('the matrix’s vs. our product view, drawn', () => {
  before(async function () {
    if (!webviewProbeAvailable()) this.skip();
    await closeAllEditors();
    // The editor area alone, as wide as a 1,400-pixel window allows: the view must fit it.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const api: object = await extensionApi();
    assert.ok('matrix' in api);
    await vscode.commands.executeCommand('competitorScope.showMatrix');
    await waitFor(() => (api.matrix as MatrixPanelHandle).model(), 'the matrix model', { timeoutMs: 20_000 });
    await waitForWebview(PAGE, `${DJANGO_ROW} td.cell`, (cells) => cells.length === 4, 'Django’s row');
  });
  after(async () => {
    if (!webviewProbeAvailable()) return;
    await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
    await closeAllEditors();
  });

  it('marks each scored competitor cell we lead, parity or they lead with a symbol and a word, and counts them per row', async () => {
    await clickInWebview(PAGE, '#vs-subject');
    const cells = await waitForWebview(PAGE, `${DJANGO_ROW} td.cell`, (c) => c[0]?.className.includes('vs-'), 'the vs. view');
    assert.deepEqual(
      cells.elements.map((c) => c.className),
      [
        'cell answered with-evidence vs-they-lead',
        'cell answered with-evidence unsourced vs-we-lead',
        'cell answered with-evidence stale vs-none',
        'cell placeholder vs-none',
      ],
    );
    const marks = await waitForWebview(PAGE, `${DJANGO_ROW} .vs-mark`, (m) => m.length === 2, 'the marks');
    assert.deepEqual(
      marks.elements.map((m) => m.text),
      ['▼ They lead', '▲ We lead'],
    );
    const counts = await waitForWebview(PAGE, `${DJANGO_ROW} td.vs-counts`, (c) => c.length === 1, 'the counts');
    assert.equal(counts.elements[0].ariaLabel, 'We lead: 1, Parity: 0, They lead: 1');
    assert.equal(counts.elements[0].text, '▲ 1= 0▼ 1');
    // Our own row compares with nothing: no marks, no counts.
    const ours = await waitForWebview(PAGE, 'section[data-category="python-web-frameworks"] tr.subject .vs-mark', () => true, 'our row');
    assert.equal(ours.elements.length, 0);
  });

  it('fits the counts column in the window, uncut', async () => {
    const header = await waitForWebview(
      PAGE,
      'section[data-category="python-web-frameworks"] thead th.vs-counts',
      (h) => h.length === 1,
      'the vs. us column',
    );
    assert.equal(header.elements[0].text, 'vs. us');
    const counts = await waitForWebview(PAGE, `${DJANGO_ROW} td.vs-counts span`, (s) => s.length === 3, 'the counts');
    const cell = await waitForWebview(PAGE, `${DJANGO_ROW} td.vs-counts`, (c) => c.length === 1, 'the counts cell');
    const right = Math.max(...counts.elements.map((s) => s.right));
    assert.ok(
      cell.elements[0].right <= cell.viewportWidth,
      `the column ends at ${cell.elements[0].right} px, past the page's ${cell.viewportWidth} px`,
    );
    assert.ok(right <= cell.elements[0].right, `the counts end at ${right} px, past their cell's ${cell.elements[0].right} px`);
  });

  it('shows each weighted score with its base on one line, uncut, in a Score column as wide as its header', async () => {
    const section = 'section[data-category="python-web-frameworks"]';
    const scores = await waitForWebview(PAGE, `${section} td.score`, (s) => s.some((c) => c.text.includes(' axes')), 'the scores');
    const header = await waitForWebview(PAGE, `${section} thead th[data-column="score"]`, (h) => h.length === 1, 'the Score header');
    assert.equal(header.elements[0].right - header.elements[0].left, scores.elements[0].right - scores.elements[0].left);
    // Every cell of the Coverage, Score and vs. us columns, their headers and their totals too.
    const totals = await waitForWebview(PAGE, `${section} .total`, (t) => t.length > scores.elements.length, 'the totals');
    for (const cell of totals.elements) {
      assert.ok(cell.scrollWidth <= cell.clientWidth, `"${cell.text}" needs ${cell.scrollWidth} px; its cell shows ${cell.clientWidth} px`);
    }
  });

  it('draws a score’s Harvey ball in the text colour, not the status colour', async () => {
    const ball = await waitForWebview(PAGE, `${DJANGO_ROW} td.cell.answered .ball`, (b) => b.length === 3, 'Django’s balls');
    const name = await waitForWebview(PAGE, `${DJANGO_ROW} .product-name`, (n) => n.length === 1, 'Django’s name');
    // The answered status's green would say "answered" twice and read as a verdict; the ball is the score alone.
    assert.deepEqual(new Set(ball.elements.map((b) => b.color)), new Set([name.elements[0].color]));
  });

  it('goes back to the plain view when unticked', async () => {
    await clickInWebview(PAGE, '#vs-subject');
    const cells = await waitForWebview(PAGE, `${DJANGO_ROW} td.cell`, (c) => !c[0]?.className.includes('vs-'), 'the plain view');
    assert.deepEqual(
      cells.elements.map((c) => c.className),
      ['cell answered with-evidence', 'cell answered with-evidence unsourced', 'cell answered with-evidence stale', 'cell placeholder'],
    );
  });
});
