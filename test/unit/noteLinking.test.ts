import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { noteHover } from '../../src/core/assist/noteHover';
import { renameScopeSymbol, scopeSymbolOf } from '../../src/core/assist/scopeRename';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseScope } from '../../src/core/scope/scopeParser';
import { repoRoot, tempFolder } from './helpers';

function indexOver(scopeText: string, notes: Record<string, string>): NoteIndex {
  const parsed = parseScope(scopeText);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems[0].message);
  const index = new NoteIndex(parsed.scope);
  for (const [path, text] of Object.entries(notes)) index.setNote(path, text);
  return index;
}

/** `check --format json` over a temp workspace: its report. */
async function checkReport(files: Record<string, string>): Promise<{ products: Product[]; findings: Finding[]; notes: { files: number } }> {
  let stdout = '';
  await main(['check', tempFolder(files), '--format', 'json', '--max-missing', '1000'], repoRoot, {
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
  });
  return JSON.parse(stdout);
}

interface Product {
  readonly product: string;
  readonly notes: readonly string[];
  readonly boundBy: Readonly<Record<string, string>>;
  readonly axes: ReadonlyArray<{ readonly axis: string; readonly status: string; readonly file: string | null }>;
}
interface Finding {
  readonly code: string;
  readonly file: string;
  readonly message: string;
}

const SCOPE = `version: 1
title: Search
categories:
  - name: Search engines
    goal: Compare.
    products: [Algolia, Typesense, Zilliz Cloud]
    axes: [Pricing model, Hybrid search]
`;

describe('which files are notes', () => {
  it('leaves a folder’s README.md and index.md out by default: no unlinked-note for them', async () => {
    const report = await checkReport({
      'competitor-scope.yaml': SCOPE,
      'research/README.md': '# Our research\n\nHow we write notes.\n',
      'research/vector/index.md': '# Vector databases\n',
      'research/algolia.md': '# Algolia\n\n## Pricing model\n\nPer request.\n',
    });
    assert.equal(report.notes.files, 1);
    assert.deepEqual(
      report.findings.filter((f) => f.code === 'unlinked-note'),
      [],
    );
  });

  it('reads a README as a note when the scope’s own exclude list leaves it in', async () => {
    const report = await checkReport({
      'competitor-scope.yaml': SCOPE.replace('categories:', 'exclude: [research/drafts/**]\ncategories:'),
      'research/README.md': '# Our research\n',
      'research/drafts/algolia.md': '# Algolia\n',
    });
    assert.deepEqual(
      report.findings.filter((f) => f.code === 'unlinked-note').map((f) => f.file),
      ['research/README.md'],
    );
    assert.equal(report.notes.files, 1);
  });
});

