import * as assert from 'node:assert/strict';
import { agentInstructions, instructionsWithoutScope } from '../../src/core/brief/agentInstructions';
import { testScope } from './noteFixtures';

const SCOPE = `version: 1
title: Vector databases
subject: Ourbase
notes: research/*.md
scoring:
  scale: 5
categories:
  - name: Hosted vector search
    goal: See where we stand on hosted search.
    products: [{ name: Ourbase }, { name: Pinecone }, { name: Weaviate }]
    axes: [{ name: Pricing model }, { name: Metadata filtering }]
  - name: Libraries
    goal: Know the embedded options.
    products: [{ name: FAISS }]
    axes: [{ name: Recall at scale }]
`;

describe('the MCP server instructions', () => {
  it('state the scope, its categories with their products and axes, the note conventions on its scale, and how to cite', () => {
    const text = agentInstructions(testScope(SCOPE));
    assert.match(text, /"Vector databases", which compares other products with ours, Ourbase/);
    assert.match(
      text,
      /^- Hosted vector search: See where we stand on hosted search\. Products: Ourbase, Pinecone, Weaviate\. Axes: Pricing model, Metadata filtering\.$/m,
    );
    assert.match(text, /^- Libraries: .* Products: FAISS\. Axes: Recall at scale\.$/m);
    assert.match(text, /`Score: N` line on the scope's scale of 0 to 5/);
    assert.match(text, /`As of YYYY-MM-DD`/);
    assert.match(text, /cite the note as path:line and the source URLs/);
    const words = text.split(/\s+/).length;
    assert.ok(words > 150 && words < 600, `${words} words`);
  });

  it('name a few products per category and count the rest, so that a large scope keeps them short', () => {
    const products = Array.from({ length: 40 }, (_, i) => `{ name: Product ${i} }`).join(', ');
    const text = agentInstructions(testScope(SCOPE.replace('[{ name: FAISS }]', `[${products}]`)));
    assert.match(text, /Products: Product 0, Product 1, Product 2, Product 3, Product 4, Product 5 and 34 more\./);
    assert.doesNotMatch(text, /Product 6\b/);
  });

  it('say why the scope cannot be used and how to start one', () => {
    const text = instructionsWithoutScope('There is no competitor-scope.yaml here.');
    assert.match(text, /cannot be used: There is no competitor-scope\.yaml here\./);
    assert.match(text, /run `competitor-scope init`/);
  });
});
