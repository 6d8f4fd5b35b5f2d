import * as assert from 'node:assert/strict';
import { buildMatrix } from '../../src/core/matrix/matrixModel';
import { buildBattlecard, overallScores } from '../../src/core/matrix/battlecard';
import { battlecardToHtml, battlecardToMarkdown } from '../../src/core/matrix/battlecardText';
import { GRID_NOTE, scoredIndex } from './scoringFixtures';

function djangoCard() {
  const index = scoredIndex();
  const card = buildBattlecard(index.scope, buildMatrix(index.scope, [...index.subjectCoverage(), ...index.coverage()]), 'web', 'django');
  assert.ok(card);
  return card;
}

describe('battlecard', () => {
  it('sorts every axis into we lead, they lead, parity and unknown, with both scores and answers', () => {
    const card = djangoCard();
    const names = (section: keyof typeof card.sections) => card.sections[section].map((a) => a.name);
    assert.deepEqual(names('we-lead'), ['Auth']);
    assert.deepEqual(names('they-lead'), ['Testing']);
    assert.deepEqual(names('parity'), ['Docs']);
    assert.deepEqual(names('unknown'), ['Pricing'], 'Django answers Pricing without a score');
    assert.deepEqual(card.sections['we-lead'][0].ours, {
      status: 'answered',
      score: 4,
      excerpt: 'OAuth and rate limits built in.',
      age: '',
      asOf: null,
      sources: [],
      stale: false,
      unsourced: true,
    });
    assert.deepEqual(card.sections['we-lead'][0].theirs, {
      status: 'answered',
      score: 2,
      excerpt: 'Sessions and permissions.',
      age: '',
      asOf: null,
      sources: [],
      stale: false,
      unsourced: true,
    });
    assert.equal(card.goal, 'Compare the backends.');
    assert.equal(card.description, 'The batteries-included one.');
    // Only Auth (×2), Testing and Docs are scored on both sides: ours 4×2 + 1 + 3 = 12 of 16 (Pricing left out), Django's 2×2 + 4 + 3 = 11 of 16.
    assert.deepEqual(card.shared, { ours: { value: 12, max: 16, scored: 3, axes: 3 }, theirs: { value: 11, max: 16, scored: 3, axes: 3 } });
    assert.equal(card.axisCount, 4);
  });

  it('compares the two sides over the axes both have scored, and says over how many', () => {
    const index = scoredIndex({
      'research/grid.md': GRID_NOTE,
      'research/django.md':
        '---\nproduct: django\n---\n\n## Docs\n\nThe best docs around.\n\nScore: 2\n\n## Pricing\n\nFree.\n\nScore: 4\n',
      'research/flask.md': '---\nproduct: flask\n---\n\n## Auth\n\nNone built in.\n',
    });
    const model = buildMatrix(index.scope, [...index.subjectCoverage(), ...index.coverage()]);
    const django = buildBattlecard(index.scope, model, 'web', 'django');
    assert.ok(django);
    assert.equal(overallScores(django), 'Over the 2 of 4 axes both have scored: Grid 5/8 (63%), Django 6/8 (75%).');
    const flask = buildBattlecard(index.scope, model, 'web', 'flask');
    assert.ok(flask);
    assert.equal(flask.shared, null);
    assert.equal(overallScores(flask), 'No axis of the 4 axes is scored for both Grid and Flask: their scores do not compare yet.');
  });

  it('has no card for the subject itself or for a product not in the scope', () => {
    const index = scoredIndex();
    const model = buildMatrix(index.scope, [...index.subjectCoverage(), ...index.coverage()]);
    assert.equal(buildBattlecard(index.scope, model, 'web', 'grid'), undefined);
    assert.equal(buildBattlecard(index.scope, model, 'web', 'nope'), undefined);
  });

  it('puts every axis under Unknown for a competitor without notes', () => {
    const index = scoredIndex();
    const card = buildBattlecard(index.scope, buildMatrix(index.scope, [...index.subjectCoverage(), ...index.coverage()]), 'web', 'flask');
    assert.deepEqual(
      card?.sections.unknown.map((a) => a.name),
      ['Auth', 'Testing', 'Docs', 'Pricing'],
    );
    assert.equal(card?.shared, null);
  });

  it('renders as Markdown and as a standalone HTML page, escaping team text', () => {
    const card = djangoCard();
    const markdown = battlecardToMarkdown(card).split('\n');
    assert.equal(markdown[0], '# Django vs. Grid');
    assert.ok(markdown.includes('## Where we lead (1)'));
    assert.ok(markdown.includes('- **Auth** (×2): Grid ● 4/4 (best); Django ◑ 2/4 (partial)'), markdown.join('\n'));
    assert.ok(markdown.includes('- **Pricing**: Grid ◑ 2/4 (partial); Django not scored (answered)'));
    assert.ok(markdown.includes('Weighted score — Over the 3 of 4 axes both have scored: Grid 12/16 (75%), Django 11/16 (69%).'));
    const hostile = { ...card, product: '<img src=x onerror=alert(1)>' };
    const html = battlecardToHtml(hostile);
    assert.match(html, /default-src 'none'/);
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('<h2>Where they lead (1)</h2>'));
    assert.ok(battlecardToMarkdown(hostile).startsWith('# &lt;img src=x onerror=alert(1)&gt; vs. Grid'));
  });
});
