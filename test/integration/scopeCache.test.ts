import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseScope } from '../../src/core/scope/scopeParser';
import type { Scope } from '../../src/core/scope/scopeModel';
import { ScopeCache } from '../../src/workspace/scopeCache';
import { ScopeStore } from '../../src/workspace/scopeStore';
import { waitFor, workspacePath } from './helpers';

const SCOPE = readFileSync(workspacePath('competitor-scope.yaml'), 'utf8');

function builtIn(): Scope {
  const parsed = parseScope(SCOPE);
  assert.ok(parsed.ok);
  return parsed.scope;
}

/**
 * The scope file's checked model is kept between activations (ScopeCache, in the extension's global storage): a
 * second activation serves the tree from it without parsing, checks the file again once the notes are read, and
 * never serves an edited file's old model. Each store here is what one activation makes for the folder.
 */
describe('the scope file’s checked model, cached between activations', function () {
  this.timeout(60_000);
  let root: string;
  let folder: vscode.Uri;
  let storage: vscode.Uri;
  const stores: ScopeStore[] = [];
  const writeScope = (text: string) => writeFileSync(path.join(folder.fsPath, 'competitor-scope.yaml'), text);

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'scope-cache-'));
    folder = vscode.Uri.file(path.join(root, 'team'));
    storage = vscode.Uri.file(path.join(root, 'storage'));
    mkdirSync(folder.fsPath);
    writeScope(SCOPE);
  });

  afterEach(() => {
    for (const store of stores.splice(0)) store.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  const entries = () => readdirSync(storage.fsPath).filter((name) => name.endsWith('.json'));
  const activate = async (build = '1.0.0') => {
    const store = await ScopeStore.create(folder, builtIn, undefined, new ScopeCache(storage, build));
    stores.push(store);
    return store;
  };
  const firstActivation = async () => {
    const store = await activate();
    assert.equal(store.current.fromCache, undefined, 'nothing cached yet: parsed');
    await waitFor(() => {
      try {
        return entries().length === 1;
      } catch {
        return false;
      }
    }, 'the checked model to be stored');
    return store;
  };

  it('serves a second activation from the cache, the same scope, and checks it again without a change', async () => {
    const first = await firstActivation();
    const second = await activate();
    assert.equal(second.current.fromCache, true, 'the second activation used the cache');
    assert.equal(JSON.stringify(second.current.scope), JSON.stringify(first.current.scope));
    let changes = 0;
    second.onDidChange(() => changes++);
    second.checkCached();
    assert.equal(second.current.fromCache, undefined, 'checked');
    assert.equal(changes, 0, 'the same scope: no change to tell');
    assert.equal((await activate('1.0.1')).current.fromCache, undefined, 'another build of the extension parses');
  });

  it('never serves an edited scope file’s old model', async () => {
    await firstActivation();
    writeScope(SCOPE.replace(/^title: .*$/m, 'title: Edited title'));
    const edited = await activate();
    assert.equal(edited.current.fromCache, undefined);
    assert.equal(edited.current.scope.title, 'Edited title');
    await waitFor(async () => (await activate()).current.fromCache, 'the edited file’s model to be cached in place of the old');
    assert.equal(entries().length, 1, 'one entry per scope file');
  });

  it('replaces an entry whose model differs from the file’s once it checks, and ignores a corrupt one', async () => {
    const first = await firstActivation();
    const entry = path.join(storage.fsPath, entries()[0]);
    const stored = readFileSync(entry, 'utf8');
    writeFileSync(entry, stored.replace(`"title":"${first.current.scope.title}"`, '"title":"Tampered"'));
    const tampered = await activate();
    assert.equal(tampered.current.scope.title, 'Tampered', 'served from the cache until checked');
    const changed = new Promise<string>((resolve) => tampered.onDidChange((state) => resolve(state.scope.title)));
    tampered.checkCached();
    assert.equal(await changed, first.current.scope.title, 'the check shows the file’s scope');
    await waitFor(() => readFileSync(entry, 'utf8') === stored, 'the entry to be replaced');

    writeFileSync(entry, `${stored.slice(0, 100)}`);
    const corrupt = await activate();
    assert.equal(corrupt.current.fromCache, undefined, 'a corrupt entry is not used');
    assert.equal(corrupt.current.scope.title, first.current.scope.title);
  });
});
