import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MatrixPanelHandle } from '../../src/features/matrix/matrixPanel';
import { extensionApi } from './api';
import { closeAllEditors, openDocument, revertDirtyDocuments, waitFor, workspacePath } from './helpers';

const DJANGO = 'research/django.md';
const uri = () => vscode.Uri.file(workspacePath(DJANGO));
const scoreDiagnostics = () =>
  vscode.languages.getDiagnostics(uri()).filter((d) => typeof d.code === 'object' && d.code.value === 'invalid-score');

describe('verdicts: scores in notes', () => {
  afterEach(async () => {
    await revertDirtyDocuments();
    await closeAllEditors();
  });

  it('flags a score out of range as the user types, on its line, and completes the scale’s values with their labels', async () => {
    const editor = await openDocument(DJANGO);
    const line = editor.document.getText().split('\n').indexOf('Score: 4');
    assert.ok(line > 0, 'django.md scores its first axis 4');
    await editor.edit((b) => b.replace(new vscode.Range(line, 7, line, 8), '9'));
    const [invalid] = await waitFor(() => scoreDiagnostics().length > 0 && scoreDiagnostics(), 'invalid-score on the edited line');
    assert.equal(invalid.range.start.line, line);
    assert.equal(invalid.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(invalid.message, 'A score runs from 0 to 4; 9 is out of range.');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri(),
      new vscode.Position(line, 'Score: '.length),
      ' ',
    );
    const scores = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(
      scores.map((i) => [typeof i.label === 'string' ? i.label : i.label.label, i.detail]),
      [
        ['0', '○ 0/4 (absent)'],
        ['1', '◔ 1/4 (weak)'],
        ['2', '◑ 2/4 (partial)'],
        ['3', '◕ 3/4 (strong)'],
        ['4', '● 4/4 (best)'],
      ],
    );
  });

  it('hovers a score line with its label and our product’s score on the axis', async () => {
    const editor = await openDocument(DJANGO);
    const line = editor.document.getText().split('\n').indexOf('Score: 3');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), new vscode.Position(line, 3));
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n')
      .replace(/\\(.)/g, '$1');
    assert.match(text, /◕ 3\/4 \(strong\)/);
    assert.match(text, /Grid \+ Throughput Engine: ● 4\/4 \(best\)\./);
  });

  it('shows the scores in the matrix: each cell’s, the row’s weighted score and the comparison with our product', async () => {
    const api: object = await extensionApi();
    assert.ok('matrix' in api);
    const handle = api.matrix as MatrixPanelHandle;
    await vscode.commands.executeCommand('competitorScope.showMatrix');
    const model = await waitFor(() => handle.model(), 'the matrix model');
    const web = model.tables[0];
    const django = web.rows.find((r) => r.key === 'django');
    assert.deepEqual(
      django?.cells.map((c) => [c.score, c.vs]),
      [
        [4, 'they-lead'],
        [3, 'we-lead'],
        [3, null],
        [null, null],
      ],
    );
    assert.deepEqual(django?.score, { value: 10, max: 12, scored: 3, axes: 4 });
    assert.deepEqual(django?.vs, { 'we-lead': 1, parity: 0, 'they-lead': 1 });
    assert.equal(model.scoring.labels[4], 'best');
  });
});
