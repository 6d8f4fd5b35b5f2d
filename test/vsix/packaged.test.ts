import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CompetitorScopeApi } from '../../src/extension';
import { extensionId, waitFor, workspacePath } from '../integration/helpers';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('the packaged extension, installed from its VSIX', () => {
  it('is installed in the extensions dir, with only what the VSIX ships', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, 'not installed');
    assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace);
    const files = filesUnder(extension.extensionPath).filter((f) => !f.startsWith('.'));
    console.log(`      installed in ${extension.extensionPath}: ${files.join(', ')}`);
    assert.deepEqual(
      files.filter((f) => !/^(changelog\.md|license(\.txt)?|readme\.md|package\.json)$/i.test(f)),
      [
        'dist/cli.js',
        'dist/extension.js',
        'dist/mcp.js',
        'dist/noteWorker.js',
        'dist/scopeWorker.js',
        'dist/web.js',
        'media/battlecard.css',
        'media/battlecard.js',
        'media/charts.css',
        'media/competitor-scope.svg',
        'media/matrix.css',
        'media/matrix.js',
        'media/webview.css',
        'scope/competitor-scope.schema.json',
        'scope/competitor-scope.yaml',
      ],
    );
  });

  it('activates on the example workspace and shows its scope, and says how long the tree took', async () => {
    const extension = vscode.extensions.getExtension<CompetitorScopeApi>(extensionId);
    const api = await extension!.activate();
    await api.ready();
    const { treeMs, notesMs } = await api.activation();
    console.log(
      `      activation: the tree's first items after ${treeMs.toFixed(1)} ms, every note analyzed after ${notesMs.toFixed(1)} ms`,
    );
    const categories = (await api.scopeTree.getChildren()) ?? [];
    assert.equal(categories.length, 4);
    assert.equal(api.scope().source, 'file');
  });

  it('analyzes the notes and completes axis headings', async () => {
    const uri = vscode.Uri.file(workspacePath('research/fastapi.md'));
    await waitFor(
      () => vscode.languages.getDiagnostics(uri).some((d) => typeof d.code === 'object' && d.code.value === 'missing-axis'),
      'missing-axis on fastapi.md',
    );
    const editor = await vscode.window.showTextDocument(uri);
    const last = editor.document.lineCount - 1;
    await editor.edit((b) => b.insert(new vscode.Position(last, 0), '#'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(last, 1),
      '#',
    );
    const item = list.items.find((i) => i.insertText === '## Dev experience, documentation, and templates');
    assert.ok(item, 'the missing axis as a level-2 heading');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
