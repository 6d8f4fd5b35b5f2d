import * as assert from 'node:assert/strict';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { tempFolder } from './helpers';
import { connect } from './mcpClient';

const AXES = ['Pricing', 'Security', 'Performance', 'Documentation', 'Support'];
const PRODUCTS = ['Ourbase', ...Array.from({ length: 11 }, (_, i) => `Rival ${i + 1}`)];

/** 12 products × 5 axes, each note answering three axes (scored, dated, cited), one a placeholder, one missing; Rival 1 is in two categories. */
function twelveProducts(): string {
  const files: Record<string, string> = {
    'competitor-scope.yaml': [
      'version: 1',
      'title: Databases we meet',
      'subject: Ourbase',
      'notes: research/*.md',
      'categories:',
      '  - name: Managed databases',
      '    goal: Know where each managed database leads.',
      `    products: [${PRODUCTS.map((name) => `{ name: ${name} }`).join(', ')}]`,
      `    axes: [${AXES.map((name) => `{ name: ${name}, description: What the ${name.toLowerCase()} of a product is. }`).join(', ')}]`,
      '  - name: Edge caches',
      '    goal: Know the caches.',
      '    products: [{ name: Ourbase }, { name: Rival 1 }]',
      '    axes: [{ name: Latency }]',
      '',
    ].join('\n'),
  };
  PRODUCTS.forEach((name, i) => {
    const answer = (axis: string) =>
      `## ${axis}\n\nScore: ${i % 5}\n\nAs of 2026-0${(i % 9) + 1}-01\n\n${name} does ${axis.toLowerCase()} well; see [the docs](https://example.com/${i}/${axis}).\n`;
    files[`research/${name.toLowerCase().replace(' ', '-')}.md`] =
      `---\nproduct: ${name}\ncategory: Managed databases\n---\n\n# ${name}\n\n${AXES.slice(0, 3).map(answer).join('\n')}\n## Documentation\n\nTODO\n`;
  });
  return tempFolder(files);
}

type Result = { content: { type: string; text: string }[]; structuredContent?: Record<string, unknown>; isError?: boolean };

