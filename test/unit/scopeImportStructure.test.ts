import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import type { Scope } from '../../src/core/scope/scopeModel';
import { parseScope } from '../../src/core/scope/scopeParser';
import { importScope } from '../../src/core/scopeImport/scopeImport';
import { growsLinearly, tempFolder } from './helpers';

/** `competitor-scope import doc.md` over a document in a folder of its own. */
async function runImport(markdown: string): Promise<{ code: number; scope?: Scope; stderr: string[] }> {
  const folder = tempFolder({ 'doc.md': markdown });
  let stdout = '';
  let stderr = '';
  const code = await main(['import', 'doc.md'], folder, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  const parsed = stdout ? parseScope(stdout) : undefined;
  if (parsed) assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems[0].message);
  return { code, ...(parsed?.ok ? { scope: parsed.scope } : {}), stderr: stderr ? stderr.trimEnd().split('\n') : [] };
}

const outline = (scope: Scope | undefined) =>
  scope?.categories.map((c) => ({
    name: c.name,
    goal: c.goal,
    products: c.products.map((p) => p.name),
    axes: c.axes.map((a) => a.name),
  }));

describe('importing scope documents as teams write them', () => {
  it('reads "###" categories under a "##" parent, numbered "2.1", with plain labels and a comma list', async () => {
    const { code, scope, stderr } = await runImport(
      [
        '# Competitor scope for Lumen Search',
        '',
        '## 1. Goals',
        '',
        '- Win deals against managed vector databases.',
        '',
        '## 2. Competitor classes',
        '',
        'We group competitors by how they are sold.',
        '',
        '### 2.1 Managed vector databases',
        '',
        'Goal: Compare Lumen’s hybrid retrieval with managed vector databases.',
        '',
        'Products:',
        '- Pinecone',
        '- Weaviate Cloud',
        '- Zilliz Cloud',
        '',
        'Axes:',
        '- Hybrid search',
        '- Pricing model',
        '',
        '### 2.2 Hosted search APIs',
        '',
        '**Goal:** Compare relevance tuning with hosted search APIs.',
        '**Competitors:** Algolia, Typesense Cloud, and Elastic Cloud.',
        '**Criteria:** Relevance tuning; Pricing model',
        '',
        '## 3. Next steps',
        '',
        'Write a note per product.',
        '',
      ].join('\n'),
    );
    assert.equal(scope?.subject, 'Lumen Search');
    assert.deepEqual(outline(scope), [
      {
        name: 'Managed vector databases',
        goal: 'Compare Lumen’s hybrid retrieval with managed vector databases.',
        products: ['Pinecone', 'Weaviate Cloud', 'Zilliz Cloud'],
        axes: ['Hybrid search', 'Pricing model'],
      },
      {
        name: 'Hosted search APIs',
        goal: 'Compare relevance tuning with hosted search APIs.',
        products: ['Algolia', 'Typesense Cloud', 'Elastic Cloud'],
        axes: ['Relevance tuning', 'Pricing model'],
      },
    ]);
    assert.deepEqual(stderr, ['doc.md:5: a list under "## 1. Goals" (not a category): not read']);
    assert.equal(code, 0);
  });

  it('reads categories numbered "A.", "Category IV:" or not at all, a products table, label headings and labelled list items', async () => {
    const { code, scope, stderr } = await runImport(
      [
        '# Scope',
        '',
        '## A. Vector databases',
        '',
        '*Goal:* Compare managed vector databases.',
        '',
        '| Product | What it is | Pricing |',
        '| --- | --- | --- |',
        '| Pinecone | Serverless vector database | usage |',
        '| Qdrant Cloud (aka Qdrant) | Managed Qdrant | tiers |',
        '',
        'Key comparison axes: Latency, Filtering',
        '',
        '## Category IV: Search APIs',
        '',
        '#### Goal',
        '',
        'Compare hosted search.',
        '',
        '#### Competitors',
        '',
        '- Algolia',
        '',
        '#### Criteria',
        '',
        '1. Relevance tuning',
        '',
        '## Embedding models',
        '',
        '- **Goal:** Compare embedding APIs.',
        '- **Products:** OpenAI Embeddings (text-embedding-3), Cohere Embed',
        '- **Axes:** Dimensions, Price',
        '',
      ].join('\n'),
    );
    assert.deepEqual(outline(scope), [
      {
        name: 'Vector databases',
        goal: 'Compare managed vector databases.',
        products: ['Pinecone', 'Qdrant Cloud'],
        axes: ['Latency', 'Filtering'],
      },
      { name: 'Search APIs', goal: 'Compare hosted search.', products: ['Algolia'], axes: ['Relevance tuning'] },
      {
        name: 'Embedding models',
        goal: 'Compare embedding APIs.',
        products: ['OpenAI Embeddings (text-embedding-3)', 'Cohere Embed'],
        axes: ['Dimensions', 'Price'],
      },
    ]);
    const qdrant = scope!.categories[0].products[1];
    assert.equal(qdrant.description, 'Managed Qdrant');
    assert.deepEqual(qdrant.aliases, ['Qdrant']);
    assert.deepEqual(stderr, [
      'doc.md:9: "Vector databases": the column "Pricing" of the products table is not read (only names, descriptions and aliases are)',
    ]);
    assert.equal(code, 0);
  });

  it('exits 1 naming each section that looks like a category and was not imported, and why, on its own line', async () => {
    const { code, scope, stderr } = await runImport(
      [
        '# Scope for Lumen',
        '',
        '## Managed vector databases',
        '',
        'Goal: Compare managed vector databases.',
        'Products: Pinecone, Weaviate',
        'Axes: Latency',
        '',
        '## Hosted search APIs',
        '',
        'Goal: Compare hosted search APIs.',
        '',
        '- Algolia',
        '- Typesense',
        '',
        '## Self-hosted engines',
        '',
        'Goal: Compare self-hosted engines.',
        '',
        '## Graph databases',
        '',
        '**Products:**',
        '',
        'To be decided.',
        '',
        '## Sources',
        '',
        'See the wiki.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      scope?.categories.map((c) => c.name),
      ['Managed vector databases'],
    );
    assert.deepEqual(stderr, [
      'doc.md:9: "## Hosted search APIs", beside the categories, has a list (line 13) under no "Products:" or "Axes:" label: not imported',
      'doc.md:16: "## Self-hosted engines", beside the categories, has a goal but no products or axes list: not imported',
      'doc.md:20: "## Graph databases" has a products or axes label but no list after it: not imported',
      'doc.md:22: "Graph databases": the products label is not followed by a list',
      'doc.md:26: "## Sources", beside the categories, has no products or axes list: not a category',
    ]);
    assert.equal(code, 1);
  });

  it('exits 1 when a category drops a list it cannot read, and 0 for what is only left out', async () => {
    const category = (extra: string) =>
      ['# Scope', '', '## Databases', '', 'Goal: Storage.', '', 'Products: Postgres, MySQL', '', 'Axes: Latency', '', extra, ''].join('\n');
    const dropped = await runImport(category('We also watch:\n\n- SQLite\n- DuckDB'));
    assert.deepEqual(dropped.stderr, ['doc.md:13: a list in "Databases" under no "Products:" or "Axes:" label: not read']);
    assert.equal(dropped.code, 1);
    const repeated = await runImport(category('Products: postgres'));
    assert.deepEqual(repeated.stderr, ['doc.md:11: "Databases": "postgres" is there already']);
    assert.equal(repeated.code, 0);
  });

  it('takes time in proportion to the document: label lines, names of one slug, many categories and sections beside them', () => {
    const document = (size: number) => {
      const lines = ['# Scope', '', '## Many', ''];
      // Names that differ in punctuation only ("x!?", "x?!") share the slug "x": each gets an id of its own.
      for (let i = 0; i < size; i++) lines.push(`Products: x${i.toString(2).replace(/0/g, '!').replace(/1/g, '?')}`);
      for (let i = 0; i < size / 10; i++) lines.push(`## Category ${i}`, 'Products: p', `## Aside ${i}`, 'Text.');
      return lines.join('\n');
    };
    growsLinearly(document, (markdown) => assert.ok(importScope(markdown).ok), 600);
  });
});
