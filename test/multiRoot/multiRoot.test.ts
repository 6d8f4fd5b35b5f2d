import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ScopeNode } from '../../src/workspace/scopeNodes';
import { extensionApi } from '../integration/api';
import { closeAllEditors, waitFor } from '../integration/helpers';

const missingAxes = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'missing-axis');

/** The window holds two folders: a copy of example/ and "platform", a team's folder with a scope of its own. */
describe('a multi-root workspace', function () {
  this.timeout(60_000);
  const folders = () => vscode.workspace.workspaceFolders ?? [];
  const platformUri = (...parts: string[]) => vscode.Uri.joinPath(folders()[1].uri, ...parts);

  afterEach(closeAllEditors);

  it('gives each folder its own scope, notes and diagnostics, and a node in the tree', async () => {
    const api = await extensionApi();
    assert.equal(folders().length, 2);
    const scopes = api.scopes();
    assert.deepEqual(
      scopes.map((s) => s.label),
      [folders()[0].name, 'platform'],
    );
    assert.deepEqual(
      scopes.map((s) => s.scope.scope.title),
      ['Competitor Scope for Grid + Throughput Engine', 'Platform team'],
    );
    assert.deepEqual(scopes[1].notes.paths(), ['notes/kafka.md']);
    assert.ok(!scopes[0].notes.paths().some((p) => p.includes('kafka')), 'the first folder does not read the second’s notes');

    const missing = await waitFor(
      () => (missingAxes(platformUri('notes', 'kafka.md')).length === 1 ? missingAxes(platformUri('notes', 'kafka.md')) : undefined),
      'the second folder’s note to get its diagnostics',
    );
    assert.match(missing[0].message, /Operations/);
    assert.ok(
      missingAxes(vscode.Uri.joinPath(folders()[0].uri, 'research', 'fastapi.md')).length > 0,
      'the first folder’s notes keep theirs',
    );

    const roots = api.scopeTree.getChildren() as ScopeNode[];
    assert.deepEqual(
      roots.map((node) => node.kind),
      ['root', 'root'],
    );
    assert.deepEqual(await Promise.all(roots.map(async (node) => (await api.scopeTree.getTreeItem(node)).label)), [
      folders()[0].name,
      'platform',
    ]);
    const categories = (await api.scopeTree.getChildren(roots[1])) as ScopeNode[];
    assert.deepEqual(
      categories.map((node) => (node.kind === 'category' ? node.category.name : node.kind)),
      ['Message Queues'],
    );
    const products = (await api.scopeTree.getChildren(categories[0])) as ScopeNode[];
    assert.deepEqual(await Promise.all(products.map(async (node) => (await api.scopeTree.getTreeItem(node)).description)), [
      '1/2 · 1 unsourced',
      '0/2 · no note',
    ]);
  });

  it('acts on the folder of the active note: an Add Product… from the palette goes to that folder’s scope file', async () => {
    const api = await extensionApi();
    await vscode.window.showTextDocument(platformUri('notes', 'kafka.md'));
    await waitFor(() => api.scope().scope.title === 'Platform team', 'the active note’s scope to be the current one');
    const before = readFileSync(vscode.Uri.joinPath(folders()[0].uri, 'competitor-scope.yaml').fsPath, 'utf8');
    assert.equal(
      await vscode.commands.executeCommand(
        'competitorScope.addProduct',
        { kind: 'category', category: { id: 'queues' } },
        { name: 'NATS' },
      ),
      true,
    );
    assert.match(readFileSync(platformUri('competitor-scope.yaml').fsPath, 'utf8'), /- name: NATS/);
    assert.equal(
      readFileSync(vscode.Uri.joinPath(folders()[0].uri, 'competitor-scope.yaml').fsPath, 'utf8'),
      before,
      'the other folder’s scope file is left as it was',
    );
    await waitFor(() => api.scopes()[1].scope.scope.categories[0].products.some((p) => p.id === 'nats'), 'the second scope to have NATS');
  });

  it('shows the current folder’s matrix, and Choose Scope… switches it to the other folder', async () => {
    const api = await extensionApi();
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folders()[0].uri, 'research', 'fastapi.md'));
    await vscode.commands.executeCommand('competitorScope.showMatrix');
    const first = await waitFor(() => api.matrix.model(), 'the matrix of the first folder');
    assert.ok(first.tables.some((t) => t.categoryId === 'python-web-frameworks'));
    const platform = api.scopes()[1].key;
    assert.equal(await vscode.commands.executeCommand('competitorScope.chooseScope', platform), true);
    const switched = await waitFor(
      () => (api.matrix.model()?.tables.some((t) => t.categoryId === 'queues') ? api.matrix.model() : undefined),
      'the matrix to show the other folder’s scope',
    );
    assert.deepEqual(
      switched.tables.map((t) => t.categoryId),
      ['queues'],
    );
    assert.deepEqual(
      switched.tables[0].rows.map((r) => r.name),
      ['Kafka', 'RabbitMQ', 'NATS'],
    );
  });
});
