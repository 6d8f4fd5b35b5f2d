import * as assert from 'node:assert/strict';
import { unlinkSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { closeAllEditors, openDocument, revertDirtyDocuments, waitFor, workspacePath, workspaceUri } from './helpers';

const OBSERVABILITY = 'observability-control-planes';
const NOTE = 'research/streamlit.md';
// Lines: 0 ---, 1 product, 2 ---, 4 title, 6 an axis heading at level 3, 10 a heading being typed.
const NOTE_TEXT =
  '---\nproduct: streamlit\n---\n\n# Streamlit\n\n### Dashboard layout and information hierarchy\n\nOne page per plant, tabs per line.\n\n#\n';

const scopeUri = () => vscode.Uri.file(workspacePath('competitor-scope.yaml'));
const noteUri = () => vscode.Uri.file(workspacePath(NOTE));
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n')
    .replace(/\\(.)/g, '$1');

async function completions(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  // Only this extension's items: VS Code's own Markdown support may add word and path completions.
  return list.items.filter((i) => i.sortText?.match(/^\d{3}-\d{5}$/));
}

function lensTitles(lenses: vscode.CodeLens[], line: number): string[] {
  return lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title ?? '');
}

describe('writing assistance in notes and the scope file', () => {
  before(async () => {
    writeFileSync(workspacePath(NOTE), NOTE_TEXT);
    const api = await extensionApi();
    await waitFor(
      () => api.notes().notesOf({ categoryId: OBSERVABILITY, productId: 'streamlit' }).length === 1,
      'the new note in the index',
    );
  });
  after(async () => {
    await closeAllEditors();
    unlinkSync(workspacePath(NOTE));
    const api = await extensionApi();
    await waitFor(
      () => api.notes().notesOf({ categoryId: OBSERVABILITY, productId: 'streamlit' }).length === 0,
      'the note to leave the index',
    );
  });
  afterEach(closeAllEditors);

  it('completes the unanswered axes after #, in scope order, at the level the note uses', async () => {
    await openDocument(NOTE);
    const items = await completions(noteUri(), new vscode.Position(10, 1), '#');
    assert.deepEqual(items.map(labelOf), [
      'Alerting, incident timelines, and runbook integration',
      'Degraded modes and fallback behaviors',
    ]);
    assert.equal(items[0].insertText, '### Alerting, incident timelines, and runbook integration');
    assert.ok(items[0].range instanceof vscode.Range && items[0].range.isEqual(new vscode.Range(10, 0, 10, 1)));
    assert.equal(items[0].detail, 'Observability, Control Planes, and Dashboards');
  });

  it('completes products and categories in front matter, with their names as detail', async () => {
    const editor = await openDocument(NOTE);
    const products = await completions(noteUri(), new vscode.Position(1, 'product: '.length), ' ');
    assert.deepEqual(
      products.slice(0, 3).map((i) => [labelOf(i), i.detail]),
      [
        ['django', 'Django'],
        ['django-rest-framework', 'Django REST Framework'],
        ['fastapi', 'FastAPI'],
      ],
    );
    assert.ok(products.some((i) => labelOf(i) === 'streamlit' && i.detail === 'Streamlit'));
    assert.ok(products[0].range instanceof vscode.Range && products[0].range.isEqual(new vscode.Range(1, 9, 1, 18)), 'replaces the value');

    await editor.edit((b) => b.insert(new vscode.Position(2, 0), 'category:\n'));
    const categories = await completions(noteUri(), new vscode.Position(2, 'category:'.length), ':');
    assert.deepEqual(
      categories.map((i) => [labelOf(i), i.insertText]),
      [
        ['python-web-frameworks', ' python-web-frameworks'],
        ['simulation-digital-twin', ' simulation-digital-twin'],
        [OBSERVABILITY, ` ${OBSERVABILITY}`],
        ['ai-development-tools', ' ai-development-tools'],
      ],
    );
    assert.equal(categories[2].detail, 'Observability, Control Planes, and Dashboards');
    await revertDirtyDocuments();
  });

  it('hovers an axis heading with the axis, the goal and who else answers it, and product: with its coverage', async () => {
    await openDocument(NOTE);
    const onHeading = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', noteUri(), new vscode.Position(6, 8)),
    );
    assert.match(onHeading, /\*\*Dashboard layout and information hierarchy\*\*/);
    assert.match(onHeading, /Observability, Control Planes, and Dashboards: Borrow proven patterns/);
    assert.match(onHeading, /Answered for 1 of the 7 other products: Grafana\./);
    const onProduct = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', noteUri(), new vscode.Position(1, 12)),
    );
    assert.match(onProduct, /\*\*Streamlit \(Observability, Control Planes, and Dashboards\)\*\*/);
    assert.match(onProduct, /When used as control\/monitoring panels\./);
    assert.match(onProduct, /1\/3 axes answered\./);
  });

  it('shows the product and its coverage at the top of the note, with the matrix, the tree, its brief and its battlecard a click away', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', noteUri(), 10);
    assert.deepEqual(lensTitles(lenses, 0), [
      'Streamlit: 1/3 axes answered',
      'Show in Matrix',
      'Reveal in Scope Tree',
      'Research Brief',
      'Open Battlecard',
    ]);
    // The lens names the scope of the note, so that its commands act there where the window has several.
    const ref = { root: workspaceRoot(), categoryId: OBSERVABILITY, productId: 'streamlit' };
    assert.deepEqual(lenses.map((l) => [l.command?.command, l.command?.arguments]).slice(1), [
      ['competitorScope.showMatrix', [ref]],
      ['competitorScope.revealInTree', [ref]],
      ['competitorScope.researchBrief', [ref]],
      ['competitorScope.openBattlecard', [ref]],
    ]);
  });

  it('goes from product: and from an axis heading to their entries in the scope file', async () => {
    const [product] = await vscode.commands.executeCommand<vscode.LocationLink[]>(
      'vscode.executeDefinitionProvider',
      noteUri(),
      new vscode.Position(1, 12),
    );
    assert.equal(product.targetUri.toString(), scopeUri().toString());
    assert.equal(product.targetRange.start.line, 71, 'the line of "- name: Streamlit"');
    assert.ok(product.originSelectionRange?.isEqual(new vscode.Range(1, 9, 1, 18)));
    const [axis] = await vscode.commands.executeCommand<vscode.LocationLink[]>(
      'vscode.executeDefinitionProvider',
      noteUri(),
      new vscode.Position(6, 10),
    );
    assert.equal(axis.targetRange.start.line, 77, 'the line of "- name: Dashboard layout and information hierarchy"');
  });

  it('reveals and selects the active note’s product in the tree', async () => {
    const api = await extensionApi();
    const selected = (productId: string) => api.treeSelection().some((n) => n.kind === 'product' && n.product.id === productId);
    // At once, while the view first renders: the tree waits for the view to settle before it follows.
    await vscode.commands.executeCommand('competitorScope.tree.focus');
    await openDocument(NOTE);
    await waitFor(() => selected('streamlit'), 'Streamlit selected in the tree');
    await openDocument('research/django.md');
    await waitFor(() => selected('django'), 'Django selected in the tree');
  });

  it('leaves the tree alone when competitorScope.tree.autoReveal is off', async () => {
    const api = await extensionApi();
    const settings = vscode.workspace.getConfiguration('competitorScope');
    await settings.update('tree.autoReveal', false, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('competitorScope.tree.focus');
      const grafana = workspaceUri('research/grafana.md').toString();
      const decided = new Promise<void>((resolve) => {
        const listener = api.onDidFollowEditor((uri) => uri.toString() === grafana && (listener.dispose(), resolve()));
      });
      await openDocument('research/grafana.md');
      await decided;
      assert.ok(!api.treeSelection().some((n) => n.kind === 'product' && n.product.id === 'grafana'));
    } finally {
      await settings.update('tree.autoReveal', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('"Go to Product…" lists every product in scope order and opens the chosen one’s note', async () => {
    let chosen = false;
    const done = Promise.resolve(vscode.commands.executeCommand('competitorScope.goToProduct')).then(() => (chosen = true));
    // Accepts the first item once the quick pick is there: until then accepting does nothing.
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return chosen;
    }, 'the product to be chosen');
    await done;
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, workspacePath('research/django.md'), 'the first product, Django');
  });

  it('puts coverage and "Open Note" or "Create Note" over each product in the scope file', async () => {
    const api = await extensionApi();
    const answered = (productId: string, categoryId = OBSERVABILITY) => {
      const coverage = api.notes().productCoverage({ categoryId, productId });
      return `${coverage.axes.filter((a) => a.status === 'answered').length}/${coverage.axes.length} axes answered`;
    };
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', scopeUri(), 100);
    assert.deepEqual(lensTitles(lenses, 16), [answered('django', 'python-web-frameworks'), 'Open Note'], 'Django');
    assert.deepEqual(lensTitles(lenses, 71), ['1/3 axes answered', 'Open Note'], 'Streamlit, with the note of this suite');
    const metabase = api.notes().notesOf({ categoryId: OBSERVABILITY, productId: 'metabase' }).length > 0 ? 'Open Note' : 'Create Note';
    assert.deepEqual(lensTitles(lenses, 69), [answered('metabase'), metabase], 'Metabase');
    assert.deepEqual(lenses.find((l) => l.range.start.line === 69 && l.command?.title === metabase)?.command?.arguments, [
      { root: workspaceRoot(), categoryId: OBSERVABILITY, productId: 'metabase' },
    ]);
  });

  it('flags the products without a note on the scope file, as information', async () => {
    const api = await extensionApi();
    const withoutNotes = api
      .scope()
      .scope.categories.flatMap((c) =>
        c.products.filter((p) => api.notes().notesOf({ categoryId: c.id, productId: p.id }).length === 0).map((p) => ({ c, p })),
      );
    const noNote = () =>
      vscode.languages.getDiagnostics(scopeUri()).filter((d) => typeof d.code === 'object' && d.code.value === 'no-note');
    await waitFor(() => noNote().length === withoutNotes.length, `${withoutNotes.length} no-note diagnostics`);
    const [{ c, p }] = withoutNotes;
    const first = noNote().find((d) => d.range.start.line === p.range.start.line);
    assert.equal(first?.message, `${p.name} (${c.name}) has no research note yet.`);
    assert.equal(first?.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(!noNote().some((d) => d.range.start.line === 71), 'none on Streamlit, which has a note');
  });

  it('renames a product in the scope file and the notes that name it, as one edit', async () => {
    const position = new vscode.Position(71, 16);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      scopeUri(),
      position,
      'Streamlit Apps',
    );
    const entries = new Map(edit.entries().map(([uri, edits]) => [uri.toString(), edits]));
    assert.deepEqual(
      entries.get(scopeUri().toString())?.map((e) => [e.range.start.line, e.range.start.character, e.newText]),
      [[71, 14, 'Streamlit Apps']],
    );
    // The note said "streamlit", the id from the old name: it gets the new id.
    assert.deepEqual(
      entries.get(noteUri().toString())?.map((e) => [e.range.start.line, e.range.start.character, e.newText]),
      [[1, 9, 'streamlit-apps']],
    );
    assert.equal(entries.size, 2);
  });

  it('renames an axis in the scope file and the headings that use its name, in every note', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      scopeUri(),
      new vscode.Position(77, 20),
      'Dashboard layout',
    );
    const entries = new Map(
      edit.entries().map(([uri, edits]) => [vscode.workspace.asRelativePath(uri), edits.map((e) => [e.range.start.line, e.newText])]),
    );
    assert.deepEqual(entries.get('competitor-scope.yaml'), [[77, 'Dashboard layout']]);
    assert.deepEqual(entries.get('research/grafana.md'), [[4, 'Dashboard layout']]);
    assert.deepEqual(entries.get(NOTE), [[6, 'Dashboard layout']]);
    assert.ok([...entries.values()].flat().every(([, text]) => text === 'Dashboard layout'));
  });

  it('refuses to rename what is not a product’s or an axis’s id or name', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', scopeUri(), new vscode.Position(5, 3), 'x')),
    );
  });
});

/** The key of the workspace folder's scope: its URI. */
function workspaceRoot(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.toString();
}
