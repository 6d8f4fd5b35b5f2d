import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { localDay } from '../../src/core/dates';
import { STARTER_NOTE_PATH, STARTER_SCOPE, starterNote } from '../../src/core/scope/starterScope';
import { extensionApi } from './api';
import { closeAllEditors, waitFor, workspacePath } from './helpers';

const scopePath = () => workspacePath('competitor-scope.yaml');
const notePath = () => workspacePath(...STARTER_NOTE_PATH.split('/'));

describe('Create Scope File', function () {
  this.timeout(90_000);
  const original = readFileSync(scopePath(), 'utf8');
  let originalTitle: string | undefined;

  before(async () => {
    originalTitle = (await extensionApi()).scope().scope.title;
  });

  afterEach(async () => {
    await closeAllEditors();
    rmSync(notePath(), { force: true });
    writeFileSync(scopePath(), original);
    const api = await extensionApi();
    await waitFor(
      () => api.scope().source === 'file' && api.scope().scope.title === originalTitle,
      'the team’s scope file to be read again',
    );
  });

  it('offers the starter of competitor-scope init first in its quick pick, and writes it with its example note', async () => {
    const api = await extensionApi();
    unlinkSync(scopePath());
    await waitFor(() => api.scope().source === 'default', 'the built-in scope');

    // The real quick pick: its first item is taken once it shows.
    let created: vscode.TextEditor | undefined | false = false;
    void vscode.commands.executeCommand<vscode.TextEditor | undefined>('competitorScope.createScopeFile').then((e) => (created = e));
    const editor = await waitFor(async () => {
      if (created === false) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return created;
    }, 'the quick pick’s first item to be taken');

    assert.equal(editor.document.uri.fsPath, scopePath());
    assert.equal(readFileSync(scopePath(), 'utf8'), STARTER_SCOPE);
    assert.equal(readFileSync(notePath(), 'utf8'), starterNote(localDay()));
    await waitFor(() => api.scope().scope.title === 'Competitor research for Our Product', 'the starter scope to be read');
    assert.equal(api.scope().source, 'file');
    await waitFor(() => api.notes().note(STARTER_NOTE_PATH), 'the example note to be read');
    assert.deepEqual(
      api
        .notes()
        .productCoverage({ categoryId: 'example-category', productId: 'example-competitor' })
        .axes.map((a) => a.status),
      ['answered', 'answered'],
      'the example note answers both axes of the example category',
    );

    // Again: the scope file is opened, not written over.
    writeFileSync(scopePath(), `${STARTER_SCOPE}# our edit\n`);
    await vscode.commands.executeCommand('competitorScope.createScopeFile', undefined, 'starter');
    assert.equal(readFileSync(scopePath(), 'utf8'), `${STARTER_SCOPE}# our edit\n`);
  });

  it('writes nothing where the example note exists already', async () => {
    const api = await extensionApi();
    unlinkSync(scopePath());
    await waitFor(() => api.scope().source === 'default', 'the built-in scope');
    writeFileSync(notePath(), '# Our own note\n');
    const editor = await vscode.commands.executeCommand('competitorScope.createScopeFile', undefined, 'starter');
    assert.equal(editor, undefined);
    assert.equal(existsSync(scopePath()), false, 'no scope file without its example note');
    assert.equal(readFileSync(notePath(), 'utf8'), '# Our own note\n');
  });
});
