import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ScopeNode } from '../../src/workspace/scopeNodes';
import { extensionApi } from './api';
import { closeAllEditors, extensionId, revertDirtyDocuments, waitFor, workspacePath } from './helpers';

const scopePath = () => workspacePath('competitor-scope.yaml');
const scopeUri = () => vscode.Uri.file(scopePath());
const MIME = 'application/vnd.code.tree.competitorscope.tree';

async function nodes(parent?: ScopeNode): Promise<ScopeNode[]> {
  return (await (await extensionApi()).scopeTree.getChildren(parent)) ?? [];
}

async function productNames(category: number): Promise<string[]> {
  const categories = await nodes();
  return (await nodes(categories[category])).map((n) => (n.kind === 'product' ? n.product.name : ''));
}

/** The file's text once the store has read it (the edit saves it). */
async function scopeText(): Promise<string> {
  return (await vscode.workspace.openTextDocument(scopeUri())).getText();
}

/** Undo in the scope file's editor, as a user would, and save. */
async function undo(): Promise<string> {
  const editor = await vscode.window.showTextDocument(scopeUri());
  await vscode.commands.executeCommand('undo');
  await editor.document.save();
  return editor.document.getText();
}

describe('editing the scope from the tree', () => {
  // Every file a test may change, as it was: each test leaves them so, on disk and in every open document.
  const originals = new Map(
    [scopePath(), ...['django.md', 'grafana.md'].map((n) => workspacePath('research', n))].map((p) => [p, readFileSync(p, 'utf8')]),
  );
  const original = originals.get(scopePath())!;
  const importedFrom = () => workspacePath('scope.md');
  /** Puts the files back as they were, and waits until every open document, the scope and the notes show them. */
  async function restoreWorkspace(): Promise<void> {
    await revertDirtyDocuments();
    await closeAllEditors();
    if (existsSync(importedFrom())) unlinkSync(importedFrom());
    // Written through VS Code's file service, so that its documents of these files reload at once, not when a watcher fires.
    for (const [file, text] of originals) {
      const behind = vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file && d.getText() !== text);
      if (behind || !existsSync(file) || readFileSync(file, 'utf8') !== text) {
        await vscode.workspace.fs.writeFile(vscode.Uri.file(file), new TextEncoder().encode(text));
      }
    }
    await waitFor(
      () =>
        vscode.workspace.textDocuments.every(
          (d) => !originals.has(d.uri.fsPath) || (!d.isDirty && d.getText() === originals.get(d.uri.fsPath)),
        ),
      'the open documents as the files are',
    );
    const api = await extensionApi();
    await waitFor(
      () =>
        !api.scope().stale &&
        api.scope().scope.categories[0].products[0].name === 'Django' &&
        api.scope().scope.categories[2].products[0].name === 'Grafana',
      'the scope file as it was',
    );
    // The next suites count on the notes being linked again, not only on the scope being back.
    await waitFor(async () => {
      await api.ready();
      return (
        api.notes().notesOf({ categoryId: 'python-web-frameworks', productId: 'django' }).length === 1 &&
        api.notes().productCoverage({ categoryId: 'observability-control-planes', productId: 'grafana' }).notes.length === 1
      );
    }, 'the notes linked again');
  }
  // The suite before may have left a document behind the file on disk.
  before(restoreWorkspace);
  afterEach(restoreWorkspace);

  it('adds a product through Add Product…: one edit of the file, shown in the tree, and one undo restores it', async () => {
    const [web] = await nodes();
    assert.equal(
      await vscode.commands.executeCommand('competitorScope.addProduct', web, { name: 'Litestar', description: 'Typed ASGI.' }),
      true,
    );
    const text = await scopeText();
    assert.ok(text.includes('      - name: Litestar\n        description: Typed ASGI.\n'), text);
    assert.equal(text.replace('      - name: Litestar\n        description: Typed ASGI.\n', ''), original, 'nothing else changed');
    await waitFor(async () => (await productNames(0)).includes('Litestar'), 'the new product in the tree');
    assert.equal(await undo(), original);
  });

  it('adds a category and an axis, and refuses a duplicate id', async () => {
    assert.equal(
      await vscode.commands.executeCommand('competitorScope.addCategory', undefined, {
        name: 'Notebooks',
        goal: 'Compare notebook tools.',
      }),
      true,
    );
    const api = await extensionApi();
    await waitFor(() => api.scope().scope.categories.at(-1)?.name === 'Notebooks', 'the new category');
    const categories = await nodes();
    assert.equal(await vscode.commands.executeCommand('competitorScope.addAxis', categories[4], { name: 'Collaboration' }), true);
    await waitFor(() => api.scope().scope.categories[4].axes[0]?.name === 'Collaboration', 'the new axis');
    assert.equal(
      await vscode.commands.executeCommand('competitorScope.addProduct', categories[0], { name: 'django' }),
      false,
      'Django has that id',
    );
  });

  it('renames a product keeping its id, so that its note stays linked', async () => {
    const [web] = await nodes();
    const [django] = await nodes(web);
    assert.equal(
      await vscode.commands.executeCommand('competitorScope.renameInScope', django, { name: 'Django (core)', changeId: false }),
      true,
    );
    const text = await scopeText();
    assert.ok(text.includes('      - id: django\n        name: Django (core)\n'), text);
    const api = await extensionApi();
    await waitFor(() => api.scope().scope.categories[0].products[0].name === 'Django (core)', 'the renamed product');
    assert.deepEqual(api.notes().notesOf({ categoryId: 'python-web-frameworks', productId: 'django' }), ['research/django.md']);
  });

  it('renames a product with its id through the rename across notes: the note follows, and one undo restores both', async () => {
    const [, , observability] = await nodes();
    const [grafana] = await nodes(observability);
    assert.equal(
      await vscode.commands.executeCommand('competitorScope.renameInScope', grafana, { name: 'Grafana Cloud', changeId: true }),
      true,
    );
    const api = await extensionApi();
    await waitFor(() => api.scope().scope.categories[2].products[0].id === 'grafana-cloud', 'the new id');
    const note = await vscode.workspace.openTextDocument(workspacePath('research', 'grafana.md'));
    await waitFor(() => note.getText().startsWith('---\nproduct: grafana-cloud\n'), 'the note following');
    await waitFor(async () => {
      await api.ready();
      return api.notes().productCoverage({ categoryId: 'observability-control-planes', productId: 'grafana-cloud' }).notes.length === 1;
    }, 'the note linked to grafana-cloud');
    assert.equal(await undo(), original);
    await waitFor(() => note.getText() === originals.get(note.uri.fsPath), 'the note as it was');
    await waitFor(async () => {
      await api.ready();
      return api.notes().productCoverage({ categoryId: 'observability-control-planes', productId: 'grafana' }).notes.length === 1;
    }, 'the note linked to grafana again');
  });

  it('deletes a product from the scope and keeps its note', async () => {
    const [web] = await nodes();
    const [django] = await nodes(web);
    assert.equal(await vscode.commands.executeCommand('competitorScope.deleteFromScope', django, { confirmed: true }), true);
    await waitFor(async () => !(await productNames(0)).includes('Django'), 'Django gone from the tree');
    assert.ok(existsSync(workspacePath('research', 'django.md')), 'the note stays');
    assert.equal(await undo(), original);
  });

  it('moves a product up and down, and an axis down', async () => {
    const [web] = await nodes();
    const fastapi = (await nodes(web))[2];
    assert.equal(await vscode.commands.executeCommand('competitorScope.moveUp', fastapi), true);
    await waitFor(async () => (await productNames(0)).slice(0, 3).join() === 'Django,FastAPI,Django REST Framework', 'FastAPI moved up');
    const moved = (await nodes((await nodes())[0]))[1];
    assert.equal(await vscode.commands.executeCommand('competitorScope.moveDown', moved), true);
    await waitFor(async () => (await scopeText()) === original, 'the order as it was');
    const [django] = await nodes((await nodes())[0]);
    const [firstAxis] = await nodes(django);
    assert.equal(await vscode.commands.executeCommand('competitorScope.moveDown', firstAxis), true);
    const api = await extensionApi();
    await waitFor(() => api.scope().scope.categories[0].axes[1].name === 'Architecture guidance and opinionation', 'the axis moved down');
  });

  it('drops a product onto another category through the controller’s handleDrop; one undo puts it back', async () => {
    const api = await extensionApi();
    const [web, simulation] = await nodes();
    const [django] = await nodes(web);
    const transfer = new vscode.DataTransfer();
    await api.scopeDragAndDrop.handleDrag?.([django], transfer, new vscode.CancellationTokenSource().token);
    await api.scopeDragAndDrop.handleDrop?.(simulation, transfer, new vscode.CancellationTokenSource().token);
    await waitFor(async () => (await productNames(1)).at(-1) === 'Django', 'Django at the end of Simulation');
    assert.ok(!(await productNames(0)).includes('Django'));
    // The note names its category in front matter: it follows Django, in the same edit.
    const note = await vscode.workspace.openTextDocument(workspacePath('research', 'django.md'));
    await waitFor(
      () => note.getText().startsWith('---\nproduct: django\ncategory: simulation-digital-twin\n'),
      'the note’s category following',
    );
    await waitFor(async () => {
      await api.ready();
      return api.notes().notesOf({ categoryId: 'simulation-digital-twin', productId: 'django' }).length === 1;
    }, 'the note linked to Django in Simulation');
    assert.equal(await undo(), original);
    await waitFor(() => note.getText() === originals.get(note.uri.fsPath), 'one undo restoring the note too');

    const ansys = (await nodes((await nodes())[1]))[0];
    const dropOnProduct = new vscode.DataTransfer();
    dropOnProduct.set(MIME, new vscode.DataTransferItem((await nodes((await nodes())[0]))[2]));
    await api.scopeDragAndDrop.handleDrop?.(ansys, dropOnProduct, new vscode.CancellationTokenSource().token);
    await waitFor(async () => (await productNames(1))[0] === 'FastAPI', 'FastAPI before Ansys');
  });

  it('offers to create the scope file from the built-in scope at the first edit where there is none', async () => {
    await vscode.workspace.fs.delete(scopeUri());
    const api = await extensionApi();
    await waitFor(() => api.scope().source === 'default', 'the built-in scope');
    const [web] = await nodes();
    assert.equal(
      await vscode.commands.executeCommand('competitorScope.addProduct', web, { name: 'Litestar', createScopeFile: false }),
      false,
    );
    assert.ok(!existsSync(scopePath()), 'no file without the user’s yes');
    assert.equal(
      await vscode.commands.executeCommand('competitorScope.addProduct', web, { name: 'Litestar', createScopeFile: true }),
      true,
    );
    await waitFor(
      () => api.scope().source === 'file' && api.scope().scope.categories[0].products.at(-1)?.name === 'Litestar',
      'the new scope file with Litestar',
    );
    const builtIn = readFileSync(
      path.join(vscode.extensions.getExtension(extensionId)!.extensionPath, 'scope', 'competitor-scope.yaml'),
      'utf8',
    );
    assert.equal(
      readFileSync(scopePath(), 'utf8').replace('      - name: Litestar\n', ''),
      builtIn,
      'the built-in scope with Litestar added',
    );
  });

  it('refuses to edit while the scope file is invalid, and leaves it as it is', async () => {
    const broken = original.replace('version: 1', 'version: 7');
    writeFileSync(scopePath(), broken);
    const api = await extensionApi();
    await waitFor(() => api.scope().stale, 'the scope file to be invalid');
    const [web] = await nodes();
    assert.equal(await vscode.commands.executeCommand('competitorScope.addProduct', web, { name: 'Litestar' }), false);
    assert.equal(readFileSync(scopePath(), 'utf8'), broken);
  });

  it('creates the scope file from a Markdown scope document: the seed gives the built-in scope', async () => {
    const seed = readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'seed-competitor-scope.md'), 'utf8');
    const docPath = importedFrom();
    writeFileSync(docPath, seed);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(
      'competitorScope.createScopeFromMarkdown',
      vscode.Uri.file(docPath),
      { replace: true },
    );
    assert.equal(editor?.document.uri.fsPath, scopePath());
    const api = await extensionApi();
    await waitFor(() => api.scope().scope.categories[0].id === 'python-web-application-frameworks', 'the imported scope');
    assert.deepEqual(
      api.scope().scope.categories.map((c) => c.products.length),
      [5, 5, 8, 4],
    );
    assert.match(readFileSync(scopePath(), 'utf8'), /^# Competitor Scope for Grid \+ Throughput Engine\n/);
  });
});
