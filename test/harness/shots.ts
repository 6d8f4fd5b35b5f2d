// The screenshots in docs/images/, one entry each. Add a shot here; `npm run screenshots` takes them all,
// or only the named ones: `node out/test/harness/screenshots.js tree`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { KAFKA_NOTE, TEAM_SCOPE } from '../integration/teamScope';
import { expandTreeItem, openViewContainer, quickOpen, resizeSideBar, runCommand, settle, treeItem } from './workbenchActions';

export interface Shot {
  /** The file name: docs/images/<name>.png. */
  name: string;
  /** The workbench.colorTheme the shot is taken in, e.g. 'Default Dark Modern', 'Default Light Modern'. */
  theme: string;
  /** Changes the copy of example/ before VS Code starts, e.g. to break the scope file. */
  prepare?(workspace: string): void;
  /** Brings the workbench, freshly opened on a copy of example/, to what the picture shows. */
  arrange(page: Page): Promise<void>;
}

/** The Competitor Scope view with a category and one of its products expanded down to the axes, beside that product's note. */
async function scopeTree(page: Page): Promise<void> {
  await openViewContainer(page, 'Competitor Scope');
  await resizeSideBar(page, 460);
  await expandTreeItem(page, 'Python Web / Application Frameworks');
  await expandTreeItem(page, 'FastAPI');
  await treeItem(page, 'Auth, security, and rate limiting').waitFor();
  await quickOpen(page, 'fastapi.md');
  await settle(page);
}

/** A second team's scope file in platform/, with its note: the workspace then holds two scopes. */
function nestedScope(workspace: string): void {
  mkdirSync(path.join(workspace, 'platform', 'notes'), { recursive: true });
  writeFileSync(path.join(workspace, 'platform', 'competitor-scope.yaml'), TEAM_SCOPE.replace('"**/*.md"', 'notes/*.md'));
  writeFileSync(path.join(workspace, 'platform', 'notes', 'kafka.md'), KAFKA_NOTE);
}

/** The tree with a node per scope: the workspace's and the nested one's, a category of each expanded. */
async function treeScopes(page: Page): Promise<void> {
  await openViewContainer(page, 'Competitor Scope');
  await resizeSideBar(page, 460);
  await expandTreeItem(page, 'Message Queues');
  await expandTreeItem(page, 'Kafka');
  await treeItem(page, 'Operations').waitFor();
  await quickOpen(page, 'kafka.md');
  // The note's lens says that its scope is the current one, as the status bar does.
  await page.locator('.codelens-decoration', { hasText: 'Kafka: 1/2' }).first().waitFor({ timeout: 60_000 });
  await settle(page);
}

/** The tree's editing actions: a product's context menu (Add Axis…, Rename…, Move Up/Down, Delete), the title's Add Category. */
async function treeEditing(page: Page): Promise<void> {
  await openViewContainer(page, 'Competitor Scope');
  await resizeSideBar(page, 460);
  await expandTreeItem(page, 'Python Web / Application Frameworks');
  await treeItem(page, 'FastAPI').click({ button: 'right' });
  await page.locator('.context-view .monaco-menu .action-label', { hasText: 'Rename…' }).waitFor();
  await settle(page, 500);
}

/** The scope file with a product listed twice: the diagnostic in the editor and in the Problems panel. */
function duplicateProduct(workspace: string): void {
  const file = path.join(workspace, 'competitor-scope.yaml');
  const text = readFileSync(file, 'utf8');
  const anchor = '      - name: Flask-based stacks\n';
  if (!text.includes(anchor)) throw new Error(`the example scope file no longer lists ${anchor.trim()}`);
  writeFileSync(file, text.replace(anchor, `      - name: FastAPI\n${anchor}`));
}

async function scopeProblems(page: Page): Promise<void> {
  await quickOpen(page, 'competitor-scope.yaml');
  await runCommand(page, 'View: Toggle Problems');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor();
  await settle(page);
}

/** A note with a missing axis: the quick fixes on its product line, and the Problems panel below. */
async function quickFix(page: Page): Promise<void> {
  await quickOpen(page, 'fastapi.md');
  await runCommand(page, 'View: Toggle Problems');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor();
  await runCommand(page, 'Go to Line/Column...');
  await page.keyboard.type('2:10');
  await page.keyboard.press('Enter');
  await settle(page, 1500);
  await runCommand(page, 'Quick Fix...');
  await page.locator('.action-widget').first().waitFor();
  await settle(page, 500);
}

/** Completion of the axes a note does not answer yet, after '#' on a new line, with the note's CodeLens above. */
async function completion(page: Page): Promise<void> {
  await quickOpen(page, 'fastapi.md');
  await runCommand(page, 'Go to Line/Column...');
  await page.keyboard.type('17:1');
  await page.keyboard.press('Enter');
  await settle(page, 1500);
  await page.keyboard.type('\n#');
  await page.locator('.suggest-widget.visible').waitFor();
  await settle(page, 500);
}

/** The comparison matrix alone in the editor area, the side bar closed so that it shows its columns. */
async function matrix(page: Page): Promise<void> {
  await runCommand(page, 'Competitor Scope: Show Comparison Matrix');
  await runCommand(page, 'View: Close Primary Side Bar');
  // A webview is an iframe holding the page's own iframe.
  await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('table.matrix tr.row').first().waitFor();
  await settle(page);
}

