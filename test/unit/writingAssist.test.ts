import * as assert from 'node:assert/strict';
import { noteCompletions } from '../../src/core/assist/noteCompletion';
import { noteHover } from '../../src/core/assist/noteHover';
import { productsWithoutNotes } from '../../src/core/notes/coverageFindings';
import { productPicks } from '../../src/core/assist/productPicks';
import { renameScopeSymbol, scopeSymbolAt, type ScopeSymbol } from '../../src/core/assist/scopeRename';
import type { NoteAnalysis } from '../../src/core/notes/noteAnalyzer';
import { indexOf, SCOPE_YAML, testScope } from './noteFixtures';

const NOTE = '---\nproduct: fastapi\n---\n\n# FastAPI\n\n### Auth, security, and rate limiting\n\nOAuth2.\n\n#';

function analysisOf(path: string, text: string, notes: Record<string, string> = {}): NoteAnalysis {
  const analysis = indexOf({ ...notes, [path]: text }).note(path);
  assert.ok(analysis);
  return analysis;
}

/** The symbol at the first occurrence of `text` in the test scope file. */
function symbolAt(text: string): ScopeSymbol {
  const before = SCOPE_YAML.slice(0, SCOPE_YAML.indexOf(text)).split('\n');
  const symbol = scopeSymbolAt(SCOPE_YAML, { line: before.length - 1, character: before[before.length - 1].length + 1 });
  assert.ok(symbol, text);
  return symbol;
}

describe('writing assistance: completion', () => {
  const note = analysisOf('research/fastapi.md', NOTE);

  it('offers the axes the note has no section for, in scope order, at the note’s level', () => {
    const items = noteCompletions(note, testScope(), '#', { line: 10, character: 1 });
    assert.deepEqual(
      items.map((i) => i.insertText),
      ['### Architecture guidance and opinionation', '### Testing strategy and coverage expectations'],
    );
    assert.deepEqual(items[0].range, { start: { line: 10, character: 0 }, end: { line: 10, character: 1 } });
    assert.equal(items[0].filterText, '# Architecture guidance and opinionation');
  });

  it('offers nothing in the middle of a line, or in a paragraph', () => {
    assert.deepEqual(noteCompletions(note, testScope(), 'OAuth2.', { line: 8, character: 3 }), []);
  });

  it('offers products after product: and categories after category:, names as detail', () => {
    const products = noteCompletions(note, testScope(), 'product: fastapi', { line: 1, character: 9 });
    assert.deepEqual(
      products.map((p) => [p.label, p.detail]),
      [
        ['django', 'Django'],
        ['django-rest-framework', 'Django REST Framework'],
        ['fastapi', 'FastAPI'],
        ['flask', 'Flask'],
        ['grafana', 'Grafana'],
      ],
    );
    assert.deepEqual(products[0].range, { start: { line: 1, character: 9 }, end: { line: 1, character: 16 } });
    const categories = noteCompletions(note, testScope(), 'category:', { line: 1, character: 9 });
    assert.deepEqual(
      categories.map((c) => c.insertText),
      [' web', ' dash'],
    );
  });

  it('narrows the products to the category the front matter names', () => {
    const dash = analysisOf('research/x.md', '---\nproduct: grafana\ncategory: dash\n---\n');
    assert.deepEqual(
      noteCompletions(dash, testScope(), 'product: ', { line: 1, character: 9 }).map((p) => p.label),
      ['grafana', 'flask'],
    );
  });
});

