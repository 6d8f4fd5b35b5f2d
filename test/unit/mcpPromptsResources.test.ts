import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { tempFolder } from './helpers';
import { connect } from './mcpClient';

const SCOPE = `version: 1
title: Vector databases
notes: research/*.md
freshness: 90
categories:
  - name: Hosted vector search
    goal: See where we stand on hosted search.
    products: [{ name: Pinecone }, { name: Weaviate }, { name: Qdrant }]
    axes: [{ name: Pricing model }, { name: Metadata filtering }]
`;
const PINECONE = '# Pinecone\n\n## Pricing model\n\nAs of 2020-01-01\n\nPay as you go; [pricing](https://example.com/p).\n';
const WEAVIATE = '# Weaviate\n\n## Metadata filtering\n\nAs of 2021-06-01\n\nFilters on any property.\n';

describe('competitor-scope mcp: prompts and resources', function () {
  this.timeout(60_000);
  let client: Client;
  let folder: string;
  before(async () => {
    folder = tempFolder({ 'competitor-scope.yaml': SCOPE, 'research/pinecone.md': PINECONE, 'research/weaviate.md': WEAVIATE });
    const secret = tempFolder({ 'secret.md': '# Qdrant\n\nA secret.\n' });
    fs.symlinkSync(path.join(secret, 'secret.md'), path.join(folder, 'research', 'qdrant.md'));
    client = await connect(folder);
  });
  after(() => client?.close());

  it('offers the scope file and each note it names as resources, and reads them', async () => {
    const { resources } = await client.listResources();
    assert.deepEqual(
      resources.map((r) => r.uri),
      ['competitor-scope://scope', 'competitor-scope://note/research/pinecone.md', 'competitor-scope://note/research/weaviate.md'],
    );
    const { resourceTemplates } = await client.listResourceTemplates();
    assert.deepEqual(
      resourceTemplates.map((t) => t.uriTemplate),
      ['competitor-scope://note/{+path}'],
    );
    const scope = await client.readResource({ uri: 'competitor-scope://scope' });
    assert.deepEqual(scope.contents, [{ uri: 'competitor-scope://scope', mimeType: 'application/yaml', text: SCOPE }]);
    const note = await client.readResource({ uri: 'competitor-scope://note/research/pinecone.md' });
    assert.equal((note.contents[0] as { text: string }).text, PINECONE);
  });

  it('reads no file the scope does not name as a note, nor one that links out of the folder', async () => {
    for (const uri of [
      'competitor-scope://note/research/qdrant.md',
      'competitor-scope://note/competitor-scope.yaml',
      'competitor-scope://note/research/..%2F..%2Fsecret.md',
    ]) {
      await assert.rejects(client.readResource({ uri }), /is not a note of the scope/, uri);
    }
  });

  it('gives the research brief of a product and of a category, and the stale answers oldest first, as prompts', async () => {
    const { prompts } = await client.listPrompts();
    assert.deepEqual(
      prompts.map((p) => p.name),
      ['research_product', 'research_category', 'review_stale'],
    );
    const text = async (name: string, args?: Record<string, string>) => {
      const { messages } = await client.getPrompt({ name, arguments: args });
      return (messages[0].content as { text: string }).text;
    };
    assert.match(await text('research_product', { product: 'Weaviate' }), /# Research brief: Weaviate[\s\S]*Pricing model/);
    assert.match(await text('research_category', { category: 'Hosted vector search' }), /### Qdrant/);
    const review = await text('review_stale');
    assert.match(review, /^Review the 2 stale answers/);
    assert.match(
      review,
      /- Pinecone, Pricing model: research\/pinecone\.md:3, as of 2020-01-01 \(limit 90 days\)\n- Weaviate, Metadata filtering: research\/weaviate\.md:3, as of 2021-06-01/,
    );
  });
});
