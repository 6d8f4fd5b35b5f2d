import * as assert from 'node:assert/strict';
import { importScope } from '../../src/core/scopeImport/scopeImport';
import { parseScope } from '../../src/core/scope/scopeParser';

/** The products a document of one category imports, each as name, id, description and aliases; and what it left out. */
function productsOf(items: readonly string[]) {
  const result = importScope(
    [
      '# Scope for Lumen Search',
      '',
      '## Search',
      '',
      '**Goal:** Find things.',
      '',
      '**Representative products:**',
      '',
      ...items.map((i) => `- ${i}`),
      '',
      '**Axes:**',
      '',
      '- Latency',
      '',
    ].join('\n'),
  );
  assert.ok(result.ok, result.ok ? '' : result.message);
  const parsed = parseScope(result.yaml);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems[0].message);
  return {
    products: parsed.scope.categories[0].products.map((p) => ({
      name: p.name,
      id: p.id,
      ...(p.description ? { description: p.description } : {}),
      aliases: p.aliases,
    })),
    skipped: result.skipped,
  };
}

describe('importing product names as their writers meant them', () => {
  it('keeps a parenthetical that is part of a name (a model, a version) in the name', () => {
    const { products } = productsOf([
      'OpenAI Embeddings (text-embedding-3)',
      'Claude (3.5)',
      'Django REST Framework (as Django’s API extension)',
    ]);
    assert.deepEqual(products, [
      { name: 'OpenAI Embeddings (text-embedding-3)', id: 'openai-embeddings-text-embedding-3', aliases: [] },
      { name: 'Claude (3.5)', id: 'claude-35', aliases: [] },
      { name: 'Django REST Framework', id: 'django-rest-framework', description: 'As Django’s API extension.', aliases: ['DRF'] },
    ]);
  });

  it('reads a.k.a., aka, formerly and also as other names, and the rest of the parenthetical as the description', () => {
    const { products } = productsOf([
      'Weaviate Cloud (a.k.a. WCD)',
      'Elastic Cloud (aka ESS, Elastic Cloud Hosted)',
      'Azure AI Search (formerly Cognitive Search)',
      'Zilliz Cloud (managed Milvus, also Zilliz)',
      'Turbopuffer (aka: tpuf; serverless)',
      'Vespa (also used for recommendations)',
    ]);
    assert.deepEqual(products, [
      { name: 'Weaviate Cloud', id: 'weaviate-cloud', aliases: ['WCD'] },
      { name: 'Elastic Cloud', id: 'elastic-cloud', aliases: ['ESS', 'Elastic Cloud Hosted'] },
      { name: 'Azure AI Search', id: 'azure-ai-search', aliases: ['Cognitive Search', 'AAS'] },
      { name: 'Zilliz Cloud', id: 'zilliz-cloud', description: 'Managed Milvus.', aliases: ['Zilliz'] },
      { name: 'Turbopuffer', id: 'turbopuffer', description: 'Serverless.', aliases: ['tpuf'] },
      { name: 'Vespa', id: 'vespa', description: 'Also used for recommendations.', aliases: [] },
    ]);
  });

  it('tells names apart that differ by more than case and spacing (C# and C++), and drops true repeats', () => {
    const { products, skipped } = productsOf(['C++', 'C#', 'c++', 'Google  Vertex AI', 'google vertex ai']);
    assert.deepEqual(products, [
      { name: 'C++', id: 'c', aliases: [] },
      { name: 'C#', id: 'c-sharp', aliases: [] },
      { name: 'Google Vertex AI', id: 'google-vertex-ai', aliases: ['GVA'] },
    ]);
    assert.deepEqual(skipped, ['line 11: "Search": "c++" is there already', 'line 13: "Search": "google vertex ai" is there already']);
  });
});