describe('a note linked by its title', () => {
  const ZILLIZ = '# Zilliz Cloud\n\n## Pricing model\n\nPer compute unit.\n';

  it('binds a note without front matter whose file name names no product by its first level-1 heading', () => {
    const index = indexOver(SCOPE, { 'research/zilliz-milvus-notes.md': ZILLIZ, 'research/general.md': '## Intro\n\n# Zilliz Cloud\n' });
    const note = index.note('research/zilliz-milvus-notes.md')!;
    assert.equal(note.link.kind, 'heading');
    assert.deepEqual(note.targets, [{ categoryId: 'search-engines', productId: 'zilliz-cloud' }]);
    assert.deepEqual(
      note.findings.map((f) => f.code),
      [],
    );
    assert.equal(index.note('research/general.md')!.link.kind, 'heading', 'the first level-1 heading, wherever it stands');
    assert.equal(
      indexOver(SCOPE, { 'research/x.md': '# Zilliz Cloud notes\n' }).note('research/x.md')!.link.kind,
      'unlinked',
      'a title must name the product, not mention it',
    );
    assert.equal(
      indexOver(SCOPE, { 'research/algolia.md': '# Zilliz Cloud\n' }).note('research/algolia.md')!.link.kind,
      'file-name',
      'the file name comes first',
    );
  });

  it('says which rule linked the note in the hover on its title', () => {
    const index = indexOver(SCOPE, { 'research/zilliz-milvus-notes.md': ZILLIZ });
    const note = index.note('research/zilliz-milvus-notes.md')!;
    const hover = noteHover(
      note,
      index.scope,
      { line: 0, character: 4 },
      (t) => index.productCoverage(t),
      (s) => index.evidence(note, s),
    );
    assert.equal(hover?.title, 'Zilliz Cloud (Search engines)');
    assert.deepEqual(hover?.paragraphs, ['1/2 axes answered.', 'Linked by: heading.']);
  });

  it('says which rule bound each note in the check report', async () => {
    const report = await checkReport({
      'competitor-scope.yaml': SCOPE,
      'research/zilliz-milvus-notes.md': ZILLIZ,
      'research/algolia.md': '# Algolia\n',
      'research/ts.md': '---\nproduct: Typesense\n---\n',
    });
    assert.deepEqual(
      report.products.map((p) => [p.product, p.boundBy]),
      [
        ['algolia', { 'research/algolia.md': 'file-name' }],
        ['typesense', { 'research/ts.md': 'front-matter' }],
        ['zilliz-cloud', { 'research/zilliz-milvus-notes.md': 'heading' }],
      ],
    );
  });

  it('gets front matter when a rename of its product would leave its title behind', () => {
    const index = indexOver(SCOPE, { 'research/zilliz-milvus-notes.md': ZILLIZ });
    const symbol = scopeSymbolOf(SCOPE, { kind: 'product', categoryIndex: 0, index: 2, field: 'name' })!;
    const renamed = renameScopeSymbol(index.scope, symbol, 'Zilliz', [index.note('research/zilliz-milvus-notes.md')!]);
    assert.ok(renamed.ok);
    assert.deepEqual(
      renamed.noteEdits.map((e) => [e.path, e.edits.map((edit) => edit.newText).join('')]),
      [['research/zilliz-milvus-notes.md', '---\nproduct: zilliz\n---\n\n']],
    );
  });
});

