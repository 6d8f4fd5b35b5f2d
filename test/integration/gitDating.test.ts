import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { localDay } from '../../src/core/dates';
import { extensionApi } from './api';
import { closeAllEditors, revertDirtyDocuments, waitFor, workspacePath } from './helpers';
import { TEAM_SCOPE } from './teamScope';

const NOTE = `---
product: Kafka
---
# Kafka

## Delivery guarantees

At least once by default; exactly once within a transaction.

## Operations

KRaft since 3.3: no ZooKeeper to run.
`;

/** A git repository at `folder` whose one commit (2020-01-02) holds the note, and then a filter driver that appends to `marker`. */
function repositoryWithFilter(folder: string, marker: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
      cwd: folder,
      env: { ...process.env, GIT_AUTHOR_DATE: '2020-01-02T12:00:00+00:00', GIT_COMMITTER_DATE: '2020-01-02T12:00:00+00:00' },
    });
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'kafka.md'), NOTE);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'Kafka');
  git('config', 'filter.x.clean', `id >> '${marker}'; cat`);
  writeFileSync(path.join(folder, '.gitattributes'), '*.md filter=x\n');
  writeFileSync(path.join(folder, '.git', 'info', 'attributes'), '*.md filter=x\n');
  // Its stat no longer what the index holds: git would clean it again to compare it.
  const later = new Date(Date.now() + 60_000);
  utimesSync(path.join(folder, 'kafka.md'), later, later);
}

describe('git dates in a trusted workspace', function () {
  this.timeout(90_000);

  afterEach(async () => {
    await revertDirtyDocuments();
    await closeAllEditors();
  });

  it('dates every note and the note being edited from git objects only: a filter driver the repository names never runs', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    const api = await extensionApi();
    const folder = workspacePath('dated');
    const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'competitor-scope-filter-')), 'filter-ran');
    const noFilterRan = (when: string) =>
      assert.equal(existsSync(marker), false, `the filter ran ${when}: ${existsSync(marker) ? readFileSync(marker, 'utf8') : ''}`);
    repositoryWithFilter(folder, marker);
    try {
      writeFileSync(path.join(folder, 'competitor-scope.yaml'), TEAM_SCOPE);
      const nested = await waitFor(() => api.scopes()[1], 'the repository’s scope file to become a scope');
      const dates = () => nested.notes.productCoverage({ categoryId: 'queues', productId: 'kafka' }).axes.map((a) => a.evidence?.asOf);
      await waitFor(() => dates().join() === '2020-01-02,2020-01-02', 'every note to be dated from git');
      noFilterRan('dating every note');

      // An edit in Delivery guarantees, not saved: the note is dated again with the editor's text. Dated with
      // the file's lines instead, Operations would be today's, its last line being past them.
      const editor = await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, 'kafka.md')));
      await editor.edit((edit) => edit.insert(new vscode.Position(8, 0), 'Idempotent producers by default since 3.0.\n'));
      await waitFor(() => dates().join() === `${localDay()},2020-01-02`, 'the edited note to be dated with its unsaved line');
      noFilterRan('dating the note being edited');
    } finally {
      await revertDirtyDocuments();
      await closeAllEditors();
      rmSync(path.join(folder, 'competitor-scope.yaml'), { force: true });
      await waitFor(() => api.scopes().length === 1, 'the repository’s scope to go with its scope file');
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
