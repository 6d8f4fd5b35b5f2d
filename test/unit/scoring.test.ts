import * as assert from 'node:assert/strict';
import { parseScope } from '../../src/core/scope/scopeParser';
import { compareScores, countComparisons } from '../../src/core/scoring/comparison';
import { describeScore, harveyBall } from '../../src/core/scope/scale';
import { readScore } from '../../src/core/notes/scoreLine';
import { formatWeightedScore, weightedScore } from '../../src/core/scoring/weightedScore';
import { codes, indexOf, SCOPE_YAML } from './noteFixtures';
import { scoreCompletions, scoreHover } from '../../src/core/assist/scoreAssist';
import { DJANGO_NOTE, GRID_NOTE, SCORED_SCOPE_YAML, scoredIndex } from './scoringFixtures';

describe('scoring: the score syntax', () => {
  it('reads N and N/M on the scale, with spaces around the slash', () => {
    assert.deepEqual(readScore('3', 4), { score: 3 });
    assert.deepEqual(readScore('0/4', 4), { score: 0 });
    assert.deepEqual(readScore('4 / 4', 4), { score: 4 });
  });

  it('refuses what is not a whole number, is out of range, or names another maximum', () => {
    for (const value of ['', 'three', '2.5', '-1', '3/4 good', '1e3']) {
      assert.match(problemOf(readScore(value, 4)), /whole number from 0 to 4/, value);
    }
    assert.match(problemOf(readScore('5', 4)), /out of range/);
    assert.match(problemOf(readScore('4/5', 4)), /out of 4 .* not 5: write "Score: 4\/4"/);
  });

  it('finds the first score line of a section, outside code, in any case, and keeps it out of the excerpt', () => {
    const index = scoredIndex({
      'research/django.md':
        '---\nproduct: django\n---\n\n## Auth\n\n```\nScore: 1\n```\n\nSessions.\nscore: 3\n\n### Detail\n\nScore: 2\n\n## Testing\n\n    Score: 4\n\nA client.\n',
    });
    const django = index.productCoverage({ categoryId: 'web', productId: 'django' });
    assert.equal(django.axes[0].score, 3);
    assert.equal(django.axes[0].excerpt, 'Sessions.');
    assert.equal(django.axes[1].score, null, 'an indented code block is code');
  });

  it('counts a section holding only a score as answered', () => {
    const index = scoredIndex({ 'research/django.md': '---\nproduct: django\n---\n\n## Auth\n\nScore: 2\n' });
    assert.equal(index.productCoverage({ categoryId: 'web', productId: 'django' }).axes[0].status, 'answered');
  });
});

describe('scoring: the scale and the scope file', () => {
  it('shows scores on the default scale of 4 as Harvey balls, and other scales at their nearest ball', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((n) => harveyBall(n, 4)),
      ['○', '◔', '◑', '◕', '●'],
    );
    assert.deepEqual(
      [0, 5, 10].map((n) => harveyBall(n, 10)),
      ['○', '◑', '●'],
    );
    assert.equal(describeScore({ scale: 4, labels: ['absent', 'weak', 'partial', 'strong', 'best'] }, 3), '3/4 (strong)');
    assert.equal(describeScore({ scale: 5, labels: [] }, 3), '3/5');
  });

  it('reads scoring and weights, with defaults', () => {
    const result = parseScope(SCORED_SCOPE_YAML);
    assert.ok(result.ok);
    assert.deepEqual(result.scope.scoring, { scale: 4, labels: ['absent', 'weak', 'partial', 'strong', 'best'] });
    assert.deepEqual(
      result.scope.categories[0].axes.map((a) => a.weight),
      [2, 1, 1, 1],
    );
    const plain = parseScope(SCOPE_YAML);
    assert.ok(plain.ok && plain.scope.scoring === undefined);
    const defaults = parseScope(SCOPE_YAML.replace('categories:', 'scoring: {}\ncategories:'));
    assert.ok(defaults.ok && defaults.scope.scoring?.scale === 4);
  });

  it('reports a bad scale, label count or weight at its node', () => {
    const problems = (yaml: string) => {
      const result = parseScope(yaml);
      assert.ok(!result.ok);
      return result.problems.map((p) => `${p.range.start.line + 1}: ${p.message}`);
    };
    assert.deepEqual(problems(SCORED_SCOPE_YAML.replace('scale: 4', 'scale: 0')), ['5: "scoring.scale" must be at least 1.']);
    assert.deepEqual(problems(SCORED_SCOPE_YAML.replace('scale: 4', 'scale: 2.5')), [
      `5: "scoring.scale" must be a whole number, not 2.5.`,
    ]);
    assert.deepEqual(problems(SCORED_SCOPE_YAML.replace(', best]', ']')), [
      '6: "scoring.labels": must list 5 labels, one for each score from 0 to 4, not 4',
    ]);
    assert.deepEqual(problems(SCORED_SCOPE_YAML.replace('weight: 2', 'weight: -1')), [
      '17: "categories[0].axes[0].weight" must be more than 0.',
    ]);
    assert.match(problems(SCORED_SCOPE_YAML.replace('weight: 2', 'wieght: 2'))[0], /^17: Unknown field "wieght".*weight/);
  });
});