describe('a comparison note', () => {
  const scoped = SCOPE.replace('title: Search\n', 'title: Search\nscoring: { scale: 4 }\n');
  const coverageOf = (index: NoteIndex, productId: string) =>
    index.productCoverage({ categoryId: 'search-engines', productId }).axes.map((a) => [a.axisId, a.status, a.score, a.excerpt]);

  it('names several products; a bold lead answers for its product, text naming none for all', () => {
    const note =
      '---\nproduct: [Algolia, Typesense]\n---\n# Algolia vs Typesense\n\n## Pricing model\n\n**Algolia:** Per search request.\nScore: 3\n\n- **Typesense**: Per node hour.\n\nScore: 2\n\n## Hybrid search\n\nBoth combine keyword and vector search.\n';
    const index = indexOver(scoped, { 'research/algolia-vs-typesense.md': note });
    assert.deepEqual(
      index
        .note('research/algolia-vs-typesense.md')!
        .findings.filter((f) => f.code !== 'unsourced-answer')
        .map((f) => f.message),
      ['"Hybrid search" is answered but not scored: add a line "Score: N" (0 to 4).'],
    );
    assert.deepEqual(coverageOf(index, 'algolia'), [
      ['pricing-model', 'answered', 3, 'Algolia: Per search request.'],
      ['hybrid-search', 'answered', null, 'Both combine keyword and vector search.'],
    ]);
    assert.deepEqual(coverageOf(index, 'typesense'), [
      ['pricing-model', 'answered', 2, 'Typesense: Per node hour.'],
      ['hybrid-search', 'answered', null, 'Both combine keyword and vector search.'],
    ]);
    assert.deepEqual(index.notesOf({ categoryId: 'search-engines', productId: 'zilliz-cloud' }), []);
  });

  it('gives a sub-heading naming a product its answer, and says which product a section leaves missing or unanswered', () => {
    const note =
      '---\nproduct: [Algolia, Typesense]\n---\n## Pricing model\n\n### Algolia\n\nPer request.\n\n### Typesense\n\nTODO\n\n## Hybrid search\n\n| Product | Hybrid |\n| --- | --- |\n| Algolia | NeuralSearch |\n| Elasticsearch | Yes |\n';
    const index = indexOver(SCOPE, { 'research/algolia-vs-typesense.md': note });
    assert.deepEqual(
      coverageOf(index, 'algolia').map(([axis, status]) => [axis, status]),
      [
        ['pricing-model', 'answered'],
        ['hybrid-search', 'answered'],
      ],
    );
    assert.deepEqual(
      coverageOf(index, 'typesense').map(([axis, status]) => [axis, status]),
      [
        ['pricing-model', 'placeholder'],
        ['hybrid-search', 'missing'],
      ],
    );
    const messages = index.findings('research/algolia-vs-typesense.md').map((f) => `${f.code}: ${f.message}`);
    assert.ok(
      messages.includes('unanswered-axis: The section "Pricing model" holds only placeholders for Typesense.'),
      messages.join('\n'),
    );
    assert.ok(messages.includes('missing-axis: No section answers "Hybrid search" (Search engines) for Typesense.'), messages.join('\n'));
    assert.ok(!messages.some((m) => m.startsWith('missing-axis') && m.includes('for Algolia')), messages.join('\n'));
  });

  it('says so when a part leads with a product the note is not about, and counts it for none', () => {
    const scope = SCOPE.replace('[Algolia, Typesense, Zilliz Cloud]', '[Algolia, Typesense, Zilliz Cloud, Elasticsearch]');
    const note =
      '---\nproduct: [Algolia, Typesense]\n---\n## Pricing model\n\n**Algolia:** Per request.\n\n**Elasticsearch:** Per node.\n\n**Note:** All prices are list prices.\n';
    const index = indexOver(scope, { 'research/x.md': note });
    const found = index.note('research/x.md')!.findings.filter((f) => f.code === 'unattributed-answer');
    assert.deepEqual(
      found.map((f) => [f.message, f.range.start.line, f.range.start.character, f.range.end.character]),
      [['"Elasticsearch" is no product of this note: its part answers for none of Algolia or Typesense.', 7, 2, 15]],
      'the hint sits on the part’s own line, on the name it leads with',
    );
    assert.deepEqual(
      coverageOf(index, 'typesense')[0],
      ['pricing-model', 'answered', null, 'Note: All prices are list prices.'],
      'a lead naming no product answers for all',
    );
  });

  it('reads a table by its columns when its header names the products', () => {
    const note =
      '---\nproduct: [Algolia, Typesense]\n---\n## Pricing model\n\n| | Algolia | Typesense |\n| --- | --- | --- |\n| Unit | request | |\n| Free tier | yes | |\n';
    const index = indexOver(SCOPE, { 'research/x.md': note });
    assert.deepEqual(coverageOf(index, 'algolia')[0].slice(0, 2), ['pricing-model', 'answered']);
    assert.deepEqual(coverageOf(index, 'typesense')[0].slice(0, 2), ['pricing-model', 'missing']);
  });

  it('shows the answer in every product’s row of the check report, with the note as its source', async () => {
    const report = await checkReport({
      'competitor-scope.yaml': SCOPE,
      'research/algolia-vs-typesense.md': '---\nproduct: [Algolia, Typesense]\n---\n## Pricing model\n\nBoth charge per request.\n',
    });
    for (const product of ['algolia', 'typesense']) {
      const row = report.products.find((p) => p.product === product)!;
      assert.deepEqual(row.notes, ['research/algolia-vs-typesense.md']);
      assert.deepEqual(row.axes[0], { ...row.axes[0], status: 'answered', file: 'research/algolia-vs-typesense.md' });
    }
    assert.ok(!report.findings.some((f) => f.code === 'invalid-front-matter'));
  });
});
