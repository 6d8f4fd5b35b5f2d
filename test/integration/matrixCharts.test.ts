import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MatrixPanelHandle } from '../../src/features/matrix/matrixPanel';
import { extensionApi } from './api';
import { closeAllEditors, waitFor, workspacePath } from './helpers';
import { askWebview, clickInWebview, waitForWebview, webviewProbeAvailable } from './webviewProbe';

const PAGE = 'Comparison Matrix';
const WEB = 'section.charts[data-category="python-web-frameworks"]';

/** The matrix's chart view as the page draws it in the real VS Code, read from the webview's DOM. */
describe('the matrix’s chart view, drawn', () => {
  let matrix: MatrixPanelHandle;

  before(async function () {
    if (!webviewProbeAvailable()) this.skip();
    await closeAllEditors();
    const api: object = await extensionApi();
    assert.ok('matrix' in api);
    matrix = api.matrix as MatrixPanelHandle;
    await vscode.commands.executeCommand('competitorScope.showMatrix');
    await waitFor(() => matrix.model(), 'the matrix model', { timeoutMs: 20_000 });
    await waitForWebview(PAGE, 'table.matrix', (tables) => tables.length > 0, 'the tables');
  });
  after(async () => {
    if (!webviewProbeAvailable()) return;
    // Back to the tables, for the suites after this one.
    if ((await askWebview({ title: PAGE, selector: 'section.charts' })).elements.length > 0) await clickInWebview(PAGE, '#chart-view');
    await closeAllEditors();
  });

  it('shows each category’s radar and a scatter point per product with a score, from the toolbar’s Charts', async () => {
    await clickInWebview(PAGE, '#chart-view');
    const table = matrix.model()!.tables.find((t) => t.categoryId === 'python-web-frameworks')!;
    const scored = table.rows.filter((row) => row.score !== null);
    assert.ok(scored.length > 1 && scored.length < table.rows.length, 'the example has products with a score and one without');
    const points = await waitForWebview(PAGE, `${WEB} svg.scatter .point-label`, (p) => p.length === scored.length, 'the points');
    assert.deepEqual(
      points.elements.map((p) => p.text),
      scored.map((row) => row.name),
    );
    await waitForWebview(PAGE, `${WEB} svg.radar title`, (t) => t.length === 1, 'the radar');
    assert.equal((await askWebview({ title: PAGE, selector: 'table.matrix' })).elements.length, 0, 'the tables are gone');
  });

  it('keeps the chart view when the panel is hidden and comes back', async () => {
    // A hidden webview is unloaded (no retained context): shown again, the page restores what it saved.
    const note = await vscode.workspace.openTextDocument(workspacePath('research/django.md'));
    await vscode.window.showTextDocument(note, { preview: false });
    await waitFor(async () => !(await askWebview({ title: PAGE, selector: 'body' })).found, 'the matrix page to be unloaded');
    await vscode.commands.executeCommand('competitorScope.showMatrix');
    await waitForWebview(PAGE, `${WEB} svg.scatter`, (s) => s.length === 1, 'the chart view again');
    assert.equal((await askWebview({ title: PAGE, selector: 'table.matrix' })).elements.length, 0);
  });
});
