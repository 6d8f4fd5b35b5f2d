import * as vscode from 'vscode';
import { extensionApi } from '../integration/api';
import { closeAllEditors, waitFor } from '../integration/helpers';
import { equal, sameData } from './expect';

const matrixTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('competitorScope.matrix'));

describe('the comparison matrix in the web worker', () => {
  after(closeAllEditors);

  it('opens from its command, and the page (its nonce from Web Crypto) asks for the model and gets it', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('competitorScope.showMatrix');
    await waitFor(() => matrixTabs().length === 1, 'the matrix tab');
    // The webview posts "ready" only once its script ran, which the CSP allows only with the render's nonce.
    const model = await waitFor(() => api.matrix.model(), 'the webview to say it is ready', { timeoutMs: 20_000 });
    sameData(
      model.tables.map((t) => t.categoryId),
      ['python-web-frameworks', 'simulation-digital-twin', 'observability-control-planes', 'ai-development-tools'],
      'the tables',
    );
    equal(model.tables[0].rows.find((r) => r.key === 'django')?.cells[0].status, 'answered', 'Django’s first cell');
  });
});
