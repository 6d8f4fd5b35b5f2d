import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BattlecardPanelHandle } from '../../src/features/battlecard/battlecardPanel';
import type { ScopeNode } from '../../src/workspace/scopeNodes';
import { extensionApi } from './api';
import { closeAllEditors, revertDirtyDocuments, waitFor, workspacePath } from './helpers';
import { clickInWebview, waitForWebview, webviewProbeAvailable, type ProbeElement } from './webviewProbe';

const DJANGO = { categoryId: 'python-web-frameworks', productId: 'django' };
const PAGE = 'Battlecard: Django';
const texts = (elements: readonly ProbeElement[]) => elements.map((e) => e.text);

async function battlecards(): Promise<BattlecardPanelHandle> {
  const api: object = await extensionApi();
  assert.ok('battlecards' in api, 'the extension API has no battlecards handle');
  return api.battlecards as BattlecardPanelHandle;
}

function battlecardTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('competitorScope.battlecard'));
}

/** Django's node in the Scope tree, as its context menu passes it to the command. */
async function djangoNode(): Promise<ScopeNode> {
  const api = await extensionApi();
  const categories = (await api.scopeTree.getChildren()) ?? [];
  const web = categories.find((c) => c.kind === 'category' && c.category.id === DJANGO.categoryId);
  const products = (await api.scopeTree.getChildren(web)) ?? [];
  const django = products.find((p) => p.kind === 'product' && p.product.id === 'django');
  assert.ok(django, 'Django is in the tree');
  return django;
}

