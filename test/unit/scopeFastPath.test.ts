import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseScope, parseScopeDocument, parseScopeFile, scopeFromFile } from '../../src/core/scope/scopeParser';
import type { ScopeParseResult } from '../../src/core/scope/scopeModel';

/**
 * parseScope reads a valid file of plain YAML with js-yaml and finds its ranges only when asked; every other
 * file goes through the `yaml` library's document. Both must give what the document alone gives.
 */
const root = path.join(__dirname, '..', '..', '..');
const fileText = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Everything a caller can see of a result, ranges included, in the order JSON shows it. */
const seen = (result: ScopeParseResult) => JSON.stringify(result);

function assertSameAsDocument(text: string, label: string): ScopeParseResult {
  const fast = parseScope(text);
  assert.equal(seen(fast), seen(parseScopeDocument(text)), label);
  return fast;
}

/** Whether the first product's range is still to be found: the fast path was taken. */
function readLazily(result: ScopeParseResult): boolean {
  assert.ok(result.ok);
  return typeof Object.getOwnPropertyDescriptor(result.scope.categories[0].products[0], 'range')?.get === 'function';
}

const scopeWith = (categoryLines: string, top = '') =>
  `version: 1\ntitle: T\n${top}categories:\n  - name: Web\n    goal: Compare.\n${categoryLines}`;
const plainCategory =
  '    products:\n      - name: Django\n        aliases: [DRF]\n      - {name: Flask, description: "Micro & small!"}\n    axes:\n      - name: Speed\n        weight: 2\n';

/** A generated scope as the benchmark writes it: 2,000 products, some with descriptions and aliases. */
function generated(products: number): string {
  const lines = ['version: 1', 'title: Generated', 'subject: Ours', 'categories:'];
  for (let c = 0; c < 3; c++) {
    lines.push(`  - id: c${c}`, `    name: Category ${c}`, '    goal: Compare.', '    products:');
    for (let p = c; p < products; p += 3) {
      lines.push(`      - name: Product ${p}`, ...(p % 10 === 0 ? [`        description: Number ${p}.`, `        aliases: [P${p}]`] : []));
    }
    lines.push('    axes:', '      - name: "Ecosystem & integrations"', '      - name: Pricing');
  }
  return `${lines.join('\n')}\n`;
}

