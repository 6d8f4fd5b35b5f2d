import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ScopeNode } from '../../src/workspace/scopeNodes';
import { extensionApi } from './api';
import { closeAllEditors, waitFor, workspaceFolder, workspacePath, workspaceUri } from './helpers';
import { KAFKA_NOTE, TEAM_SCOPE } from './teamScope';

const missingAxes = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'missing-axis');

describe('a scope file in a subfolder', function () {
  this.timeout(90_000);

  afterEach(closeAllEditors);

  it('makes a scope file in a subfolder a scope of its own: its notes leave the outer scope and follow the nearest scope file', async () => {
    const api = await extensionApi();
    const note = workspaceUri('research', 'kafka.md');
    const teamScope = workspaceUri('research', 'competitor-scope.yaml');
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(KAFKA_NOTE));
    try {
      // Without a scope file of its own, research/ is the outer scope's, which has no product named Kafka.
      await waitFor(() => api.notes().note('research/kafka.md'), 'the outer scope to read the note');

      await vscode.workspace.fs.writeFile(teamScope, new TextEncoder().encode(TEAM_SCOPE));
      const scopes = await waitFor(() => (api.scopes().length === 2 ? api.scopes() : undefined), 'the nested scope file to become a scope');
      assert.deepEqual(
        scopes.map((s) => s.label),
        [workspaceFolder().name, `${workspaceFolder().name}/research`],
      );
      const [outer, nested] = scopes;
      await waitFor(() => nested.notes.note('kafka.md'), 'the nested scope to read its note');
      await waitFor(() => outer.notes.paths().length === 0, 'the outer scope to leave research/ to the nested one');
      assert.deepEqual(
        nested.notes.productCoverage({ categoryId: 'queues', productId: 'kafka' }).axes.map((a) => [a.axisId, a.status]),
        [
          ['delivery-guarantees', 'answered'],
          ['operations', 'missing'],
        ],
      );
      const missing = await waitFor(
        () => (missingAxes(note).length === 1 ? missingAxes(note) : undefined),
        'the nested scope’s missing-axis diagnostic',
      );
      assert.match(missing[0].message, /Operations/);

      // The tree shows a node per scope, each with its own categories.
      const roots = api.scopeTree.getChildren() as ScopeNode[];
      assert.deepEqual(
        roots.map((node) => node.kind),
        ['root', 'root'],
      );
      assert.equal((await api.scopeTree.getTreeItem(roots[1])).label, `${workspaceFolder().name}/research`);
      const categories = (await api.scopeTree.getChildren(roots[1])) as ScopeNode[];
      assert.deepEqual(
        categories.map((node) => (node.kind === 'category' ? node.category.name : node.kind)),
        ['Message Queues'],
      );

      // A note of the nested scope makes it the current one: the commands act there.
      await vscode.window.showTextDocument(note);
      await waitFor(() => api.scope().scope.title === 'Platform team', 'the active note’s scope to be the current one');
      assert.equal(
        await vscode.commands.executeCommand(
          'competitorScope.addProduct',
          { kind: 'category', category: { id: 'queues' } },
          { name: 'NATS' },
        ),
        true,
      );
      assert.match(readFileSync(teamScope.fsPath, 'utf8'), /- name: NATS/);
      assert.doesNotMatch(readFileSync(workspacePath('competitor-scope.yaml'), 'utf8'), /NATS/, 'the outer scope file is left as it was');
    } finally {
      await closeAllEditors();
      rmSync(teamScope.fsPath, { force: true });
      rmSync(note.fsPath, { force: true });
      await waitFor(() => api.scopes().length === 1, 'the nested scope to go with its file');
    }
    await waitFor(
      () => api.notes().note('research/fastapi.md') && !api.notes().note('research/kafka.md'),
      'research/ to be the outer scope’s again',
    );
  });

  it('makes a note opened before its scope file came the current scope once the file is found, also while the matrix has the focus', async () => {
    const api = await extensionApi();
    const note = workspaceUri('research', 'kafka.md');
    const teamScope = workspaceUri('research', 'competitor-scope.yaml');
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(KAFKA_NOTE));
    try {
      await vscode.window.showTextDocument(note);
      await vscode.workspace.fs.writeFile(teamScope, new TextEncoder().encode(TEAM_SCOPE));
      await waitFor(() => api.scopes().length === 2, 'the nested scope file to become a scope');
      // No editor changed when the scope was found; the matrix takes the focus from the note.
      await vscode.commands.executeCommand('competitorScope.showMatrix');
      await waitFor(() => api.matrix.model()?.tables[0]?.categoryId === 'queues', 'the matrix of the note’s scope');
    } finally {
      await closeAllEditors();
      rmSync(teamScope.fsPath, { force: true });
      rmSync(note.fsPath, { force: true });
      await waitFor(() => api.scopes().length === 1, 'the nested scope to go with its file');
    }
  });
});