describe('writing assistance: hovers', () => {
  it('on an axis heading: the goal and the other products that answer it', () => {
    const notes = { 'research/django.md': '# Django\n\n## Auth, security, and rate limiting\n\nSessions.\n' };
    const index = indexOf({ ...notes, 'research/fastapi.md': NOTE });
    const note = index.note('research/fastapi.md')!;
    const hover = noteHover(
      note,
      testScope(),
      { line: 6, character: 6 },
      (t) => index.productCoverage(t),
      (s) => index.evidence(note, s),
    );
    assert.deepEqual(hover, {
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: 37 } },
      title: 'Auth, security, and rate limiting',
      paragraphs: [
        'Web Frameworks: Compare.',
        'Answered for 1 of the 3 other products: Django.',
        'No as-of date: add an "As of YYYY-MM-DD" line.',
        'No sources.',
      ],
    });
  });

  it('on an axis heading: its as-of date, where it came from, and its sources', () => {
    const text =
      '# Django\n\n## Auth, security, and rate limiting\n\nSessions [docs](https://docs.example.com/auth).\n\nAs of 2020-01-01\n';
    const index = indexOf({ 'research/django.md': text }, testScope(SCOPE_YAML.replace('categories:\n', 'freshness: 30\ncategories:\n')));
    const note = index.note('research/django.md')!;
    const hover = noteHover(
      note,
      index.scope,
      { line: 2, character: 6 },
      (t) => index.productCoverage(t),
      (s) => index.evidence(note, s),
    );
    assert.match(
      hover?.paragraphs.at(-2) ?? '',
      /^As of 2020-01-01 \(\d+ days ago, from its As of line\)\. Answers stay fresh for 30 days: this one is stale\.$/,
    );
    assert.equal(hover?.paragraphs.at(-1), 'Sources: https://docs.example.com/auth');
  });

  it('on product: the product and its coverage', () => {
    const index = indexOf({ 'research/fastapi.md': NOTE });
    const note = index.note('research/fastapi.md')!;
    const hover = noteHover(
      note,
      testScope(),
      { line: 1, character: 3 },
      (t) => index.productCoverage(t),
      (s) => index.evidence(note, s),
    );
    assert.equal(hover?.title, 'FastAPI (Web Frameworks)');
    assert.deepEqual(hover?.paragraphs, ['1/3 axes answered.', 'Linked by: front matter.']);
  });
});

