import * as assert from 'node:assert/strict';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ScopeNode } from '../../src/workspace/scopeNodes';
import { extensionApi } from './api';
import { closeAllEditors, extensionId, revertDirtyDocuments, waitFor, workspacePath } from './helpers';

const scopePath = () => workspacePath('competitor-scope.yaml');

async function children(node?: ScopeNode): Promise<ScopeNode[]> {
  const api = await extensionApi();
  return (await api.scopeTree.getChildren(node)) ?? [];
}

async function item(node: ScopeNode): Promise<vscode.TreeItem> {
  return (await extensionApi()).scopeTree.getTreeItem(node);
}

const label = (i: vscode.TreeItem) => (typeof i.label === 'string' ? i.label : i.label?.label);

/** The scope file's errors (its information diagnostics, on products without notes, stay). */
function scopeDiagnostics(): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(vscode.Uri.file(scopePath())).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

describe('the scope tree', () => {
  const original = readFileSync(scopePath(), 'utf8');
  afterEach(async () => {
    writeFileSync(scopePath(), original);
    await waitFor(
      async () => (await extensionApi()).scope().stale === false && scopeDiagnostics().length === 0,
      'the scope file to be valid again',
    );
  });

  it('shows the scope file’s four categories, their products and axes, with coverage', async () => {
    const categories = await children();
    const labels = await Promise.all(categories.map(async (c) => label(await item(c))));
    assert.deepEqual(labels, [
      'Python Web / Application Frameworks',
      'Simulation / Physics / Digital Twin Tools',
      'Observability, Control Planes, and Dashboards',
      'AI-Assisted Development & Optimization Tools',
    ]);
    const web = await item(categories[0]);
    assert.ok((web.tooltip as vscode.MarkdownString).value.includes('Goal: Compare Grid’s backend framework aspects'));

    const products = await children(categories[0]);
    assert.equal(products.length, 5);
    const django = await item(products[0]);
    assert.equal(label(django), 'Django');
    assert.equal(
      django.description,
      '3/4 · 1 stale · 1 unsourced',
      'Django answers three of its four axes; one answer is stale, one cites nothing',
    );
    assert.deepEqual(django.command?.arguments, [products[0]]);

    const axes = await children(products[0]);
    const statuses = await Promise.all(axes.map(async (a) => (await item(a)).description));
    assert.deepEqual(statuses, ['answered', 'answered · unsourced', 'answered · stale', 'placeholder']);
  });

  it('marks a product without a note, so that its menu offers to create one', async () => {
    const [, simulation] = await children();
    const ansys = await item((await children(simulation))[0]);
    assert.equal(ansys.contextValue, 'product.noNote');
    assert.equal(ansys.description, '0/4 · no note');
  });

  it('reports a YAML syntax error at its line, and keeps showing the last valid scope', async () => {
    writeFileSync(scopePath(), original.replace('title: Competitor Scope for Grid + Throughput Engine', 'title: "unterminated'));
    const [diagnostic] = await waitFor(() => scopeDiagnostics().length > 0 && scopeDiagnostics(), 'a diagnostic on the scope file', {
      timeoutMs: 3000,
    });
    assert.match(diagnostic.message, /YAML syntax error/);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.source, 'competitor-scope');
    const api = await extensionApi();
    assert.equal(api.scope().stale, true);
    assert.equal(api.scope().scope.categories.length, 4, 'the last valid scope is still shown');
    assert.equal((await children()).length, 4);
  });

  for (const [what, edit, message, lineText] of [
    [
      'a duplicate id',
      (t: string) => t.replace('      - name: Abaqus', '      - name: Ansys'),
      /Duplicate product id "ansys"/,
      '      - name: Ansys',
    ],
    [
      'a wrong type',
      (t: string) => t.replace('      - name: Datadog', '      - name: 42'),
      /"categories\[2\]\.products\[1\]\.name" must be a string, not a number \(42\)/,
      '      - name: 42',
    ],
  ] as const) {
    it(`reports ${what} at the offending line`, async () => {
      const broken = edit(original);
      writeFileSync(scopePath(), broken);
      const [diagnostic] = await waitFor(() => scopeDiagnostics().length > 0 && scopeDiagnostics(), 'a diagnostic');
      assert.match(diagnostic.message, message);
      const lines = broken.split('\n');
      assert.equal(lines[diagnostic.range.start.line], lineText);
      assert.equal((await extensionApi()).scope().scope.categories[2].products[1].name, 'Datadog', 'the last valid scope is kept');
    });
  }

  it('reports a notes glob typo at its value, keeps every note, and follows new notes once it is fixed', async () => {
    const missingAxes = (file: string) =>
      vscode.languages
        .getDiagnostics(vscode.Uri.file(workspacePath(file)))
        .filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'missing-axis');
    const before = missingAxes('research/grafana.md').length;
    assert.ok(before > 0);
    writeFileSync(scopePath(), original.replace('notes: research/**/*.md', 'notes: "research/[z-a]*.md"'));
    const [diagnostic] = await waitFor(() => scopeDiagnostics().length > 0 && scopeDiagnostics(), 'a diagnostic on the notes glob', {
      timeoutMs: 3000,
    });
    assert.match(diagnostic.message, /"notes": the notes glob has the range "z-a", which runs backwards/);
    assert.equal(diagnostic.range.start.line, 7);
    assert.equal(missingAxes('research/grafana.md').length, before, 'the notes stay analyzed under the last good glob');
    writeFileSync(scopePath(), original);
    await waitFor(() => scopeDiagnostics().length === 0, 'the glob to be fixed');
    const added = 'research/glob-recovered.md';
    writeFileSync(workspacePath(added), '---\nproduct: grafana\n---\n# Grafana, more\n');
    try {
      await waitFor(() => missingAxes(added).length > 0, 'the watcher to pick up a new note after the fix');
    } finally {
      unlinkSync(workspacePath(added));
    }
  });

  // How fast, against a scope file of the same size, is held by the parser's unit tests (scopeParser.test.ts).
  it('refuses an alias bomb and a 5 MB scope file with a clear diagnostic', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefghij'.split('').map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
    ].join('\n');
    for (const [text, message] of [
      [bomb, /cannot be expanded: Excessive alias count/],
      [original + `# ${'x'.repeat(5 * 1024 * 1024)}\n`, /The scope file is 5\.0 MB, over the 1 MB limit for scope files/],
    ] as const) {
      writeFileSync(scopePath(), text);
      const diagnostics = await waitFor(
        () => scopeDiagnostics().find((d) => message.test(d.message)) && scopeDiagnostics(),
        String(message),
      );
      assert.equal(diagnostics.length, 1);
      assert.equal((await extensionApi()).scope().scope.categories.length, 4);
    }
  });

  it('follows unsaved edits in the scope file’s editor, and clears the diagnostic once fixed', async () => {
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(scopePath()));
    const line = editor.document.getText().split('\n').indexOf('  - id: ai-development-tools');
    await editor.edit((b) => b.replace(new vscode.Range(line, 0, line, 100), '  - id: python-web-frameworks'));
    const [diagnostic] = await waitFor(() => scopeDiagnostics().length > 0 && scopeDiagnostics(), 'a diagnostic for the unsaved edit');
    assert.match(diagnostic.message, /Duplicate category id "python-web-frameworks"/);
    assert.equal(diagnostic.range.start.line, line);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => scopeDiagnostics().length === 0, 'the diagnostic to clear');
    await revertDirtyDocuments();
    await closeAllEditors();
  });

  it('falls back to the built-in scope without a scope file, and Create Scope File writes it for editing', async () => {
    unlinkSync(scopePath());
    const api = await extensionApi();
    await waitFor(() => api.scope().source === 'default', 'the built-in scope');
    assert.equal(api.scope().fileUri, undefined);
    assert.equal((await children()).length, 4, 'the built-in scope has the seed’s four categories');

    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('competitorScope.createScopeFile', undefined, 'builtin');
    assert.equal(editor?.document.uri.fsPath, scopePath());
    assert.equal(
      readFileSync(scopePath(), 'utf8'),
      readFileSync(path.join(vscode.extensions.getExtension(extensionId)!.extensionPath, 'scope', 'competitor-scope.yaml'), 'utf8'),
    );
    await waitFor(() => api.scope().source === 'file', 'the new scope file to be read');
    await closeAllEditors();
  });

  it('refreshes when the scope file changes on disk', async () => {
    writeFileSync(scopePath(), original.replace('name: Grafana', 'name: Grafana Cloud'));
    await waitFor(
      async () => (await extensionApi()).scope().scope.categories[2].products[0].name === 'Grafana Cloud',
      'the renamed product',
    );
    const [, , observability] = await children();
    assert.equal(label(await item((await children(observability))[0])), 'Grafana Cloud');
  });
});