describe('parseScope: the fast path', () => {
  it('reads valid files as the document does, ranges included, finding them only when asked', () => {
    const valid: Record<string, string> = {
      'example/': fileText('example/competitor-scope.yaml'),
      'the built-in scope': fileText('scope/competitor-scope.yaml'),
      '2,000 products': generated(2000),
      'flow, quotes, comments, block scalars': scopeWith(
        `${plainCategory}    # a comment\n`,
        `subject: "Ours"\nplaceholders: ['it''s', TBD]\nevidence: required\nfreshness: 90\nscoring: {scale: 5}\n`,
      ),
      'a block scalar description': scopeWith(
        '    products:\n      - name: A\n        description: |\n          Line one.\n          Line two.\n    axes: [{name: Speed}]\n',
      ),
      'CRLF line ends': scopeWith(plainCategory).replace(/\n/g, '\r\n'),
      'a byte order mark': `\uFEFF${scopeWith(plainCategory)}`,
      'a document start marker': `---\n${scopeWith(plainCategory)}`,
      // The items' ranges come from js-yaml's events where an item spans lines, else from the document.
      'items written every way': scopeWith(
        '    products:\n      -   # first\n          name: Spaced\n          id: spaced\n      - "name": Quoted\n        \'aliases\': [Q]\n' +
          '      - {name: Flow,\n         id: flow}\n      - name: One line\n      -\n\n        name: After a blank\n        aliases:\n          - AB\n' +
          '    ? axes\n    : - name: Speed\n        weight: 2\n      - {name: Cost}\n',
      ),
      'a last item without a line break': scopeWith('    axes: [{name: S}]\n    products:\n      - name: A # a\n      - name: B'),
      'numbers in their other forms': scopeWith(
        '    products: [{name: A}]\n    axes: [{name: S, weight: 0x10}, {name: T, weight: 1.5e1}]\n',
      ),
    };
    for (const [label, text] of Object.entries(valid)) {
      const fast = assertSameAsDocument(text, label);
      assert.ok(fast.ok, `${label}: ${JSON.stringify(fast.problems)}`);
      assert.ok(readLazily(fast), `${label}: read without positions`);
    }
  });

  it('finds a product’s range where the document says it is, when first asked', () => {
    const text = generated(2000);
    const fast = parseScope(text);
    const document = parseScopeDocument(text);
    assert.ok(fast.ok && document.ok);
    const last = fast.scope.categories[2].products.at(-1)!;
    assert.deepEqual(last.range, document.scope.categories[2].products.at(-1)!.range);
    assert.equal(text.split('\n')[last.range.start.line].trim(), `- name: ${last.name}`);
  });

  it('gives invalid files the document’s problems, at the same places', () => {
    const invalid: Record<string, string> = {
      'a syntax error': 'version: 1\ntitle: "unterminated\ncategories: []\n',
      'a repeated key': scopeWith(plainCategory, 'title: U\n'),
      'an unknown field': scopeWith(`${plainCategory}    colour: red\n`),
      'a wrong type': scopeWith('    products: {name: A}\n    axes: []\n'),
      'a missing field': 'version: 1\ncategories:\n  - name: Web\n    products: []\n    axes: []\n',
      'a duplicate id': scopeWith('    products:\n      - name: Django\n      - id: django\n        name: Other\n    axes: []\n'),
      'ids colliding through names': scopeWith('    products: [{name: A b}, {name: a-b}]\n    axes: []\n'),
      'a float tag on a weight': scopeWith('    products: []\n    axes: [{name: S, weight: !!float 1}]\n'),
      'YAML 1.1 booleans': `%YAML 1.1\n---\n${scopeWith('    products: [{name: yes}]\n    axes: []\n')}`,
      'two documents': `${scopeWith(plainCategory)}---\n${scopeWith(plainCategory)}`,
      'an underscored number': scopeWith('    products: []\n    axes: [{name: S, weight: 1_0}]\n'),
      'a __proto__ key': scopeWith(plainCategory, '__proto__: {title: X}\n'),
      'a tab before a key': scopeWith(plainCategory).replace('    goal', '\tgoal'),
      'an empty file': '',
      'a comment only': '# nothing\n',
    };
    for (const [label, text] of Object.entries(invalid)) {
      const fast = assertSameAsDocument(text, label);
      assert.equal(fast.ok, false, `${label} is refused`);
      assert.ok(fast.problems.length > 0, label);
    }
  });

  it('leaves anchors, aliases and tags to the document, which reads them with its own limits', () => {
    const texts = [
      scopeWith(
        '    products: &p [{name: A}]\n    axes: [{name: S}]\n  - name: Other\n    goal: G.\n    products: *p\n    axes: [{name: S}]\n',
      ),
      scopeWith('    products: [{name: !!str 12}]\n    axes: [{name: S}]\n'),
      // An anchor or a tag before a mapping on its line: js-yaml's mapping starts there, the document's at its first key.
      scopeWith('    axes: [{name: S}]\n    products:\n      - &c name: C\n      - !!map name: D\n      - !!map\n        name: E\n'),
      // A carriage return alone: the end of a comment for js-yaml, part of it for the `yaml` library.
      scopeWith('    axes: [{name: S}]\n    products:\n      - name: A # a\r      - name: B\n      - name: C  \n'),
    ];
    for (const text of texts) {
      const fast = assertSameAsDocument(text, text);
      assert.ok(fast.ok);
      assert.equal(readLazily(fast), false, 'read through the document');
      // A cached model of the same text finds its ranges lazily, from js-yaml's events where they settle them.
      const { file } = parseScopeFile(text);
      assert.equal(seen(scopeFromFile(text, file!)), seen(parseScopeDocument(text)), text);
    }
  });

  it('gives hostile files the guards’ answers: an alias bomb, deep nesting, a 5 MB file, 30,000 keys', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    }
    const hostile = [
      levels.join('\n'),
      `version: 1\ntitle: ${'['.repeat(100_000)}`,
      scopeWith(plainCategory, `notes: "${'x'.repeat(5 * 1024 * 1024)}"\n`),
      scopeWith(plainCategory, Array.from({ length: 30_000 }, (_, i) => `unknown${i}: 1\n`).join('')),
    ];
    for (const text of hostile) assert.equal(assertSameAsDocument(text, text.slice(0, 40)).ok, false);
  });
});
