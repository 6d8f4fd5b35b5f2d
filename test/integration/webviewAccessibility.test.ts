import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { closeAllEditors, waitFor } from './helpers';
import { withWorkspaceRepository } from './workspaceRepository';
import { auditWebview, clickInWebview, waitForWebview, webviewProbeAvailable } from './webviewProbe';

/** VS Code's built-in themes, by their setting's value: light, dark and high contrast, the current and the classic ones. */
const THEMES = [
  'Default Light Modern',
  'Default Light+',
  'Default Dark Modern',
  'Default Dark+',
  'Default High Contrast',
  'Default High Contrast Light',
];

const SCOPE = `version: 1
title: Every mark
subject: Ours
notes: "**/*.md"
freshness: 180
scoring:
  scale: 4
  labels: [absent, weak, partial, strong, best]
categories:
  - id: queues
    name: Message Queues
    goal: Every mark the pages draw, on screen at once.
    products:
      - name: Kafka
      - name: RabbitMQ
      - name: NATS
    axes:
      - name: Delivery
        weight: 2
      - name: Operations
      - name: Security
      - name: Pricing
      - name: Support
`;

const answer = (axis: string, text: string, score?: number) =>
  `## ${axis}\n\n${text}\n${score === undefined ? '' : `\nScore: ${score}\n`}\n`;
const sourced = (product: string, axis: string, text: string, score: number) =>
  answer(axis, `${text}, per https://example.com/${product}/${axis.toLowerCase()}.`, score);

const OURS = `---\nproduct: Ours\n---\n\n${['Delivery', 'Operations', 'Security', 'Pricing', 'Support']
  .map((axis, i) => sourced('ours', axis, `Ours on ${axis}`, i < 3 ? 3 : 2))
  .join('')}`;

// Kafka's security answer is stale and unsourced, and the same at both commits; its support section is empty.
const kafka = (delivery: string, operations: string, pricing: string) =>
  `---\nproduct: Kafka\n---\n\n${delivery}${operations}${answer('Security', 'SASL and ACLs.\n\nAs of 2020-01', 1)}${pricing}## Support\n`;

/**
 * Every mark the matrix and the battlecard draw: answered (scored, sourced, stale, unsourced), placeholder, empty
 * and missing cells; we lead, parity, they lead and unknown; and, since the first commit, an answer changed, one
 * answered and one unanswered.
 */
function everyMarkRepository(folder: string): void {
  // Committed now: the answers without an As of line are dated by git, and fresh.
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', ...args], { cwd: folder });
  mkdirSync(folder, { recursive: true });
  git('init', '-q', '-b', 'main');
  writeFileSync(path.join(folder, 'competitor-scope.yaml'), SCOPE);
  writeFileSync(path.join(folder, 'ours.md'), OURS);
  writeFileSync(path.join(folder, 'rabbitmq.md'), `---\nproduct: RabbitMQ\n---\n\n${sourced('rabbitmq', 'Delivery', 'Confirms', 3)}`);
  const first = kafka(
    sourced('kafka', 'Delivery', 'At least once', 2),
    answer('Operations', 'TODO'),
    sourced('kafka', 'Pricing', 'Free', 2),
  );
  writeFileSync(path.join(folder, 'kafka.md'), first);
  git('add', '-A');
  git('commit', '-q', '-m', 'First answers');
  const second = kafka(
    sourced('kafka', 'Delivery', 'Exactly once in a transaction', 4),
    sourced('kafka', 'Operations', 'KRaft since 3.3', 3),
    answer('Pricing', 'TODO'),
  );
  writeFileSync(path.join(folder, 'kafka.md'), second);
  git('commit', '-q', '-am', 'Kafka: transactions, KRaft');
}

/** Switches VS Code's colour theme and audits the page titled `title` once it is drawn in it. */
async function auditInEveryTheme(title: string): Promise<void> {
  const failures: string[] = [];
  for (const theme of THEMES) {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
    await waitForWebview(title, `body[data-vscode-theme-id="${theme}"]`, (body) => body.length === 1, `the page in ${theme}`);
    failures.push(...(await auditWebview(title)).map((violation) => `${theme}: ${violation}`));
  }
  assert.deepEqual(failures, [], `${title}: axe-core's violations`);
}

describe('the webviews’ accessibility in the light, dark and high-contrast themes', function () {
  this.timeout(180_000);
  withWorkspaceRepository('every-mark', everyMarkRepository, { readsWebview: true });
  before(() => vscode.commands.executeCommand('workbench.action.closeSidebar'));
  after(async () => {
    if (!webviewProbeAvailable()) return;
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('competitorScope.stopComparing');
    await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
    await closeAllEditors();
  });

  async function everyMarkScope() {
    const api = await extensionApi();
    const team = await waitFor(() => api.scopes().find((s) => s.label.includes('every-mark')), 'the repository’s scope');
    await waitFor(() => team.notes.paths().length === 3, 'the three notes to be read');
    return team.key;
  }

  it('the matrix, compared with a commit and against our product, passes axe-core in each theme', async () => {
    const page = 'Comparison Matrix';
    await vscode.commands.executeCommand('competitorScope.chooseScope', await everyMarkScope());
    await vscode.commands.executeCommand('competitorScope.showMatrix');
    await waitForWebview(page, 'tr[data-row="nats"] td.cell.missing', (cells) => cells.length === 5, 'the matrix');
    assert.equal(await vscode.commands.executeCommand('competitorScope.compareMatrix', 'HEAD~1'), true);
    await waitForWebview(page, 'td[data-change]', (cells) => cells.length === 3, 'the three changed cells');
    await clickInWebview(page, '#vs-subject');
    await waitForWebview(page, 'tr[data-row="kafka"] .vs-mark', (marks) => marks.length === 3, 'we lead, parity and they lead');
    await waitForWebview(page, '.mark.stale', (marks) => marks.length === 1, 'the stale mark');
    await auditInEveryTheme(page);
  });

  it('the battlecard, changed since a commit, passes axe-core in each theme', async () => {
    const page = 'Battlecard: Kafka';
    const kafka = { root: await everyMarkScope(), categoryId: 'queues', productId: 'kafka' };
    await closeAllEditors();
    await vscode.commands.executeCommand('competitorScope.openBattlecard', kafka);
    await waitForWebview(page, 'section.verdict li', (axes) => axes.length === 5, 'the card');
    assert.equal(await vscode.commands.executeCommand('competitorScope.battlecardChangedSince', kafka, 'HEAD~1'), true);
    await waitForWebview(page, '.theirs[data-change]', (sides) => sides.length === 3, 'the three changed answers');
    await waitForWebview(page, '.mark.stale', (marks) => marks.length === 1, 'the stale mark');
    await auditInEveryTheme(page);
  });
});
