import * as assert from 'node:assert/strict';
import { readFileSync, unlinkSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ScopeNode } from '../../src/workspace/scopeNodes';
import { extensionApi } from './api';
import { closeAllEditors, revertDirtyDocuments, waitFor, workspacePath } from './helpers';

/** The tree's node for a product (and one of its axes), found through the provider as the view finds it. */
async function node(categoryName: string, productName: string, axisName?: string): Promise<ScopeNode> {
  const tree = (await extensionApi()).scopeTree;
  const find = async (parent: ScopeNode | undefined, name: string) => {
    for (const child of (await tree.getChildren(parent)) ?? []) {
      const label = (await tree.getTreeItem(child)).label;
      if ((typeof label === 'string' ? label : label?.label) === name) return child;
    }
    assert.fail(`no tree item ${name}`);
  };
  const product = await find(await find(undefined, categoryName), productName);
  return axisName === undefined ? product : find(product, axisName);
}

describe('going from the tree to the notes', () => {
  afterEach(closeAllEditors);

  it('opens an axis’s note at the heading that answers it', async () => {
    const axis = await node('Python Web / Application Frameworks', 'Django', 'Testing strategy and coverage expectations');
    await vscode.commands.executeCommand((await (await extensionApi()).scopeTree.getTreeItem(axis)).command!.command, axis);
    const editor = await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/research/django.md') && vscode.window.activeTextEditor,
      'django.md to open',
    );
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '## Testing strategy and coverage expectations');
  });

  it('creates a product’s note from the template: front matter, a title, a section per axis in scope order', async () => {
    const ansys = await node('Simulation / Physics / Digital Twin Tools', 'Ansys');
    await vscode.commands.executeCommand('competitorScope.createNote', ansys);
    const path = workspacePath('research', 'ansys.md');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath === path, 'the new note to open');
    assert.equal(
      readFileSync(path, 'utf8'),
      [
        '---',
        'product: ansys',
        'category: simulation-digital-twin',
        '---',
        '',
        '# Ansys',
        '',
        '## Model fidelity vs runtime performance trade-offs',
        '',
        '## Scenario configuration, parameter sweeps, and study management',
        '',
        '## Result visualization and analysis dashboards',
        '',
        '## Handling of long-running and failing simulations',
        '',
      ].join('\n'),
    );
    const item = await waitFor(async () => {
      const i = await (await extensionApi()).scopeTree.getTreeItem(ansys);
      return i.contextValue === 'product' && i;
    }, 'the tree to see the note');
    assert.equal(item.description, '0/4', 'four empty sections answer nothing yet');
    await closeAllEditors();
    unlinkSync(path);
    await waitFor(
      async () => (await (await extensionApi()).scopeTree.getTreeItem(ansys)).contextValue === 'product.noNote',
      'the tree to see the note gone',
    );
  });

  it('adds a missing axis’s section to the product’s note and opens it there', async () => {
    const axis = await node('Python Web / Application Frameworks', 'FastAPI', 'Dev experience, documentation, and templates');
    await vscode.commands.executeCommand('competitorScope.addSection', axis);
    const editor = await waitFor(
      () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/research/fastapi.md') && vscode.window.activeTextEditor,
      'fastapi.md to open',
    );
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, '## Dev experience, documentation, and templates');
    assert.ok(editor.document.getText().includes('\nTBD\n'), 'the text around it stays');
    await revertDirtyDocuments();
  });
});
