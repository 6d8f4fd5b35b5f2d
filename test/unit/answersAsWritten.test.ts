import * as assert from 'node:assert/strict';
import { buildMatrix } from '../../src/core/matrix/matrixModel';
import { buildBattlecard } from '../../src/core/matrix/battlecard';
import { battlecardToMarkdown } from '../../src/core/matrix/battlecardText';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { productFacts } from '../../src/core/brief/scopeFacts';
import { testScope } from './noteFixtures';
import { SCORED_SCOPE_YAML } from './scoringFixtures';

const TODAY = '2025-06-30';
const DJANGO = 'research/django.md';

function indexed(django: string): NoteIndex {
  const index = new NoteIndex(testScope(SCORED_SCOPE_YAML), { today: () => TODAY });
  index.setNote(DJANGO, `---\nproduct: django\n---\n\n${django}`);
  return index;
}

const axesOf = (index: NoteIndex) => index.productCoverage({ categoryId: 'web', productId: 'django' }).axes;
const codesOf = (index: NoteIndex) => index.findings(DJANGO).map((f) => f.code);

describe('answers as teams write them: scores', () => {
  it('reads a score whose label, or whole line, is emphasized, and keeps it out of the excerpt', () => {
    const forms = ['**Score:** 2/4', '**Score: 2**', '*Score:* 2', '__Score__: 2', '- **Score:** 2', '> _Score: 2/4_', 'Score: **2**'];
    for (const form of forms) {
      const index = indexed(`## Auth\n\nSessions.\n\n${form}\n`);
      const [auth] = axesOf(index);
      assert.equal(auth.score, 2, form);
      assert.equal(auth.excerpt, 'Sessions.', form);
      assert.ok(!codesOf(index).includes('unscored-answer'), form);
    }
    const card = (index: NoteIndex) =>
      battlecardToMarkdown(
        buildBattlecard(index.scope, buildMatrix(index.scope, [...index.subjectCoverage(), ...index.coverage()]), 'web', 'django')!,
      );
    assert.match(card(indexed('## Auth\n\nSessions.\n**Score:** 2/4\n')), /Auth[^\n]*2\/4/);
    const facts = productFacts(indexed('## Auth\n\nSessions.\n\n**Score:** 2/4\n'), { categoryId: 'web', productId: 'django' });
    assert.equal(facts?.sections[0].score, 2, 'read_product');
  });

  it('reports an emphasized score line that is not a score, and does not take prose mentioning scores for one', () => {
    const index = indexed('## Auth\n\nSessions.\n\n**Score:** five\n\n## Testing\n\nThe **score** is: 3, say reviewers.\n');
    assert.deepEqual(
      index
        .findings(DJANGO)
        .filter((f) => f.code === 'invalid-score')
        .map((f) => [f.range.start.line, f.range.start.character]),
      [[8, 0]],
    );
    assert.equal(axesOf(index)[1].score, null);
  });

  it('does not re-date an answer when only an emphasized score line changed', () => {
    const index = indexed('## Auth\n\nSessions.\n\n**Score:** 2/4\n\n*As of: 2099-01*\n');
    const lines = Array.from({ length: 12 }, () => '2025-01-01');
    lines[8] = '2025-06-01'; // the score line
    lines[10] = '2025-06-01'; // the marker line (a later day dates nothing)
    index.setLineDates(DJANGO, lines);
    const { evidence } = axesOf(index)[0];
    assert.deepEqual([evidence?.asOf, evidence?.asOfFrom], ['2025-01-01', 'git']);
  });
});

describe('answers as teams write them: a heading that is a link', () => {
  it("answers its axis and counts its link as the section's source in the matrix, check and read_product", () => {
    const index = indexed('## [Pricing](https://www.pinecone.io/pricing/)\n\nFree tier, then per pod.\n');
    const pricing = axesOf(index)[3];
    assert.equal(pricing.status, 'answered');
    assert.deepEqual(pricing.evidence?.sources, ['https://www.pinecone.io/pricing/']);
    assert.ok(!codesOf(index).includes('unsourced-answer'));
    const facts = productFacts(index, { categoryId: 'web', productId: 'django' });
    assert.deepEqual(facts?.sections[3].sources, ['https://www.pinecone.io/pricing/']);
    const matrix = buildMatrix(index.scope, index.coverage());
    assert.match(JSON.stringify(matrix), /pinecone\.io\/pricing/);
  });
});
