import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chatAnswer } from '../../src/core/brief/chatAnswers';
import { planSectionWrite } from '../../src/core/brief/sectionWrite';
import { briefSubject, researchBrief } from '../../src/core/brief/researchBrief';
import { tempFolder } from './helpers';
import { call, connect } from './mcpClient';
import { indexOf, testScope } from './noteFixtures';

const SCOPE =
  'version: 1\ntitle: Vector databases\nnotes: "research/*.md"\ncategories:\n  - id: db\n    name: Vector databases\n    goal: Choose one.\n    products: [{ name: Pinecone }, { name: Qdrant }]\n    axes: [{ name: Hybrid search }, { name: Pricing model }, { name: Metadata filtering }]\n';
/** Pinecone's pricing written under "## Pricing": a near miss of "Pricing model", which stays missing. */
const PINECONE =
  '---\nproduct: pinecone\n---\n\n# Pinecone\n\n## Pricing\n\nServerless, per read and write unit.\n\n## Hybrid search\n\nSparse-dense vectors.\n';
const PINECONE_PATH = 'research/pinecone.md';
const pinecone = { categoryId: 'db', productId: 'pinecone' };

describe('near misses as agents see them', () => {
  it('the brief says which heading probably answers an axis that has no section', () => {
    const index = indexOf({ [PINECONE_PATH]: PINECONE }, testScope(SCOPE));
    const subject = briefSubject(index, { product: 'Pinecone' });
    assert.ok(subject.ok);
    const brief = researchBrief(index, subject.value);
    assert.ok(
      brief.includes(
        '- **Pricing model**: no section yet, but `research/pinecone.md:7` probably answers it (heading: Pricing): rename the heading to the axis name instead of adding a section.\n',
      ),
      brief,
    );
    assert.ok(brief.includes('- **Metadata filtering**: no section yet.\n'), 'an axis no heading comes near is plainly missing');
  });

  it('the chat participant’s /gaps says which heading probably answers an axis that has no section', () => {
    const index = indexOf({ [PINECONE_PATH]: PINECONE }, testScope(SCOPE));
    const rows = chatAnswer(index, 'gaps', 'Pinecone').markdown.split('\n');
    assert.ok(
      rows.includes('| Pinecone | Pricing model | Missing | probably answered by `research/pinecone.md:7` (heading: Pricing) |'),
      rows.join('\n'),
    );
    assert.ok(rows.includes('| Pinecone | Metadata filtering | Missing | — |'), 'an axis no heading comes near is plainly missing');
  });

  it('add_section (the writer behind the MCP and language-model tools) refuses an axis a near-miss heading probably answers, naming it', () => {
    const index = indexOf({ [PINECONE_PATH]: PINECONE }, testScope(SCOPE));
    const read = (p: string) => (p === PINECONE_PATH ? PINECONE : undefined);
    const refused = planSectionWrite(index, pinecone, 'pricing-model', 'Pay as you go.', read);
    assert.deepEqual(refused, {
      ok: false,
      message:
        '"Pricing model" is probably answered already under the heading "Pricing" (research/pinecone.md:7), which comes near its name: rename that heading to "Pricing model" instead of adding a second section beside it; nothing was written.',
    });
    const written = planSectionWrite(index, pinecone, 'metadata-filtering', 'Filters on any field.', read);
    assert.ok(written.ok, 'an axis no heading comes near is written as before');
  });

  it('decides on the note as it is now: a near-miss heading written since the index was made is seen', () => {
    const older = indexOf({ [PINECONE_PATH]: '---\nproduct: pinecone\n---\n\n# Pinecone\n' }, testScope(SCOPE));
    const refused = planSectionWrite(older, pinecone, 'pricing-model', 'Pay as you go.', (p) =>
      p === PINECONE_PATH ? PINECONE : undefined,
    );
    assert.ok(!refused.ok && refused.message.includes('"Pricing" (research/pinecone.md:7)'), refused.ok ? 'written' : refused.message);
  });

  it('over MCP: read_product lists the near-miss heading, and add_section refuses and leaves the note as it was', async function () {
    this.timeout(60_000);
    const folder = tempFolder({ 'competitor-scope.yaml': SCOPE, [PINECONE_PATH]: PINECONE });
    const client = await connect(folder);
    try {
      const facts = JSON.parse((await call(client, 'read_product', { product: 'Pinecone' })).text) as {
        sections: { axis: { name: string }; status: string; probablyAnsweredBy?: unknown }[];
      };
      const byName = Object.fromEntries(facts.sections.map((s) => [s.axis.name, s]));
      assert.equal(byName['Pricing model'].status, 'missing');
      assert.deepEqual(byName['Pricing model'].probablyAnsweredBy, [{ file: PINECONE_PATH, line: 7, heading: 'Pricing' }]);
      assert.equal(byName['Metadata filtering'].probablyAnsweredBy, undefined);
      const refused = await call(client, 'add_section', { product: 'Pinecone', axis: 'Pricing model', text: 'Pay as you go.' });
      assert.ok(refused.isError, refused.text);
      assert.match(refused.text, /under the heading "Pricing" \(research\/pinecone\.md:7\)/);
    } finally {
      await client.close();
    }
    assert.equal(fs.readFileSync(path.join(folder, PINECONE_PATH), 'utf8'), PINECONE);
  });
});
