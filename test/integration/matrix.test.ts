import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { MatrixPanelHandle } from '../../src/features/matrix/matrixPanel';
import { extensionApi } from './api';
import { closeAllEditors, revertDirtyDocuments, waitFor, workspacePath } from './helpers';

const WEB = 'python-web-frameworks';
const DEV_EXPERIENCE = 'dev-experience-documentation-and-templates';

/** The matrix panel's handle on the extension's API: its message handler, as if the webview had posted. */
async function matrix(): Promise<MatrixPanelHandle> {
  const api: object = await extensionApi();
  assert.ok('matrix' in api, 'the extension API has no matrix handle');
  return api.matrix as MatrixPanelHandle;
}

function matrixTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('competitorScope.matrix'));
}

async function editorOn(relativePath: string): Promise<vscode.TextEditor> {
  return waitFor(() => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.uri.fsPath === workspacePath(relativePath) && editor;
  }, `an editor on ${relativePath}`);
}

describe('the comparison matrix', () => {
  before(closeAllEditors);

  it('opens one panel from its command, and the page asks for the model and gets it', async () => {
    const handle = await matrix();
    await vscode.commands.executeCommand('competitorScope.showMatrix');
    await vscode.commands.executeCommand('competitorScope.showMatrix');
    const tabs = await waitFor(() => matrixTabs().length > 0 && matrixTabs(), 'the matrix tab');
    assert.deepEqual(
      tabs.map((t) => t.label),
      ['Comparison Matrix'],
    );
    const model = await waitFor(() => handle.model(), 'the webview to say it is ready', { timeoutMs: 20_000 });
    assert.deepEqual(
      model.tables.map((t) => t.categoryId),
      [WEB, 'simulation-digital-twin', 'observability-control-planes', 'ai-development-tools'],
    );
    const django = model.tables[0].rows.find((r) => r.key === 'django');
    assert.equal(django?.cells[0].status, 'answered');
  });

  it('gives each answered cell its age, its sources and its stale and unsourced marks', async () => {
    const handle = await matrix();
    const model = await waitFor(() => handle.model(), 'the model', { timeoutMs: 20_000 });
    const django = model.tables[0].rows.find((r) => r.key === 'django');
    const [architecture, auth, testing] = django?.cells ?? [];
    assert.deepEqual(architecture.sources, [
      'https://docs.djangoproject.com/en/stable/intro/overview/',
      'https://docs.djangoproject.com/en/stable/ref/applications/',
    ]);
    assert.deepEqual([auth.sources.length, auth.unsourced, auth.stale], [0, true, false]);
    assert.deepEqual([testing.asOf, testing.stale, testing.unsourced, testing.sources.length], ['2023-04-01', true, false, 1]);
    assert.match(testing.age, /^\d+ (yr|mo)$/);
  });

  it('opens the note at the heading of an answered cell', async () => {
    const handle = await matrix();
    await handle.postFromWebview({
      type: 'openCell',
      categoryId: WEB,
      productId: 'django',
      axisId: 'testing-strategy-and-coverage-expectations',
    });
    const editor = await editorOn('research/django.md');
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '## Testing strategy and coverage expectations');
  });

  it('adds a missing section where it belongs, opens the note there, and the matrix follows', async () => {
    const handle = await matrix();
    const before = readFileSync(workspacePath('research/fastapi.md'), 'utf8');
    await handle.postFromWebview({ type: 'openCell', categoryId: WEB, productId: 'fastapi', axisId: DEV_EXPERIENCE });
    const editor = await editorOn('research/fastapi.md');
    const text = editor.document.getText();
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '## Dev experience, documentation, and templates');
    // Only an insertion: the team's text around it is unchanged.
    assert.equal(text.replace(/\n*## Dev experience, documentation, and templates\n?/, '\n').trimEnd(), before.trimEnd());
    await waitFor(() => {
      const row = handle.model()?.tables[0].rows.find((r) => r.key === 'fastapi');
      return row?.cells[3].status === 'empty';
    }, 'the matrix to show the new section as empty');
    await revertDirtyDocuments();
  });

  it('creates the note from the template for a product that has none, at the missing heading', async () => {
    const handle = await matrix();
    await handle.postFromWebview({ type: 'openCell', categoryId: WEB, productId: 'flask-based-stacks', axisId: DEV_EXPERIENCE });
    const editor = await editorOn('research/flask-based-stacks.md');
    assert.match(editor.document.getText(), /^---\nproduct: flask-based-stacks\ncategory: python-web-frameworks\n---/);
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '## Dev experience, documentation, and templates');
  });

  it('opens a product’s note', async () => {
    const handle = await matrix();
    await handle.postFromWebview({ type: 'openProduct', categoryId: 'observability-control-planes', productId: 'grafana' });
    await editorOn('research/grafana.md');
  });

  it('ignores messages that are malformed or name nothing in the scope', async () => {
    const handle = await matrix();
    await closeAllEditors();
    for (const message of [
      { type: 'openCell', categoryId: WEB, productId: 'django', axisId: DEV_EXPERIENCE, extra: true },
      { type: 'openCell', categoryId: WEB, productId: '../../outside', axisId: DEV_EXPERIENCE },
      { type: 'openProduct', categoryId: 'nope', productId: 'django' },
      { type: 'openCell', categoryId: WEB, productId: 'django', axisId: 42 },
      { type: 'runCommand', command: 'workbench.action.quit' },
      'ready',
    ]) {
      await handle.postFromWebview(message);
    }
    assert.equal(vscode.window.activeTextEditor, undefined);
  });

  it('exports the matrix as Markdown, CSV and HTML', async () => {
    await matrix();
    for (const [format, check] of [
      ['markdown', /^# Competitor Scope for Grid \+ Throughput Engine\n[\s\S]*\| Product \| Architecture guidance and opinionation \|/],
      [
        'csv',
        /^Category,Product,Subject,Axis,Status,score,Excerpt,Note,Line,Category ID,Product ID,Axis ID,As of,Age,Sources,Stale,Unsourced\r\nPython Web \/ Application Frameworks,Grid \+ Throughput Engine,yes,Architecture guidance and opinionation,Answered,3,/,
      ],
      ['html', /^<!DOCTYPE html>[\s\S]*<th scope="row">Django<\/th>/],
    ] as const) {
      const target = vscode.Uri.file(workspacePath(`matrix-export.${format}`));
      const written = await vscode.commands.executeCommand<vscode.Uri>('competitorScope.exportMatrix', format, target);
      assert.equal(written?.fsPath, target.fsPath);
      assert.match(readFileSync(target.fsPath, 'utf8'), check);
    }
  });
});