describe('competitor-scope mcp: structured, compact, cited answers', function () {
  this.timeout(60_000);
  let client: Client;
  before(async () => {
    client = await connect(twelveProducts());
  });
  after(() => client?.close());

  const tool = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as Result;

  it('sends instructions built from the scope: its categories, products and axes, the conventions and how to cite', () => {
    const instructions = client.getInstructions() ?? '';
    assert.match(instructions, /"Databases we meet", which compares other products with ours, Ourbase/);
    assert.match(instructions, /Managed databases: .* Products: Ourbase, Rival 1, .* and 6 more\. Axes: Pricing, Security, .*Support\./);
    assert.match(instructions, /`Score: N` line on the scope's scale of 0 to 4/);
    assert.match(instructions, /cite the note as path:line/);
  });

  it("gives the scope's own products and axes as examples in the descriptions, never another scope's", async () => {
    const { tools } = await client.listTools();
    const read = tools.find((t) => t.name === 'add_section')?.inputSchema.properties ?? {};
    assert.match(JSON.stringify(read), /e\.g\. \\"Ourbase\\", \\"Rival 1\\"/);
    assert.match(JSON.stringify(read), /e\.g\. \\"Pricing\\", \\"Security\\"/);
    assert.doesNotMatch(JSON.stringify(tools), /django|DRF/i);
  });

  it('answers every tool with structured content the client checks against its output schema, and the same as text', async () => {
    for (const [name, args] of [
      ['list_scope', {}],
      ['find_gaps', { category: 'Managed databases' }],
      ['read_product', { product: 'Rival 2', detail: 'full' }],
      ['check_notes', {}],
      ['check_notes', { detail: 'full' }],
    ] as const) {
      const result = await tool(name, args);
      assert.notEqual(result.isError, true, `${name}: ${result.content[0]?.text}`);
      assert.deepEqual(result.structuredContent, JSON.parse(result.content[0].text), name);
    }
    const brief = await tool('research_brief', { product: 'Rival 3', category: 'Managed databases' });
    assert.equal(brief.structuredContent?.brief, brief.content[0].text);
    assert.match(brief.content[0].text, /^# Research brief: Rival 3/);
  });

  it('gives each answer with its citation: note, line, sources, date, stale and unsourced', async () => {
    const rival = (await tool('read_product', { product: 'rival-2' })).structuredContent as {
      sections: { axis: { name: string }; status: string; file: string; line: number; text?: string; sources?: string[]; asOf?: string }[];
    };
    assert.deepEqual(rival.sections[0], {
      ...rival.sections[0],
      status: 'answered',
      file: 'research/rival-2.md',
      line: 8,
      sources: ['https://example.com/2/Pricing'],
      asOf: '2026-03-01',
      stale: false,
      unsourced: false,
    });
    assert.equal(rival.sections[0].text, undefined, 'the whole text only with detail "full"');
    assert.deepEqual(
      rival.sections.map((s) => s.status),
      ['answered', 'answered', 'answered', 'placeholder', 'missing'],
    );
  });

  it('checks 12 products in a few KB by default, each with its gaps, and in full on request', async () => {
    const summary = await tool('check_notes');
    const bytes = Buffer.byteLength(summary.content[0].text);
    assert.ok(bytes < 3_000, `${bytes} bytes`);
    const products = summary.structuredContent?.products as { product: string; gaps: string[] }[];
    assert.equal(products.length, 14);
    assert.deepEqual(products.find((p) => p.product === 'rival-5')?.gaps, ['documentation', 'support']);
    assert.doesNotMatch(summary.content[0].text, /\n/, 'no pretty-printing');
    const full = await tool('check_notes', { detail: 'full' });
    assert.ok(Buffer.byteLength(full.content[0].text) > 3 * bytes);
  });

  it('refuses a product in several categories without one, naming them and the category argument, in every read tool', async () => {
    for (const [name, args] of [
      ['read_product', { product: 'Rival 1' }],
      ['find_gaps', { product: 'Rival 1' }],
      ['research_brief', { product: 'rival-1' }],
    ] as const) {
      const result = await tool(name, args);
      assert.equal(result.isError, true, name);
      assert.equal(
        result.content[0].text,
        `"${args.product}" is in 2 categories (Managed databases; Edge caches): name one with the category argument.`,
      );
    }
    const one = await tool('read_product', { product: 'Rival 1', category: 'Edge caches' });
    assert.notEqual(one.isError, true, one.content[0].text);
  });
});

describe('competitor-scope mcp without a usable scope file', function () {
  this.timeout(60_000);

  it('says so in its instructions and names competitor-scope init', async () => {
    const client = await connect(tempFolder({}));
    try {
      assert.match(
        client.getInstructions() ?? '',
        /its scope file cannot be used: .*no competitor-scope\.yaml.*\n.*run `competitor-scope init`/s,
      );
    } finally {
      await client.close();
    }
  });

  it('gives the problems of a scope file that cannot be used, each with its line, and says so in its instructions', async () => {
    const client = await connect(tempFolder({ 'competitor-scope.yaml': 'version: 1\ntitle: T\ncategories: 7\n' }));
    try {
      assert.match(client.getInstructions() ?? '', /its scope file cannot be used: .*competitor-scope\.yaml is invalid: /);
      const check = (await client.callTool({ name: 'check_notes', arguments: {} })) as Result;
      const findings = check.structuredContent?.findings as { code: string; line: number; message: string }[];
      assert.ok(
        findings.length > 0 && findings.every((f) => f.code === 'invalid-scope' && f.line >= 1 && f.message !== ''),
        check.content[0].text,
      );
    } finally {
      await client.close();
    }
  });
});
