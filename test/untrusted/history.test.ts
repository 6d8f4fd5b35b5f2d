import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { HISTORY_NEEDS_TRUST, MANAGE_TRUST } from '../../src/workspace/historyAccess';
import { extensionApi } from '../integration/api';
import { waitFor } from '../integration/helpers';
import { messagesOf, TOASTS } from '../integration/notifications';
import { clickInWebview, waitForWebview, WORKBENCH_PAGE } from '../integration/webviewProbe';

const kafka = { categoryId: 'queues', productId: 'kafka' };

/** The git commands run so far in this window: git's trace, which the harness turns on. */
function gitCommands(): string[] {
  const log = process.env.GIT_TRACE ?? '';
  assert.ok(log.startsWith('/'), 'GIT_TRACE is not a file: this suite runs in the harness’s untrusted window');
  return existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line.includes('trace: built-in: git'))
    : [];
}

describe('history in an untrusted workspace', function () {
  this.timeout(120_000);

  it('says once that it needs a trusted workspace, from each way in, offers to manage trust, and runs no git', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opens this folder in Restricted Mode');
    const api = await extensionApi();
    await api.ready();
    const team = await waitFor(() => api.scopes().find((s) => s.label.includes('untrusted-history')), 'the repository’s scope');
    await waitFor(() => team.notes.paths().length === 2, 'both notes to be read');

    assert.deepEqual(
      await messagesOf(async () => assert.equal(await vscode.commands.executeCommand('competitorScope.compareMatrix', 'HEAD~1'), false)),
      [HISTORY_NEEDS_TRUST],
      'Compare with…',
    );
    const answer = { ...kafka, axisId: 'delivery-guarantees' };
    assert.deepEqual(
      await messagesOf(() => vscode.commands.executeCommand('competitorScope.answerHistory', answer)),
      [HISTORY_NEEDS_TRUST],
      'History of This Answer',
    );
    await vscode.commands.executeCommand('competitorScope.openBattlecard', kafka);
    assert.deepEqual(
      await messagesOf(async () =>
        assert.equal(await vscode.commands.executeCommand('competitorScope.battlecardChangedSince', kafka, 'HEAD~1'), false),
      ),
      [HISTORY_NEEDS_TRUST],
      'Changed since…',
    );
    assert.deepEqual(gitCommands(), [], 'the git commands run');

    await clickInWebview(WORKBENCH_PAGE, `${TOASTS} .monaco-button:has-text("${MANAGE_TRUST}")`);
    await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'Workspace Trust', 'the workspace trust editor');
    assert.equal(vscode.workspace.isTrusted, false);

    // Once trusted, the same comparison reads the commit, through git (traced: the empty trace above means something).
    const trust = '.workspace-trust-editor .monaco-button:text-is("Trust")';
    await waitForWebview(WORKBENCH_PAGE, trust, (buttons) => buttons.length === 1, 'the trust editor’s Trust button');
    await clickInWebview(WORKBENCH_PAGE, trust);
    await waitFor(() => vscode.workspace.isTrusted, 'the folder to be trusted');
    assert.equal(await vscode.commands.executeCommand('competitorScope.compareMatrix', 'HEAD~1'), true);
    assert.ok(
      gitCommands().some((command) => command.includes('cat-file')),
      `git read the commit's objects: ${gitCommands().join('; ')}`,
    );
  });
});
