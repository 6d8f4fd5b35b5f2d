import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { localDay } from '../../src/core/dates';
import { tempFolder } from './helpers';
import { connect } from './mcpClient';
import { RESEARCH_SCOPE } from './researchFixtures';

const SCOPE = RESEARCH_SCOPE.replace('categories:', 'notes: "research/**/*.md"\ncategories:');
const DJANGO = `---
product: django
---

# Django

<!-- Kept by the team: every line here stays. -->

## Pricing

As of 2020-01-10

Free and open source, BSD licence. [site](https://djangoproject.com)

Score: 3

## Support

As of 2020-02-01

Community forum. [forum](https://forum.djangoproject.com)
`;
const ACME = '---\nproduct: acme\ncategory: web\n---\n\n# Acme\n\n## Pricing\n\nAs of 2020-03-01\n\nPer seat.\n\nScore: 2\n';
const FLASK = '---\nproduct: flask\ncategory: web\n---\n\n# Flask\n\n## Pricing\n\nFree.\n\nScore: 4\n';
const LOOSE = '# Meeting\n\nNobody knew the LICENCE terms of Django.\n';

type Answer = { text: string; isError: boolean; structured: Record<string, unknown> };

describe('competitor-scope mcp: research tools over a workspace built for the test', function () {
  this.timeout(60_000);
  let client: Client;
  let folder: string;
  const note = (file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
  const ask = async (name: string, args: Record<string, unknown> = {}): Promise<Answer> => {
    // The client checks structuredContent against each tool's outputSchema, and fails the call where it does not fit.
    const result = (await client.callTool({ name, arguments: args })) as {
      content: { text: string }[];
      isError?: boolean;
      structuredContent?: Record<string, unknown>;
    };
    return {
      text: result.content.map((c) => c.text).join(''),
      isError: result.isError === true,
      structured: result.structuredContent ?? {},
    };
  };

  before(async () => {
    folder = tempFolder({
      'competitor-scope.yaml': SCOPE,
      'research/django.md': DJANGO,
      'research/acme.md': ACME,
      'research/flask.md': FLASK,
      'research/loose.md': LOOSE,
    });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: folder });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'Notes');
    client = await connect(folder);
  });
  after(() => client?.close());

  it('lists the research tools with output schemas, the readers read-only and the writers idempotent', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    for (const name of ['search_notes', 'list_stale', 'get_battlecard', 'compare_products', 'get_changes']) {
      assert.equal(byName.get(name)?.annotations?.readOnlyHint, true, name);
      assert.ok(byName.get(name)?.outputSchema, name);
    }
    for (const name of ['set_score', 'mark_reviewed', 'update_answer']) {
      const annotations = byName.get(name)?.annotations;
      assert.deepEqual([annotations?.readOnlyHint, annotations?.idempotentHint], [false, true], name);
      assert.equal(annotations?.destructiveHint, name === 'update_answer', name);
    }
  });

  it('search_notes finds a line in a linked note and in one linked to no product', async () => {
    const found = await ask('search_notes', { query: 'licence' });
    assert.ok(!found.isError, found.text);
    const hits = found.structured.hits as { file: string; line: number; axis: { name: string } | null; products: { id: string }[] }[];
    assert.deepEqual(
      hits.map((h) => [h.file, h.line, h.axis?.name ?? null, h.products.map((p) => p.id)]),
      [
        ['research/django.md', 13, 'Pricing', ['django']],
        ['research/loose.md', 3, null, []],
      ],
    );
    assert.match(found.text, /research\/django\.md:13 \[Pricing\]/);
  });

  it('list_stale lists old answers oldest first, with note, line, date and age', async () => {
    const stale = (await ask('list_stale', { category: 'web' })).structured.stale as { product: string; axis: string; line: number }[];
    assert.deepEqual(
      stale.map((s) => `${s.product}/${s.axis}:${s.line}`),
      ['django/Pricing:9', 'django/Support:17', 'acme/Pricing:8'],
    );
  });

  it('get_battlecard refuses a competitor in two categories, naming them, and gives the card in the one named', async () => {
    const ambiguous = await ask('get_battlecard', { product: 'Flask' });
    assert.ok(ambiguous.isError);
    assert.match(ambiguous.text, /web \(Web\), api \(APIs\); choose one with the category argument/);
    const card = await ask('get_battlecard', { product: 'Flask', category: 'web' });
    assert.ok(!card.isError, card.text);
    assert.equal((card.structured.battlecard as { subject: string }).subject, 'Acme');
    assert.match(card.text, /Where they lead/);
  });

  it('compare_products gives a table with a citation in each cell', async () => {
    const table = await ask('compare_products', { products: ['Django', 'Acme'], axes: ['Pricing'] });
    assert.ok(!table.isError, table.text);
    const rows = table.structured.rows as {
      product: { id: string };
      cells: { file: string; line: number; score: number; sources: string[] }[];
    }[];
    assert.deepEqual(
      rows.map((r) => [r.product.id, r.cells[0].file, r.cells[0].line, r.cells[0].score]),
      [
        ['django', 'research/django.md', 9, 3],
        ['acme', 'research/acme.md', 8, 2],
      ],
    );
    assert.match(table.text, /\| Django \| score 3 \(research\/django\.md:9\), stale \|/);
  });

  it('set_score, mark_reviewed and update_answer edit one answer, keep every other line, and write nothing the second time', async () => {
    const scored = await ask('set_score', { product: 'Django', axis: 'Pricing', score: 4 });
    assert.ok(!scored.isError && scored.structured.written === true, scored.text);
    assert.equal(note('research/django.md'), DJANGO.replace('Score: 3', 'Score: 4/4'));
    assert.equal((await ask('set_score', { product: 'Django', axis: 'Pricing', score: 4 })).structured.written, false);
    const offScale = await ask('set_score', { product: 'Django', axis: 'Pricing', score: 9 });
    assert.ok(offScale.isError);
    assert.match(offScale.text, /nothing was written/i);

    const reviewed = await ask('mark_reviewed', { product: 'Django', axis: 'Support' });
    assert.ok(!reviewed.isError, reviewed.text);
    assert.ok(note('research/django.md').includes(`As of ${localDay()}\n\nCommunity forum.`));
    assert.equal((await ask('mark_reviewed', { product: 'Django', axis: 'Support' })).structured.written, false);

    const before = note('research/django.md');
    const stale = await ask('update_answer', { product: 'Django', axis: 'Pricing', text: 'Paid plans.', hash: '' });
    assert.ok(stale.isError);
    const current = /its hash is now ([0-9a-f]+)/.exec(stale.text)?.[1];
    assert.ok(current, stale.text);
    assert.equal(note('research/django.md'), before);
    const updated = await ask('update_answer', { product: 'Django', axis: 'Pricing', text: 'Paid plans.', hash: current });
    assert.ok(!updated.isError, updated.text);
    const after = note('research/django.md');
    assert.ok(after.includes('## Pricing\n\nAs of') && after.includes('Paid plans.\n\n## Support'), after);
    assert.ok(after.includes('<!-- Kept by the team: every line here stays. -->'));
    assert.equal(
      (await ask('update_answer', { product: 'Django', axis: 'Pricing', text: 'Paid plans.', hash: current })).structured.written,
      false,
    );
  });

  it('get_changes tells what changed in the working tree since a ref, and refuses a ref that reads as an option', async () => {
    fs.writeFileSync(path.join(folder, 'research/flask.md'), FLASK.replace('Score: 4', 'Score: 1'));
    const changes = await ask('get_changes', { base: 'main' });
    assert.ok(!changes.isError, changes.text);
    const listed = changes.structured.changes as { product: { id: string }; axis: { id: string }; kinds: string[] }[];
    assert.ok(
      listed.some((c) => c.product.id === 'flask' && c.axis.id === 'pricing' && c.kinds.includes('score')),
      JSON.stringify(listed),
    );
    const refused = await ask('get_changes', { base: '--upload-pack=x' });
    assert.ok(refused.isError);
  });
});
