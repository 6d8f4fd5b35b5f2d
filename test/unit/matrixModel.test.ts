import * as assert from 'node:assert/strict';
import { buildMatrix, firstSentence } from '../../src/core/matrix/matrixModel';
import { DEFAULT_VIEW, viewTable } from '../../src/core/matrix/matrixView';
import { matrixCoverage, matrixScope } from './matrixFixtures';
import { DJANGO_NOTE, GRID_NOTE, scoredIndex } from './scoringFixtures';

describe('matrix model', () => {
  const model = buildMatrix(matrixScope(), matrixCoverage());
  const web = model.tables[0];

  it('has one table per category in scope order, with the axes in scope order', () => {
    assert.deepEqual(
      model.tables.map((t) => t.categoryId),
      ['web', 'sim'],
    );
    assert.deepEqual(
      web.axes.map((a) => a.id),
      ['auth', 'testing'],
    );
    assert.equal(web.goal, 'Compare "web" stacks, side by side.');
  });

  it('pins the subject first where a note covers it, and only there', () => {
    assert.deepEqual(
      web.rows.map((r) => [r.key, r.subject]),
      [
        ['our-engine', true],
        ['django', false],
        ['flask', false],
        ['zeta', false],
      ],
    );
    assert.deepEqual(
      model.tables[1].rows.map((r) => r.key),
      ['ansys'],
    );
  });

  it('counts rows, columns and tables over the competitors, and products without notes as missing', () => {
    const row = (key: string) => web.rows.find((r) => r.key === key)!;
    assert.equal(row('our-engine').answered, 2);
    assert.equal(row('django').answered, 1);
    assert.deepEqual(
      row('flask').cells.map((c) => c.status),
      ['missing', 'missing'],
    );
    assert.deepEqual(
      web.axes.map((a) => a.answered),
      [2, 0],
    );
    assert.deepEqual([web.answered, web.total], [2, 6]);
    assert.deepEqual([model.answered, model.total], [2, 7]);
  });

  it('keeps the first sentence as the excerpt and the whole section as the detail', () => {
    const auth = web.rows[1].cells[0];
    assert.equal(auth.excerpt, 'Sessions | CSRF built in.');
    assert.equal(auth.detail, 'Sessions | CSRF built in.\nRate limits: none.');
    assert.equal(auth.line, 7);
    assert.equal(web.rows[3].cells[1].excerpt, '');
  });

  it('cuts a long sentence at a word boundary', () => {
    const cut = firstSentence('word '.repeat(60), 40);
    assert.ok(cut.length <= 40, cut);
    assert.match(cut, /^(word )+word…$/);
    assert.equal(firstSentence('  One.  Two. '), 'One.');
    assert.equal(firstSentence('Version 3.5 is out'), 'Version 3.5 is out');
  });
});

describe('matrix view', () => {
  const web = buildMatrix(matrixScope(), matrixCoverage()).tables[0];
  const keys = (options: Partial<typeof DEFAULT_VIEW>) => viewTable(web, { ...DEFAULT_VIEW, ...options }).rows.map((r) => r.key);

  it('sorts by name and by coverage, the subject staying first', () => {
    assert.deepEqual(keys({}), ['our-engine', 'django', 'flask', 'zeta']);
    assert.deepEqual(keys({ sort: 'name' }), ['our-engine', 'zeta', 'django', 'flask']);
    assert.deepEqual(keys({ sort: 'name', descending: true }), ['our-engine', 'flask', 'django', 'zeta']);
    assert.deepEqual(keys({ sort: 'coverage' }), ['our-engine', 'flask', 'zeta', 'django']);
    assert.deepEqual(keys({ sort: 'coverage', descending: true }), ['our-engine', 'zeta', 'django', 'flask']);
  });

  it('shows only rows and columns with gaps when asked', () => {
    const view = viewTable(web, { ...DEFAULT_VIEW, gapsOnly: true });
    assert.deepEqual(
      view.rows.map((r) => r.key),
      ['our-engine', 'django', 'flask', 'zeta'],
    );
    assert.deepEqual(view.axisIndexes, [0, 1]);
    const sim = buildMatrix(matrixScope(), [
      {
        categoryId: 'sim',
        productId: 'ansys',
        notes: ['a.md'],
        axes: [{ axisId: 'fidelity', status: 'answered', file: 'a.md', line: 1, excerpt: 'Yes.' }],
      },
    ]).tables[1];
    assert.deepEqual(viewTable(sim, { ...DEFAULT_VIEW, gapsOnly: true }), { rows: [], axisIndexes: [] });
  });

  it('ranks a product scored on fewer than half its axes after the others when sorting by score, in either direction', () => {
    // Flask: 4/4 (100%) on 1 of 4 axes; Django: 11/16 (69%) on 3 of 4.
    const flask = '---\nproduct: flask\n---\n\n## Docs\n\nA tutorial.\n\nScore: 4\n';
    const index = scoredIndex({ 'research/grid.md': GRID_NOTE, 'research/django.md': DJANGO_NOTE, 'research/flask.md': flask });
    const table = buildMatrix(index.scope, [...index.subjectCoverage(), ...index.coverage()]).tables[0];
    const sorted = (descending: boolean) => viewTable(table, { ...DEFAULT_VIEW, sort: 'score', descending }).rows.map((r) => r.key);
    assert.deepEqual(sorted(true), ['grid', 'django', 'flask']);
    assert.deepEqual(sorted(false), ['grid', 'django', 'flask']);
  });
});
