import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnswerHistoryItem } from '../../src/features/answerHistory';
import { extensionApi } from './api';
import type { MatrixPanelHandle } from '../../src/features/matrix/matrixPanel';
import { closeAllEditors, waitFor, workspacePath } from './helpers';
import { TEAM_SCOPE } from './teamScope';
import { pickFromContextMenu, pressInWebview, waitForWebview } from './webviewProbe';
import { withWorkspaceRepository } from './workspaceRepository';

const kafka = (delivery: string, operations: string) =>
  `---\nproduct: Kafka\n---\n# Kafka\n\n## Delivery guarantees\n\n${delivery}\n\n## Operations\n\n${operations}\n`;

/** Three commits (fixed dates): Kafka's delivery answer given, then reworded; its operations answered in the third. */
function historyRepository(folder: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: folder });
  const commit = (day: string, message: string, note: string) => {
    writeFileSync(path.join(folder, 'kafka.md'), note);
    git('add', '-A');
    execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', message], {
      cwd: folder,
      env: { ...process.env, GIT_AUTHOR_DATE: `${day}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${day}T12:00:00+00:00` },
    });
  };
  mkdirSync(folder, { recursive: true });
  git('init', '-q', '-b', 'main');
  writeFileSync(path.join(folder, 'competitor-scope.yaml'), TEAM_SCOPE);
  commit('2021-03-01', 'Kafka: delivery', kafka('At least once by default.', 'TODO'));
  commit('2021-06-01', 'Kafka: transactions', kafka('At least once by default; exactly once within a transaction.', 'TODO'));
  commit('2021-09-01', 'Kafka: KRaft', kafka('At least once by default; exactly once within a transaction.', 'KRaft since 3.3.'));
}

/** Accepts the history's first pick (its newest change) until its diff opens, read from git's objects. */
async function openNewestChange(): Promise<vscode.TabInputTextDiff> {
  const diff = await waitFor(
    async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff && input;
    },
    'the pick to open the diff of the newest change',
    { timeoutMs: 30_000, intervalMs: 300 },
  );
  assert.equal(diff.modified.scheme, 'competitor-scope-git');
  return diff;
}

/** The note at the commit of the history's newest change, as its diff shows it. */
async function noteAtNewestChange(): Promise<string> {
  return (await vscode.workspace.openTextDocument((await openNewestChange()).modified)).getText();
}

describe('the history of an answer', function () {
  this.timeout(120_000);
  const folder = workspacePath('answered');
  const note = () => vscode.Uri.file(path.join(folder, 'kafka.md'));

  withWorkspaceRepository('answered', historyRepository, { readsWebview: false });

  it('lists, from the heading’s hover, the commits where that answer changed, newest first, and opens one’s diff', async () => {
    const api = await extensionApi();
    const team = await waitFor(() => api.scopes().find((s) => s.label.includes('answered')), 'the repository’s scope');
    await waitFor(() => team.notes.paths().length === 1, 'the note to be read');
    await vscode.window.showTextDocument(note());
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', note(), new vscode.Position(5, 5));
    const link = hovers
      .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
      .map((text) => /^\[History of this answer\]\(command:competitorScope\.answerHistory\?(.*)\)$/.exec(text)?.[1])
      .find((argument) => argument !== undefined);
    assert.ok(link, 'the heading’s hover links to the answer’s history');
    const argument = JSON.parse(decodeURIComponent(link)) as unknown[];

    const listing = vscode.commands.executeCommand<readonly AnswerHistoryItem[]>('competitorScope.answerHistory', ...argument);
    // The newest is picked first: its diff opens, the note at the commit before it on the left.
    const diff = await openNewestChange();
    const items = await listing;
    assert.deepEqual(
      items.map((item) => [item.label, item.description?.replace(/ · [0-9a-f]{7}$/, ''), item.detail?.split(':')[0]]),
      [
        ['Kafka: transactions', '2021-06-01 · Ada', 'text'],
        ['Kafka: delivery', '2021-03-01 · Ada', 'answered'],
      ],
    );
    const before = await vscode.workspace.openTextDocument(diff.original);
    const after = await vscode.workspace.openTextDocument(diff.modified);
    assert.match(before.getText(), /^At least once by default\.$/m);
    assert.match(after.getText(), /exactly once within a transaction\.\n\n## Operations\n\nTODO/);
  });
});

describe('the history of an answer, from its cell in the matrix', function () {
  this.timeout(120_000);
  const PAGE = 'Comparison Matrix';
  const kafkaCell = (axis: string) => `section[data-category="queues"] tr[data-row="kafka"] td[data-column="${axis}"]`;

  withWorkspaceRepository('answered-matrix', historyRepository, { readsWebview: true });

  it('opens from the cell’s context menu and from H on the focused cell, each listing that cell’s answer', async () => {
    const api = await extensionApi();
    const team = await waitFor(() => api.scopes().find((s) => s.label.includes('answered-matrix')), 'the repository’s scope');
    await waitFor(() => team.notes.paths().length === 1, 'the note to be read');
    await vscode.commands.executeCommand('competitorScope.chooseScope', team.key);
    await vscode.commands.executeCommand('competitorScope.showMatrix');
    await waitFor(() => (api.matrix as MatrixPanelHandle).model()?.title === 'Platform team', 'the team’s matrix');
    await waitForWebview(PAGE, kafkaCell('delivery-guarantees'), (cells) => cells.length === 1, 'Kafka’s delivery cell');

    // The delivery answer last changed in the second commit: its diff shows the note there, before KRaft.
    await pickFromContextMenu(PAGE, kafkaCell('delivery-guarantees'), 'History of This Answer');
    assert.match(await noteAtNewestChange(), /exactly once within a transaction\.\n\n## Operations\n\nTODO/);

    await closeAllEditors();
    await vscode.commands.executeCommand('competitorScope.showMatrix');
    await waitForWebview(PAGE, kafkaCell('operations'), (cells) => cells.length === 1, 'Kafka’s operations cell');
    // The operations answer changed last in the third commit.
    await pressInWebview(PAGE, kafkaCell('operations'), 'h');
    assert.match(await noteAtNewestChange(), /## Operations\n\nKRaft since 3\.3\./);
  });
});
