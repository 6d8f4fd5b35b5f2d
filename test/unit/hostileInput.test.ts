import * as assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { placeholderTest } from '../../src/core/notes/sectionStatus';
import { parseScope } from '../../src/core/scope/scopeParser';
import { closest } from '../../src/core/similarity';
import { growsLinearly, noSlowerThan } from './helpers';
import { codes, indexOf, testScope } from './noteFixtures';

/** The messages of a note's findings of one code. */
function messages(index: NoteIndex, path: string, code: string): string[] {
  return index
    .findings(path)
    .filter((f) => f.code === code)
    .map((f) => f.message);
}

const scopeOf = (body: string) =>
  `version: 1\ntitle: T\n${body}categories:\n  - name: Web\n    goal: Compare.\n    products: [{name: Django}]\n    axes: [{name: Speed}]\n`;

describe('hostile input: front matter', () => {
  it('refuses deeply nested flow collections before parsing them, at the nesting', () => {
    for (const open of ['[', '{']) {
      const noteOf = (depth: number) => ({ 'research/django.md': `---\nproduct: ${open.repeat(depth)}\n---\n## Speed\n` });
      const index = indexOf(noteOf(10_000));
      growsLinearly(noteOf, indexOf, 1250);
      assert.deepEqual(messages(index, 'research/django.md', 'invalid-front-matter'), [
        'The front matter nests more than 16 levels deep; it is not read.',
      ]);
      assert.equal(index.note('research/django.md')?.link.kind, 'file-name', 'the file name still links the note');
    }
  });

  it('refuses front matter over 16 KB before parsing it: 30,000 keys, a 1.9 MB product', () => {
    const keysOf = (count: number) => `{${Array.from({ length: count }, (_, i) => `k${i}: 1`).join(', ')}}`;
    const productOf = (length: number) => `product: ${'a'.repeat(length)}`;
    growsLinearly((count) => ({ 'research/x.md': `---\n${keysOf(count)}\n---\n` }), indexOf, 3750);
    growsLinearly((length) => ({ 'research/x.md': `---\n${productOf(length)}\n---\n` }), indexOf, 237_500);
    for (const front of [keysOf(30_000), productOf(1_900_000)]) {
      const index = indexOf({ 'research/x.md': `---\n${front}\n---\n` });
      const [message] = messages(index, 'research/x.md', 'invalid-front-matter');
      assert.match(message, /^The front matter is \d+ KB; it may be at most 16 KB\. It is not read\.$/);
    }
  });

  it('reads a product value with a long run of spaces in linear time', () => {
    const spacedOf = (spaces: number) => ({ 'research/x.md': `---\nproduct: a${' '.repeat(spaces)}b\n---\n` });
    const index = indexOf(spacedOf(300_000));
    assert.match(messages(index, 'research/x.md', 'invalid-front-matter')[0], /at most 16 KB/);
    growsLinearly(spacedOf, indexOf, 37_500);
    // Under the 16 KB limit the value is read: this is where a backtracking pattern would be quadratic.
    growsLinearly(spacedOf, indexOf, 1875);
    const spaced = indexOf(spacedOf(15_000));
    assert.deepEqual(codes(spaced, 'research/x.md'), ['unknown-product']);
    assert.equal(spaced.note('research/x.md')?.parsed.frontMatter?.product?.value, `a${' '.repeat(15_000)}b`);
  });

  it('still reports a repeated key, without yaml’s quadratic check', () => {
    const index = indexOf({ 'research/x.md': '---\nproduct: django\ntitle: "x"\nproduct: flask\n---\n' });
    assert.deepEqual(messages(index, 'research/x.md', 'invalid-front-matter'), [
      'The front matter is not valid YAML: Map keys must be unique ("product" is there already).',
    ]);
  });
});

