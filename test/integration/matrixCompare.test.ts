import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MatrixPanelHandle } from '../../src/features/matrix/matrixPanel';
import { extensionApi } from './api';
import { waitFor } from './helpers';
import { comparedRepository } from './comparedRepository';
import { withWorkspaceRepository } from './workspaceRepository';
import { pressInWebview, waitForWebview } from './webviewProbe';

const PAGE = 'Comparison Matrix';
const QUEUES = 'section[data-category="queues"]';

/** For the suite that calls it: `comparedRepository` in the workspace folder `name` and its scope, gone after it. */
export function withComparedRepository(name: string): void {
  withWorkspaceRepository(name, comparedRepository, { readsWebview: true });
}

describe('the matrix compared with a commit, drawn', function () {
  this.timeout(120_000);
  after(() => vscode.commands.executeCommand('competitorScope.stopComparing'));
  withComparedRepository('compared');

  it('marks the changed cells with data-change, counts them, steps through them with n, and stops comparing', async () => {
    const api = await extensionApi();
    const team = await waitFor(() => api.scopes().find((s) => s.label.includes('compared')), 'the repository’s scope');
    await waitFor(() => team.notes.paths().length === 2, 'both notes to be read');
    await vscode.commands.executeCommand('competitorScope.chooseScope', team.key);
    await vscode.commands.executeCommand('competitorScope.showMatrix');
    await waitFor(() => (api.matrix as MatrixPanelHandle).model()?.title === 'Platform team', 'the team’s matrix');

    assert.equal(await vscode.commands.executeCommand('competitorScope.compareMatrix', 'HEAD~1'), true);
    const changed = await waitForWebview(PAGE, `${QUEUES} td[data-change]`, (cells) => cells.length === 2, 'the two changed cells');
    assert.deepEqual(
      changed.elements.map((cell) => ['△ Changed', '+ Answered'].find((mark) => cell.text.startsWith(mark))),
      ['△ Changed', '+ Answered'],
    );
    const text = await waitForWebview(
      PAGE,
      `${QUEUES} tr[data-row="kafka"] td[data-change="text"]`,
      (c) => c.length === 1,
      'the reworded answer',
    );
    assert.match(
      text.elements[0].title,
      /^Changed since HEAD~1 \([0-9a-f]{7}\): text\nBefore: .*“At least once by default\.”\nAfter: .*exactly once/,
    );
    await waitForWebview(
      PAGE,
      `${QUEUES} tr[data-row="kafka"] td[data-column="operations"][data-change="answered"]`,
      (c) => c.length === 1,
      'the new answer',
    );
    const count = await waitForWebview(PAGE, '#change-count', (c) => c.length === 1, 'the count');
    assert.match(count.elements[0].text, /^2 cells changed since HEAD~1 \([0-9a-f]{7}\)$/);

    await pressInWebview(PAGE, `${QUEUES} thead th[data-column="product"]`, 'n');
    await waitForWebview(PAGE, `${QUEUES} td[data-change="text"]:focus`, (c) => c.length === 1, 'n to focus the first change');
    await pressInWebview(PAGE, `${QUEUES} td:focus`, 'n');
    await waitForWebview(PAGE, `${QUEUES} td[data-change="answered"]:focus`, (c) => c.length === 1, 'n to focus the next change');
    await pressInWebview(PAGE, `${QUEUES} td:focus`, 'Shift+N');
    await waitForWebview(PAGE, `${QUEUES} td[data-change="text"]:focus`, (c) => c.length === 1, 'Shift+N to go back');

    await vscode.commands.executeCommand('competitorScope.stopComparing');
    await waitForWebview(PAGE, `${QUEUES} td[data-column="operations"]`, (c) => c.length === 2, 'the present');
    await waitForWebview(PAGE, 'td[data-change]', (c) => c.length === 0, 'no cell marked');
  });
});
