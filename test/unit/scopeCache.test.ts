import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { cachedScopeFile, MAX_SCOPE_CACHE_BYTES, SCOPE_CACHE_FORMAT, scopeCacheText } from '../../src/core/scope/scopeCache';
import { parseScope, parseScopeDocument, parseScopeFile, scopeFromFile } from '../../src/core/scope/scopeParser';

/**
 * The editor keeps a scope file's checked model between activations (core/scope/scopeCache.ts): the scope made from
 * it must be the one parsing gives, and an entry for another text, build or format, or of another shape, is ignored.
 */
const root = path.join(__dirname, '..', '..', '..');
const example = readFileSync(path.join(root, 'example', 'competitor-scope.yaml'), 'utf8');
const BUILD = '1.2.3';
const HASH = 'ab'.repeat(32);

function checkedFile(text: string) {
  const { file } = parseScopeFile(text);
  assert.ok(file, 'a valid scope file');
  return file;
}

/** An entry's JSON, as a corrupted storage may hold anything. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests corrupt it freely
type EntryJson = any;

/** A cache entry's text as stored, with `edit` applied to its parsed JSON. */
function storedEntry(edit: (entry: EntryJson) => void = () => {}): string {
  const entry = JSON.parse(scopeCacheText(BUILD, HASH, checkedFile(example)));
  edit(entry);
  return JSON.stringify(entry);
}

describe('the scope file’s checked model, cached between activations', () => {
  it('gives the scope that parsing gives, ranges and id problems included, after a round trip through its stored text', () => {
    const texts: Record<string, string> = {
      'example/': example,
      'the yaml library’s reading (an anchor)':
        'version: 1\ntitle: &t T\ncategories:\n  - name: Web\n    goal: *t\n    products: [A, {name: B, aliases: [b]}]\n    axes: [{name: Speed, weight: 2, evidence: required, freshness: 30}]\n',
      'repeated ids': 'version: 1\ntitle: T\ncategories:\n  - name: Web\n    goal: G\n    products: [A, A]\n    axes: [Speed]\n',
    };
    for (const [label, text] of Object.entries(texts)) {
      const stored = scopeCacheText(BUILD, HASH, checkedFile(text));
      const file = cachedScopeFile(stored, BUILD, HASH);
      assert.ok(file, label);
      assert.equal(JSON.stringify(file), JSON.stringify(checkedFile(text)), `${label}: what the background check compares`);
      assert.equal(JSON.stringify(scopeFromFile(text, file)), JSON.stringify(parseScopeDocument(text)), label);
      assert.equal(JSON.stringify(scopeFromFile(text, file)), JSON.stringify(parseScope(text)), label);
    }
  });

  it('keeps no model for a scope file that is not valid', () => {
    assert.equal(parseScopeFile('version: 1\ntitle: T\n').file, undefined);
    assert.equal(parseScopeFile('version: 1\n  title: [\n').file, undefined);
  });

  it('ignores an entry for another text, build or format, or one that is not JSON', () => {
    const stored = storedEntry();
    assert.ok(cachedScopeFile(stored, BUILD, HASH));
    assert.equal(cachedScopeFile(stored, BUILD, 'cd'.repeat(32)), undefined, 'another text');
    assert.equal(cachedScopeFile(stored, '1.2.4', HASH), undefined, 'another build');
    assert.equal(
      cachedScopeFile(
        storedEntry((e) => (e.format = SCOPE_CACHE_FORMAT + 1)),
        BUILD,
        HASH,
      ),
      undefined,
      'another format',
    );
    assert.equal(cachedScopeFile(stored.slice(0, -10), BUILD, HASH), undefined, 'cut short');
    assert.equal(cachedScopeFile('null', BUILD, HASH), undefined);
    assert.equal(cachedScopeFile(`${stored}${' '.repeat(MAX_SCOPE_CACHE_BYTES)}`, BUILD, HASH), undefined, 'too large');
  });

  it('ignores an entry whose model is not of the shape the schema gives', () => {
    const corrupt: Record<string, (entry: EntryJson) => void> = {
      'no categories': (e) => delete e.file.categories,
      'categories not a list': (e) => (e.file.categories = {}),
      'a category without its goal': (e) => delete e.file.categories[0].goal,
      'products not a list': (e) => (e.file.categories[0].products = 'A'),
      'a product without a name': (e) => (e.file.categories[0].products[0] = { id: 'a' }),
      'a product’s name a number': (e) => (e.file.categories[0].products[0] = { name: 3 }),
      'an axis’s weight a string': (e) => (e.file.categories[0].axes[0] = { name: 'A', weight: '2' }),
      'aliases not strings': (e) => (e.file.categories[0].products[0] = { name: 'A', aliases: [1] }),
      'an unknown key': (e) => (e.file.categories[0].surprise = true),
      'the title missing': (e) => delete e.file.title,
      'exclude not a list': (e) => (e.file.exclude = 'README.md'),
      'a prototype key': (e) => (e.file.categories[0].axes[0] = JSON.parse('{"name": "A", "__proto__": {"weight": 3}}')),
    };
    for (const [label, edit] of Object.entries(corrupt)) assert.equal(cachedScopeFile(storedEntry(edit), BUILD, HASH), undefined, label);
  });
});