describe('scoring: weighted sums and the comparison', () => {
  it('sums score × weight over the scored axes only, out of the scale × the same weights', () => {
    assert.deepEqual(
      weightedScore(
        [
          { score: 2, weight: 2 },
          { score: 4, weight: 1 },
          { score: null, weight: 5 },
        ],
        4,
      ),
      { value: 8, max: 12, scored: 2, axes: 3 },
    );
    assert.equal(weightedScore([{ score: null, weight: 1 }], 4), null);
    assert.deepEqual(
      weightedScore(
        [
          { score: 1, weight: 0.1 },
          { score: 1, weight: 0.2 },
        ],
        4,
      ),
      { value: 0.3, max: 1.2, scored: 2, axes: 2 },
    );
    assert.equal(formatWeightedScore({ value: 8, max: 12, scored: 2, axes: 2 }), '8/12 (67%) on 2 of 2 axes');
    assert.equal(formatWeightedScore({ value: 4, max: 4, scored: 1, axes: 5 }), '4/4 (100%) on 1 of 5 axes');
  });

  it('compares with the subject only where both are scored', () => {
    assert.equal(compareScores(4, 2), 'we-lead');
    assert.equal(compareScores(2, 2), 'parity');
    assert.equal(compareScores(1, 4), 'they-lead');
    assert.equal(compareScores(null, 4), null);
    assert.equal(compareScores(3, null), null);
    assert.deepEqual(countComparisons(['we-lead', 'parity', null, 'we-lead']), { 'we-lead': 2, parity: 1, 'they-lead': 0 });
  });
});

describe('scoring: diagnostics', () => {
  it('warns on each invalid score line, at the line', () => {
    const index = scoredIndex({
      'research/django.md': '---\nproduct: django\n---\n\n## Auth\n\nSessions.\n\nScore: 5\n\n## Testing\n\nScore: 3/5\n',
    });
    const invalid = index.findings('research/django.md').filter((f) => f.code === 'invalid-score');
    assert.deepEqual(
      invalid.map((f) => [f.severity, f.range.start.line, f.range.start.character, f.range.end.character]),
      [
        ['warning', 8, 0, 8],
        ['warning', 12, 0, 10],
      ],
    );
    assert.equal(index.productCoverage({ categoryId: 'web', productId: 'django' }).axes[0].score, null);
  });

  it('flags an answered section without a score only when the scope has scoring', () => {
    const unscored = scoredIndex({ 'research/django.md': DJANGO_NOTE })
      .findings('research/django.md')
      .filter((f) => f.code === 'unscored-answer');
    assert.deepEqual(
      unscored.map((f) => [f.severity, f.range.start.line, f.message]),
      [['information', 22, '"Pricing" is answered but not scored: add a line "Score: N" (0 to 4).']],
    );
    const plain = indexOf({ 'research/django.md': '---\nproduct: django\n---\n\n## Auth, security, and rate limiting\n\nSessions.\n' });
    assert.ok(!codes(plain, 'research/django.md').includes('unscored-answer'));
  });
});

describe('scoring: completion and hover', () => {
  it('completes the scale after "Score:" in an axis section only, and hovers a score with ours beside it', () => {
    const text = '---\nproduct: django\n---\n\n# Django\n\nScore: \n\n## Auth\n\nSessions.\nScore: 2\n\nScore: \n';
    const index = scoredIndex({ 'research/grid.md': GRID_NOTE, 'research/django.md': text });
    const analysis = index.note('research/django.md')!;
    assert.deepEqual(scoreCompletions(analysis, index.scope, 'Score: ', { line: 6, character: 7 }), [], 'under the title, not an axis');
    const items = scoreCompletions(analysis, index.scope, 'Score: ', { line: 13, character: 7 });
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['0', '○ 0/4 (absent)'],
        ['1', '◔ 1/4 (weak)'],
        ['2', '◑ 2/4 (partial)'],
        ['3', '◕ 3/4 (strong)'],
        ['4', '● 4/4 (best)'],
      ],
    );
    const hover = scoreHover(analysis, index.scope, { line: 11, character: 2 }, (t) => index.productCoverage(t));
    assert.deepEqual(hover && [hover.title, hover.paragraphs], ['◑ 2/4 (partial)', ['Auth (weight ×2)', 'Grid: ● 4/4 (best).']]);
  });
});

function problemOf(reading: ReturnType<typeof readScore>): string {
  assert.ok('problem' in reading, JSON.stringify(reading));
  return reading.problem;
}