/** The matrix's vs. our product view: each competitor's scored cells against ours, with counts per row. */
async function matrixVsSubject(page: Page): Promise<void> {
  await matrix(page);
  await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('#vs-subject').check();
  await settle(page);
}

/** The matrix's chart view: each category's radar and its coverage against weighted score, in place of the tables. */
async function matrixCharts(page: Page): Promise<void> {
  await matrix(page);
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await frame.locator('#category').selectOption('python-web-frameworks');
  await frame.locator('#chart-view').click();
  await frame.locator('svg.scatter').waitFor();
  await settle(page);
}

/** Replaces `from` with `to` in a file of the workspace; fails when the example no longer holds `from`. */
function rewrite(workspace: string, file: string, from: string, to: string): void {
  const full = path.join(workspace, file);
  const text = readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer holds ${JSON.stringify(from)}`);
  writeFileSync(full, text.replace(from, to));
}

/** A history of two commits (fixed dates): a first review with fewer answers, then the example as it is. */
function twoReviews(workspace: string): void {
  const git = (args: string[], day?: string) =>
    execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', ...args], {
      cwd: workspace,
      env: { ...process.env, ...(day ? { GIT_AUTHOR_DATE: `${day}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${day}T12:00:00+00:00` } : {}) },
    });
  const commit = (day: string, message: string) => {
    git(['add', '-A']);
    git(['commit', '-q', '-m', message], day);
  };
  const django = readFileSync(path.join(workspace, 'research/django.md'), 'utf8');
  const fastapi = readFileSync(path.join(workspace, 'research/fastapi.md'), 'utf8');
  git(['init', '-q', '-b', 'main']);
  rewrite(workspace, 'research/django.md', 'Score: 3\n\n## Testing', 'Score: 2\n\n## Testing');
  rewrite(
    workspace,
    'research/django.md',
    ' views\n([testing overview](https://docs.djangoproject.com/en/stable/topics/testing/overview/))',
    ' views',
  );
  rewrite(workspace, 'research/fastapi.md', 'Score: 2\n', 'TODO: score it\n');
  rewrite(
    workspace,
    'research/fastapi.md',
    'The official full-stack template fills the gap: <https://github.com/fastapi/full-stack-fastapi-template>.\n',
    '',
  );
  commit('2024-01-15', 'Q1 review');
  writeFileSync(path.join(workspace, 'research/django.md'), django);
  writeFileSync(path.join(workspace, 'research/fastapi.md'), fastapi);
  commit('2024-04-15', 'Q2 review');
}

/** The matrix compared with the first review's commit: the cells that changed since, marked, and the toolbar's count. */
async function matrixCompare(page: Page): Promise<void> {
  await matrix(page);
  await runCommand(page, 'Competitor Scope: Compare Matrix with…');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Q1 review' }).click();
  await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('td[data-change]').first().waitFor();
  await settle(page);
}

/** A product row's context menu in the matrix runs Research Brief: the brief opens beside, and the status bar says it was copied. */
async function researchBrief(page: Page): Promise<void> {
  await matrix(page);
  await page
    .frameLocator('iframe.webview.ready')
    .frameLocator('#active-frame')
    .locator('tr[data-row="fastapi"] th.product')
    .click({ button: 'right' });
  await page.locator('.context-view .monaco-menu .action-label', { hasText: 'Research Brief…' }).click();
  await page.locator('.tabs-container .tab[aria-label*="Untitled"]').first().waitFor();
  await page.locator('.statusbar', { hasText: 'Research brief copied to the clipboard' }).waitFor();
  await settle(page);
}

/** Django's battlecard from the palette's pick of competitors, the editor area to itself. */
async function battlecard(page: Page): Promise<void> {
  await runCommand(page, 'View: Close Primary Side Bar');
  await runCommand(page, 'Competitor Scope: Open Battlecard');
  await page.locator('.quick-input-widget input').fill('Django');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Django' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('section.verdict').first().waitFor();
  await settle(page);
}

export const shots: Shot[] = [
  { name: 'tree', theme: 'Default Dark Modern', arrange: scopeTree },
  { name: 'tree-light', theme: 'Default Light Modern', arrange: scopeTree },
  { name: 'tree-scopes', theme: 'Default Dark Modern', prepare: nestedScope, arrange: treeScopes },
  { name: 'tree-editing', theme: 'Default Dark Modern', arrange: treeEditing },
  { name: 'scope-problems', theme: 'Default Dark Modern', prepare: duplicateProduct, arrange: scopeProblems },
  { name: 'quick-fix', theme: 'Default Dark Modern', arrange: quickFix },
  { name: 'completion', theme: 'Default Dark Modern', arrange: completion },
  { name: 'matrix', theme: 'Default Dark Modern', arrange: matrix },
  { name: 'matrix-light', theme: 'Default Light Modern', arrange: matrix },
  { name: 'matrix-vs', theme: 'Default Dark Modern', arrange: matrixVsSubject },
  { name: 'matrix-charts', theme: 'Default Dark Modern', arrange: matrixCharts },
  { name: 'matrix-charts-light', theme: 'Default Light Modern', arrange: matrixCharts },
  { name: 'matrix-compare', theme: 'Default Dark Modern', prepare: twoReviews, arrange: matrixCompare },
  { name: 'battlecard', theme: 'Default Dark Modern', arrange: battlecard },
  { name: 'battlecard-light', theme: 'Default Light Modern', arrange: battlecard },
  { name: 'research-brief', theme: 'Default Dark Modern', arrange: researchBrief },
];
