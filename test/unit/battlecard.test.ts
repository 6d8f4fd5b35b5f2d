import * as assert from 'node:assert/strict';
import { buildMatrix } from '../../src/core/matrix/matrixModel';
import { buildBattlecard } from '../../src/core/matrix/battlecard';
import { battlecardToHtml, battlecardToMarkdown } from '../../src/core/matrix/battlecardText';
import { scoredIndex } from './scoringFixtures';

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
    // Auth weighs 2. Ours: 4×2 + 1 + 3 + 2 = 14 of 20; Django's (Pricing unscored): 2×2 + 4 + 3 = 11 of 16.
    assert.deepEqual(card.ourScore, { value: 14, max: 20, scored: 4 });
    assert.deepEqual(card.theirScore, { value: 11, max: 16, scored: 3 });
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
    assert.equal(card?.theirScore, null);
  });

  it('renders as Markdown and as a standalone HTML page, escaping team text', () => {
    const card = djangoCard();
    const markdown = battlecardToMarkdown(card).split('\n');
    assert.equal(markdown[0], '# Django vs. Grid');
    assert.ok(markdown.includes('## Where we lead (1)'));
    assert.ok(markdown.includes('- **Auth** (×2): Grid ● 4/4 (best); Django ◑ 2/4 (partial)'), markdown.join('\n'));
    assert.ok(markdown.includes('- **Pricing**: Grid ◑ 2/4 (partial); Django not scored (answered)'));
    assert.ok(markdown.includes('Weighted score — Grid: 14/20 (70%); Django: 11/16 (69%).'));
    const hostile = { ...card, product: '<img src=x onerror=alert(1)>' };
    const html = battlecardToHtml(hostile);
    assert.match(html, /default-src 'none'/);
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('<h2>Where they lead (1)</h2>'));
    assert.ok(battlecardToMarkdown(hostile).startsWith('# &lt;img src=x onerror=alert(1)&gt; vs. Grid'));
  });
});