describe('the battlecard', () => {
  before(closeAllEditors);
  after(async () => {
    await revertDirtyDocuments();
    await closeAllEditors();
  });

  it('opens from a product of the tree, once, and its page asks for the card and gets it', async () => {
    const handle = await battlecards();
    const node = await djangoNode();
    await vscode.commands.executeCommand('competitorScope.openBattlecard', node);
    await vscode.commands.executeCommand('competitorScope.openBattlecard', node);
    const card = await waitFor(() => handle.shown(DJANGO), 'the page to say it is ready', { timeoutMs: 20_000 });
    assert.deepEqual(
      battlecardTabs().map((t) => t.label),
      [PAGE],
    );
    assert.deepEqual(
      card.sections['we-lead'].map((a) => a.name),
      ['Auth, security, and rate limiting'],
    );
    assert.deepEqual(
      card.sections['they-lead'].map((a) => a.name),
      ['Architecture guidance and opinionation'],
    );
  });

  it('shows the card in the webview: title, scores, every verdict with both sides, as text', async function () {
    if (!webviewProbeAvailable()) this.skip();
    await waitForWebview(PAGE, 'h1', (h) => h[0]?.text === 'Django vs. Grid + Throughput Engine', 'the title');
    const headings = await waitForWebview(PAGE, 'section.verdict h2', (h) => h.length === 4, 'four sections');
    assert.deepEqual(texts(headings.elements), ['▲ Where we lead (1)', '▼ Where they lead (1)', '= Parity (0)', '? Unknown (2)']);
    const summary = await waitForWebview(PAGE, '#summary', (s) => s.length === 1, 'the weighted scores');
    assert.equal(
      summary.elements[0].text,
      'Weighted score — Over the 2 of 4 axes both have scored: Grid + Throughput Engine 7/8 (88%), Django 7/8 (88%).',
    );
    const weLead = await waitForWebview(PAGE, 'section.we-lead li .side', (s) => s.length === 2, 'both sides of the axis where we lead');
    assert.deepEqual(texts(weLead.elements), [
      'Grid + Throughput Engine● 4/4 (best)JWT auth in front of every service; rate limits per API key at the gateway.⊘ unsourced',
      'Django◕ 3/4 (strong)Built-in session auth, CSRF protection and password hashing.⊘ unsourced',
    ]);
    const unknown = await waitForWebview(PAGE, 'section.unknown .score', (s) => s.length === 4, 'the unknown axes’ scores');
    assert.deepEqual(texts(unknown.elements), [
      'not scored (missing)',
      '◕ 3/4 (strong)',
      'not scored (missing)',
      'not scored (placeholder)',
    ]);
    // The team's words arrive as text: a quote mark from the note is no markup.
    const theyLead = await waitForWebview(PAGE, 'section.they-lead .theirs .answer', (s) => s.length === 1, 'their answer');
    assert.match(theyLead.elements[0].text, /^Django is "batteries included": one project layout/);
  });

  it('draws the radar of both sides in the webview, a spoke per axis either side has scored', async function () {
    if (!webviewProbeAvailable()) this.skip();
    const card = (await battlecards()).shown(DJANGO);
    assert.ok(card, 'the card is shown');
    const scored = Object.values(card.sections)
      .flat()
      .filter((axis) => axis.ours.score !== null || axis.theirs.score !== null);
    assert.equal(scored.length, 3, 'the example scores three of Django’s axes on either side');
    await waitForWebview(PAGE, 'svg.radar line.grid', (spokes) => spokes.length === scored.length, `${scored.length} spokes`);
    const title = await waitForWebview(PAGE, 'svg.radar title', (t) => t.length === 1, 'the chart’s title');
    assert.equal(title.elements[0].text, 'Python Web / Application Frameworks: Grid + Throughput Engine, Django');
    const table = await waitForWebview(PAGE, '.charts .chart-data tbody tr', (rows) => rows.length === 2, 'its table');
    assert.deepEqual(texts(table.elements), ['● Grid + Throughput Engine34—', '■ Django433']);
  });

  it('follows an edit to the note: a score changed moves its axis to another verdict', async function () {
    const handle = await battlecards();
    // Beside the card, which stays in view: a hidden page is unloaded, and gets the card again when shown.
    const document = await vscode.workspace.openTextDocument(workspacePath('research/django.md'));
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
    const line = editor.document.getText().split('\n').indexOf('Score: 4');
    await editor.edit((b) => b.replace(new vscode.Range(line, 7, line, 8), '2'));
    const card = await waitFor(
      () => handle.shown(DJANGO)?.sections['we-lead'].length === 2 && handle.shown(DJANGO),
      'the card to follow the edit',
    );
    assert.deepEqual(card.sections['they-lead'], []);
    if (webviewProbeAvailable()) {
      const headings = await waitForWebview(
        PAGE,
        'section.verdict h2',
        (h) => h[0]?.text === '▲ Where we lead (2)',
        'the page to follow the edit',
      );
      assert.deepEqual(texts(headings.elements), ['▲ Where we lead (2)', '▼ Where they lead (0)', '= Parity (0)', '? Unknown (2)']);
    }
    await revertDirtyDocuments();
    await waitFor(() => handle.shown(DJANGO)?.sections['they-lead'].length === 1, 'the card to follow the revert');
  });

  it('saves the card as Markdown and HTML inside the workspace, and refuses a file outside it', async () => {
    await battlecards();
    const markdown = vscode.Uri.file(workspacePath('battlecard-django.md'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('competitorScope.exportBattlecard', DJANGO, 'markdown', markdown);
    assert.equal(written?.fsPath, markdown.fsPath);
    const text = readFileSync(markdown.fsPath, 'utf8');
    assert.match(text, /^# Django vs\. Grid \+ Throughput Engine\n/);
    assert.match(
      text,
      /\n## Where we lead \(1\)\n\n- \*\*Auth, security, and rate limiting\*\*: Grid \+ Throughput Engine ● 4\/4 \(best\); Django ◕ 3\/4 \(strong\)\n/,
    );
    const html = vscode.Uri.file(workspacePath('battlecard-django.html'));
    await vscode.commands.executeCommand('competitorScope.exportBattlecard', DJANGO, 'html', html);
    assert.match(readFileSync(html.fsPath, 'utf8'), /^<!DOCTYPE html>[\s\S]*<svg [^>]*class="radar"[\s\S]*<h2>Where they lead \(1\)<\/h2>/);
    const outside = vscode.Uri.file(path.join(os.tmpdir(), `battlecard-outside-${process.pid}.md`));
    assert.equal(await vscode.commands.executeCommand('competitorScope.exportBattlecard', DJANGO, 'markdown', outside), undefined);
    assert.equal(existsSync(outside.fsPath), false);
  });

  it('copies the card as Markdown from the page’s button', async function () {
    if (!webviewProbeAvailable()) this.skip();
    await vscode.env.clipboard.writeText('');
    await clickInWebview(PAGE, '#copy');
    const copied = await waitFor(async () => (await vscode.env.clipboard.readText()) || undefined, 'the clipboard to hold the card');
    assert.match(copied, /^# Django vs\. Grid \+ Throughput Engine\n[\s\S]*## Unknown \(2\)/);
  });

  it('opens the note of a side at its axis from the page', async () => {
    const handle = await battlecards();
    await handle.postFromWebview(DJANGO, { type: 'openAxis', side: 'ours', axisId: 'auth-security-and-rate-limiting' });
    const editor = await waitFor(
      () =>
        vscode.window.activeTextEditor?.document.uri.fsPath === workspacePath('research/grid-throughput-engine.md') &&
        vscode.window.activeTextEditor,
      'our note',
    );
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^## Auth, security/);
  });

  it('ignores messages that are malformed or name nothing in the scope', async () => {
    const handle = await battlecards();
    await closeAllEditors();
    for (const message of [
      { type: 'openAxis', side: 'ours', axisId: 'nope' },
      { type: 'openAxis', side: 'everyone', axisId: 'auth-security-and-rate-limiting' },
      { type: 'openAxis', side: 'theirs', axisId: 42 },
      { type: 'copy', extra: true },
      { type: 'runCommand', command: 'workbench.action.quit' },
    ]) {
      await handle.postFromWebview(DJANGO, message);
    }
    assert.equal(vscode.window.activeTextEditor, undefined);
  });

  it('opens from a matrix row’s context menu, with the ids the row gives it', async () => {
    const handle = await battlecards();
    const fastapi = { categoryId: DJANGO.categoryId, productId: 'fastapi' };
    await vscode.commands.executeCommand('competitorScope.openBattlecard', {
      webviewSection: 'product',
      competitor: true,
      ...fastapi,
      preventDefaultContextMenuItems: true,
    });
    const card = await waitFor(() => handle.shown(fastapi), 'FastAPI’s card', { timeoutMs: 20_000 });
    assert.equal(card.product, 'FastAPI');
    assert.deepEqual(
      card.sections['we-lead'].map((a) => a.name),
      ['Architecture guidance and opinionation'],
    );
  });

  it('opens from the palette with a pick of the competitors', async () => {
    const handle = await battlecards();
    await closeAllEditors();
    const opening = vscode.commands.executeCommand('competitorScope.openBattlecard');
    // The first competitor in scope order is Django; accept the pick once it shows.
    await waitFor(
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return handle.shown(DJANGO);
      },
      'the pick to open Django’s battlecard',
      { timeoutMs: 20_000, intervalMs: 300 },
    );
    await opening;
  });
});
