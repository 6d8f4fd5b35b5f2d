import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { waitFor, workspacePath, workspaceUri } from './helpers';

describe('Build Site…', function () {
  this.timeout(120_000);
  before(async () => (await extensionApi()).ready());
  after(() => rmSync(workspacePath('site'), { recursive: true, force: true }));

  it('asks for a folder (site, beside the scope file), writes the site there, and builds it again there without asking', async () => {
    let built: vscode.Uri | undefined | false = false;
    void vscode.commands.executeCommand<vscode.Uri | undefined>('competitorScope.buildSite').then((uri) => (built = uri));
    // The input box opens with "site" filled in: accept it when it shows.
    const folder = await waitFor(
      async () => {
        if (built === false) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return built;
      },
      'the input box to be accepted and the site written',
      { intervalMs: 200 },
    );
    assert.equal(folder.fsPath, workspacePath('site'));
    const names = readdirSync(folder.fsPath);
    for (const name of ['index.html', 'site.css', 'matrix.js', 'matrix-data.js', 'search.js', 'search-index.js', 'minisearch.js']) {
      assert.ok(names.includes(name), `${name} is written`);
    }
    const index = readFileSync(path.join(folder.fsPath, 'index.html'), 'utf8');
    assert.match(index, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.match(index, /Built \d{4}-\d\d-\d\d \d\d:\d\d UTC in the editor, from the notes as they were there/);
    const django = readFileSync(path.join(folder.fsPath, 'product-python-web-frameworks~django.html'), 'utf8');
    assert.match(django, /<h1>Django<\/h1>/);
    assert.match(django, /<section class="axis" id="axis-[\w-]+"/, 'each axis with its answer from the note');
    assert.match(
      django,
      /Built-in session auth, CSRF protection and password hashing\./,
      'an answer’s text, read from the note as it was analyzed',
    );
    assert.match(readFileSync(path.join(folder.fsPath, 'minisearch.js'), 'utf8'), /MiniSearch/);

    // A site built before is built again in place: no confirmation to answer.
    rmSync(path.join(folder.fsPath, 'matrix.js'));
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('competitorScope.buildSite', undefined, folder);
    assert.equal(again?.fsPath, folder.fsPath);
    assert.ok(existsSync(path.join(folder.fsPath, 'matrix.js')));
  });

  it('writes into a folder that holds other files only when the question is answered yes, and leaves those files alone', async () => {
    const folder = workspaceUri('site');
    rmSync(folder.fsPath, { recursive: true, force: true });
    mkdirSync(folder.fsPath);
    writeFileSync(path.join(folder.fsPath, 'notes.txt'), 'ours');
    const declined = await vscode.commands.executeCommand('competitorScope.buildSite', undefined, folder, { confirmed: false });
    assert.equal(declined, undefined);
    assert.deepEqual(readdirSync(folder.fsPath), ['notes.txt'], 'nothing written when the answer is no');
    const built = await vscode.commands.executeCommand<vscode.Uri>('competitorScope.buildSite', undefined, folder, { confirmed: true });
    assert.equal(built.fsPath, folder.fsPath);
    assert.ok(existsSync(path.join(folder.fsPath, 'index.html')));
    assert.equal(readFileSync(path.join(folder.fsPath, 'notes.txt'), 'utf8'), 'ours');
  });

  it('refuses a folder outside the scope’s folder, and writes nothing there', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'competitor-scope-site-'));
    try {
      for (const folder of [vscode.Uri.file(path.join(outside, 'site')), vscode.Uri.joinPath(workspaceUri(), '..', 'site')]) {
        const built = await vscode.commands.executeCommand('competitorScope.buildSite', undefined, folder);
        assert.equal(built, undefined, folder.toString());
        assert.equal(existsSync(folder.fsPath), false, `nothing is written to ${folder.fsPath}`);
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