describe('hostile input: the scope file', () => {
  it('checks 30,000 unknown keys in linear time, naming the first', function () {
    this.timeout(60_000);
    const keysOf = (count: number) => scopeOf(Array.from({ length: count }, (_, i) => `unknown${i}: 1\n`).join(''));
    growsLinearly(keysOf, parseScope, 2000);
    const result = parseScope(keysOf(30_000));
    assert.ok(!result.ok);
    assert.match(result.problems[0].message, /^Unknown field "unknown0"\./);
    assert.equal(result.problems[0].range.start.line, 2);
  });

  it('reports a repeated key at the key', () => {
    const result = parseScope(scopeOf('title: U\n'));
    assert.ok(!result.ok);
    assert.deepEqual(
      result.problems.map((p) => [p.message, p.range.start.line]),
      [['YAML syntax error: Map keys must be unique ("title" is there already).', 2]],
    );
  });

  it('does not count brackets in quoted strings, comments and plain text, nor indentation in block scalars', () => {
    const brackets = '['.repeat(70);
    const deepText = Array.from({ length: 70 }, (_, i) => `${' '.repeat(6 + 2 * i)}line ${i}`).join('\n');
    for (const goal of [
      `"${brackets}"`,
      `'${brackets} don''t'`,
      `a plain ${brackets} goal`,
      `Compare. # ${brackets}`,
      `|\n${deepText}`,
      `>-\n${deepText}`,
    ]) {
      const result = parseScope(
        `version: 1\ntitle: T\ncategories:\n  - name: Web\n    goal: ${goal}\n    products: [{name: Django}]\n    axes: [{name: Speed}]\n`,
      );
      assert.ok(result.ok, `${goal.slice(0, 30)}: ${JSON.stringify(result.problems)}`);
    }
    const flow = parseScope(scopeOf(`extra: ${brackets}\n`));
    assert.ok(!flow.ok);
    assert.equal(flow.problems[0].message, 'The scope file nests more than 64 levels deep; a scope needs five.');
  });
});

describe('hostile input: notes', () => {
  it('does not analyze a note of nothing but headings (2 MB), and says why', () => {
    for (const line of ['#\n', '## Speed\n', 'Speed\n=\n']) {
      const noteOf = (length: number) => ({ 'research/django.md': line.repeat(Math.floor(length / line.length)) });
      growsLinearly(noteOf, indexOf, 250_000);
      const index = indexOf(noteOf(2_000_000));
      assert.deepEqual(
        index.findings('research/django.md').map((f) => f.message),
        ['This note is not analyzed: it has more than 10,000 headings; notes with more are not analyzed.'],
      );
    }
  });

  it('analyzes many notes about one product in linear work: a change re-publishes only what it changes', function () {
    this.timeout(120_000);
    for (const count of [10_000, 50_000]) {
      const index = new NoteIndex(testScope());
      let published = 0;
      const note = (i: number) =>
        `---\nproduct: django\n---\n## ${i % 2 ? 'Architecture guidance and opinionation' : 'Dashboard layout'}\n\nYes.\n`;
      for (let i = 0; i < count; i++) published += index.setNote(`research/n${i}.md`, note(i)).length;
      // Each note once, and every note of the product again only when the axes they head change (twice here).
      assert.ok(published < count * 3, `${published} notes re-published for ${count}`);
      assert.equal(index.notesOf({ categoryId: 'web', productId: 'django' }).length, count);
      let deleted = 0;
      for (let i = 0; i < count; i += 2) deleted += index.deleteNote(`research/n${i}.md`).length;
      assert.ok(deleted < count * 2, `${deleted} notes re-published for ${count / 2} deletions`);
    }
  });

  it('gives every note of one product its findings in linear time', function () {
    this.timeout(60_000);
    const notesOf = (count: number) =>
      indexOf(Object.fromEntries(Array.from({ length: count }, (_, i) => [`research/n${i}.md`, '---\nproduct: django\n---\n## Speed\n'])));
    // Linear work takes about 8 times as long for 8 times the notes; quadratic work (each note's findings
    // looking at every other note) took 64 times as long.
    growsLinearly(
      notesOf,
      (index) => {
        for (const path of index.paths()) index.findings(path);
      },
      1_000,
    );
  });

  it('matches 40,000 placeholder words without one giant regular expression', () => {
    const wordsOf = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`);
    growsLinearly(wordsOf, placeholderTest, 5000);
    const isPlaceholder = placeholderTest(wordsOf(40_000));
    assert.equal(isPlaceholder('word39999: later'), true);
    assert.equal(isPlaceholder('**Word7** x'), true);
    assert.equal(isPlaceholder('word399990'), false, 'a word must end there');
    assert.equal(isPlaceholder('TODO'), true);
    assert.equal(isPlaceholder('Todoist is a product.'), false);
  });

  it('gives no suggestions for a name far longer than any name, at once', () => {
    const names = Array.from({ length: 500 }, (_, i) => `product name ${i}`);
    const long = 'p'.repeat(1_900_000);
    assert.deepEqual(
      closest(long, names, (n) => [n], 3, Infinity),
      [],
    );
    // No slower than for a name of ordinary length: not compared letter by letter with every name.
    noSlowerThan(
      () => closest('product name 7x', names, (n) => [n], 3, Infinity),
      () => closest(long, names, (n) => [n], 3, Infinity),
      5,
    );
    assert.deepEqual(
      closest('product name 7x', names, (n) => [n], 1, Infinity),
      ['product name 7'],
    );
  });
});