describe('writing assistance: renaming in the scope file', () => {
  it('finds the id or name under the cursor, and nothing elsewhere', () => {
    assert.deepEqual(
      { ...symbolAt('Django REST'), range: undefined },
      {
        kind: 'product',
        categoryIndex: 0,
        index: 1,
        field: 'name',
        value: 'Django REST Framework',
        range: undefined,
        hasId: false,
        quoted: false,
      },
    );
    assert.equal(scopeSymbolAt(SCOPE_YAML, { line: 1, character: 2 }), undefined);
  });

  it('renames a product by its name: product: values written as its id get the new id, file-name notes get front matter', () => {
    const notes = [
      analysisOf('research/a.md', '---\nproduct: fastapi\n---\n# A\n'),
      analysisOf('research/fastapi.md', '# FastAPI\n'),
      analysisOf('research/django.md', '---\nproduct: django\n---\n'),
    ];
    const result = renameScopeSymbol(testScope(), symbolAt('FastAPI'), 'Fast API', notes);
    assert.ok(result.ok);
    assert.equal(result.scopeEdit.newText, 'Fast API');
    assert.deepEqual(
      result.noteEdits.map((n) => [n.path, n.edits.map((e) => e.newText)]),
      [
        ['research/a.md', ['fast-api']],
        ['research/fastapi.md', ['---\nproduct: fast-api\n---\n\n']],
      ],
    );
  });

  it('writes a new name that YAML would misread as a quoted scalar, in the scope file and in notes', () => {
    const notes = [analysisOf('research/a.md', '---\nproduct: FastAPI\n---\n# A\n')];
    const result = renameScopeSymbol(testScope(), symbolAt('FastAPI'), 'FastAPI: The Web Framework', notes);
    assert.ok(result.ok);
    assert.equal(result.scopeEdit.newText, '"FastAPI: The Web Framework"');
    assert.deepEqual(
      result.noteEdits.map((n) => n.edits.map((e) => e.newText)),
      [['"FastAPI: The Web Framework"']],
    );
  });

  it('renames an axis: headings that used its name get the new name, other categories’ notes are left alone', () => {
    const notes = [analysisOf('research/fastapi.md', NOTE), analysisOf('research/grafana.md', '## Auth, security, and rate limiting\n')];
    const result = renameScopeSymbol(testScope(), symbolAt('Auth, security'), 'Security', notes);
    assert.ok(result.ok);
    assert.deepEqual(
      result.noteEdits.map((n) => [n.path, n.edits]),
      [['research/fastapi.md', [{ range: { start: { line: 6, character: 4 }, end: { line: 6, character: 37 } }, newText: 'Security' }]]],
    );
  });

  it('renames an axis id: a heading written as the old id gets the new one', () => {
    const yaml = SCOPE_YAML.replace('      - name: Dashboard layout', '      - id: layout\n        name: Dashboard layout');
    const scope = testScope(yaml);
    const before = yaml.slice(0, yaml.indexOf('layout\n')).split('\n');
    const symbol = scopeSymbolAt(yaml, { line: before.length - 1, character: before[before.length - 1].length + 1 });
    assert.equal(symbol?.field, 'id');
    const note = indexOf({ 'research/grafana.md': '## layout\n\nGrid.\n\n## Dashboard layout\n\nRows.\n' }, scope).note(
      'research/grafana.md',
    )!;
    const result = renameScopeSymbol(scope, symbol!, 'grid', [note]);
    assert.ok(result.ok);
    assert.deepEqual(
      result.noteEdits[0].edits.map((e) => [e.range.start.line, e.newText]),
      [[0, 'grid']],
      'the heading written as the name still matches',
    );
  });

  it('refuses an id another sibling has, or one that cannot name a file', () => {
    const taken = renameScopeSymbol(testScope(), symbolAt('FastAPI'), 'Flask', []);
    assert.deepEqual(taken, { ok: false, message: 'Another product of "Web Frameworks" has the id "flask".' });
    const yaml = SCOPE_YAML.replace('      - name: Dashboard layout', '      - id: layout\n        name: Dashboard layout');
    const before = yaml.slice(0, yaml.indexOf('layout\n')).split('\n');
    const symbol = scopeSymbolAt(yaml, { line: before.length - 1, character: before[before.length - 1].length + 1 })!;
    assert.equal(renameScopeSymbol(testScope(yaml), symbol, 'a/b', []).ok, false);
  });
});

describe('writing assistance: products without notes and the product picker', () => {
  it('flags each product no note is about, at its entry', () => {
    const index = indexOf({ 'research/django.md': '# Django\n', 'research/grafana.md': '# Grafana\n' });
    const findings = productsWithoutNotes(testScope(), (t) => index.hasNotes(t));
    assert.deepEqual(
      findings.map((f) => [f.code, f.message, f.range.start.line]),
      [
        ['no-note', 'Django REST Framework (Web Frameworks) has no research note yet.', 9],
        ['no-note', 'FastAPI (Web Frameworks) has no research note yet.', 11],
        ['no-note', 'Flask (Web Frameworks) has no research note yet.', 12],
        ['no-note', 'Flask (Dashboards) has no research note yet.', 22],
      ],
    );
  });

  it('lists every product in scope order with its category and coverage', () => {
    const index = indexOf({ 'research/fastapi.md': NOTE });
    const picks = productPicks(testScope(), index.coverage());
    assert.equal(picks.length, 6);
    assert.deepEqual(picks[2], {
      target: { categoryId: 'web', productId: 'fastapi' },
      label: 'FastAPI',
      description: 'Web Frameworks',
      detail: '1/3 axes answered · research/fastapi.md',
    });
    assert.equal(picks[0].detail, '0/3 axes answered · no note yet: choose to create it');
  });
});
