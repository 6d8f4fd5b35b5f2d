import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseScope } from '../../src/core/scope/scopeParser';
import { repoRoot, tempFolder } from './helpers';

const SCOPE = `version: 1
title: Search
scoring: { scale: 4 }
categories:
  - name: Search engines
    goal: Compare.
    products: [Algolia, Typesense, Elasticsearch]
    axes: [Pricing model, Hybrid search]
`;
const PATH = 'research/algolia-vs-typesense.md';
const FRONT = '---\nproduct: [Algolia, Typesense]\n---\n';

function indexOver(note: string, scopeText = SCOPE): NoteIndex {
  const parsed = parseScope(scopeText);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems[0].message);
  const index = new NoteIndex(parsed.scope, { today: () => '2025-06-01' });
  index.setNote(PATH, FRONT + note);
  return index;
}

/** One product's answer to an axis: its score, sources and as-of date. */
function answerOf(index: NoteIndex, productId: string, axisId = 'pricing-model') {
  const axis = index.productCoverage({ categoryId: 'search-engines', productId }).axes.find((a) => a.axisId === axisId)!;
  return { status: axis.status, score: axis.score, sources: axis.evidence?.sources ?? [], asOf: axis.evidence?.asOf ?? null };
}

const messages = (index: NoteIndex, code: string) =>
  index
    .findings(PATH)
    .filter((f) => f.code === code)
    .map((f) => f.message);

describe('a comparison note’s parts: sources, dates and scores per product', () => {
  it('sources each product’s answer by the links in its own part and in the shared text', () => {
    const index = indexOver(
      '## Pricing model\n\nList prices, per month. [Overview](https://example.com/overview)\n\n' +
        '**Algolia:** Per search request. [Pricing](https://www.algolia.com/pricing/)\n\n**Typesense:** Per node hour.\n\n' +
        '## Hybrid search\n\n| Product | Hybrid |\n| --- | --- |\n| Algolia | [NeuralSearch](https://www.algolia.com/neuralsearch/) |\n| Typesense | Yes |\n',
    );
    assert.deepEqual(answerOf(index, 'algolia').sources, ['https://www.algolia.com/pricing/', 'https://example.com/overview']);
    assert.deepEqual(answerOf(index, 'typesense').sources, ['https://example.com/overview']);
    assert.deepEqual(answerOf(index, 'algolia', 'hybrid-search').sources, ['https://www.algolia.com/neuralsearch/']);
    assert.deepEqual(answerOf(index, 'typesense', 'hybrid-search').sources, []);
    assert.deepEqual(messages(index, 'unsourced-answer'), [
      'The answer to "Hybrid search" for Typesense cites no source: link the page it rests on (an http or https URL).',
    ]);
  });

  it('dates each product’s answer by a date line in its own part, else the shared one', () => {
    const index = indexOver(
      '## Pricing model\n\nAs of 2025-01-10\n\n**Algolia:** Per search request.\nAs of 2025-05-20\n\n- **Typesense:** Per node hour.\n\n  *Last checked: 3 March 2025*\n\n' +
        '## Hybrid search\n\n**Algolia:** NeuralSearch.\n\n**Typesense:** Yes.\n\nAs of 2025-04-01\n',
    );
    assert.equal(answerOf(index, 'algolia').asOf, '2025-05-20');
    assert.equal(answerOf(index, 'typesense').asOf, '2025-03-03');
    assert.equal(answerOf(index, 'algolia', 'hybrid-search').asOf, '2025-04-01', 'a date paragraph of its own is shared');
    assert.equal(answerOf(index, 'typesense', 'hybrid-search').asOf, '2025-04-01');
  });

  it('shows each product’s own sources, date and score in check --format json', async () => {
    let stdout = '';
    const folder = tempFolder({
      'competitor-scope.yaml': SCOPE,
      [PATH]: `${FRONT}## Pricing model\n\n**Algolia:** Per request. [Pricing](https://www.algolia.com/pricing/)\nAs of 2025-05-20\n\n**Score:** 3\n\n**Typesense:** Per node hour.\n\n**Score:** 2\n\nAs of 2025-01-10\n`,
    });
    await main(['check', folder, '--format', 'json', '--max-missing', '1000'], repoRoot, {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
    });
    const report = JSON.parse(stdout) as {
      products: { product: string; axes: { axis: string; score: number | null; sources: number; asOf: string | null }[] }[];
    };
    const pricing = (product: string) => {
      const axis = report.products.find((p) => p.product === product)!.axes.find((a) => a.axis === 'pricing-model')!;
      return [axis.score, axis.sources, axis.asOf];
    };
    assert.deepEqual(pricing('algolia'), [3, 1, '2025-05-20']);
    assert.deepEqual(pricing('typesense'), [2, 0, '2025-01-10']);
  });

  it('reads a score paragraph right after a product’s paragraph, or in its list item, as that product’s score', () => {
    const index = indexOver(
      '## Pricing model\n\n**Algolia:** Per search request.\n\n**Score:** 2\n\n**Typesense:** Per node hour.\n\n**Score:** 3\n\n' +
        '## Hybrid search\n\n- **Algolia:** NeuralSearch.\n\n  Score: 4\n\n- **Typesense:** Yes, in one query.\n\nScore: 1\n',
    );
    assert.deepEqual(
      ['algolia', 'typesense'].map((id) => answerOf(index, id).score),
      [2, 3],
    );
    assert.deepEqual(
      ['algolia', 'typesense'].map((id) => answerOf(index, id, 'hybrid-search').score),
      [4, 1],
      'a score paragraph after a list is for every product without one of its own',
    );
    const afterEmptyItem = indexOver('## Pricing model\n\n-\n\n**Algolia:** Per search request.\n\nBoth bill monthly.\n');
    assert.equal(answerOf(afterEmptyItem, 'typesense').status, 'answered', 'a paragraph after a product’s is shared');
  });
});

describe('a comparison note’s parts that name another product', () => {
  it('gives a table row naming a product the note is not about the unattributed-answer hint on its own line', () => {
    const index = indexOver(
      '## Hybrid search\n\n| Product | Hybrid |\n| --- | --- |\n| Algolia | NeuralSearch |\n| Elasticsearch | Yes |\n| Notes | none |\n',
    );
    const hints = index.findings(PATH).filter((f) => f.code === 'unattributed-answer');
    assert.deepEqual(
      hints.map((f) => [f.message, f.range.start.line, f.range.start.character]),
      [['"Elasticsearch" is no product of this note: its part answers for none of Algolia or Typesense.', 8, 2]],
    );
    assert.equal(answerOf(index, 'typesense', 'hybrid-search').status, 'missing');
  });
});

describe('a comparison note’s unscored answers', () => {
  it('says which product’s answer is not scored, when the scope scores answers', () => {
    const index = indexOver(
      '## Pricing model\n\n**Algolia:** Per search request.\nScore: 3\n\n**Typesense:** Per node hour.\n\n' +
        '## Hybrid search\n\nBoth combine keyword and vector search.\n',
    );
    assert.deepEqual(messages(index, 'unscored-answer'), [
      '"Pricing model" is answered but not scored for Typesense: add a line "Score: N" (0 to 4).',
      '"Hybrid search" is answered but not scored: add a line "Score: N" (0 to 4).',
    ]);
    const unscoredScope = SCOPE.replace('scoring: { scale: 4 }\n', '');
    assert.deepEqual(messages(indexOver('## Pricing model\n\n**Algolia:** Per request.\n', unscoredScope), 'unscored-answer'), []);
  });
});
