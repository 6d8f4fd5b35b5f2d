import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { localDay } from '../../src/core/dates';
import { checkReport } from '../../src/node/check';
import { loadWorkspace } from '../../src/node/workspace';
import { gapFacts, scopeListing, selectTargets } from '../../src/core/brief/scopeFacts';
import { noGitDates } from '../../src/git/gitDates';
import { repoRoot, tempFolder } from './helpers';
import { call, cli, connect, stderrOf, type TextResult } from './mcpClient';

function copyExample(): string {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(repoRoot, 'example', dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else files[relative] = fs.readFileSync(path.join(repoRoot, 'example', relative), 'utf8');
    }
  };
  walk('');
  return tempFolder(files);
}

describe('competitor-scope mcp', function () {
  this.timeout(60_000);
  let client: Client;
  let folder: string;
  before(async () => {
    folder = copyExample();
    client = await connect(folder);
  });
  after(() => client?.close());

  it('lists its six tools, the read-only ones marked so, each with an input schema', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).slice(0, 6), [
      'list_scope',
      'find_gaps',
      'read_product',
      'research_brief',
      'check_notes',
      'add_section',
    ]);
    assert.deepEqual(
      tools.filter((t) => t.annotations?.readOnlyHint).map((t) => t.name),
      [
        'list_scope',
        'find_gaps',
        'read_product',
        'research_brief',
        'check_notes',
        'search_notes',
        'list_stale',
        'get_battlecard',
        'compare_products',
        'get_changes',
      ],
    );
    const add = tools.find((t) => t.name === 'add_section');
    assert.deepEqual(add?.inputSchema.required, ['product', 'axis', 'text']);
    assert.deepEqual(
      tools.filter((t) => t.outputSchema?.type === 'object').map((t) => t.name),
      tools.map((t) => t.name),
    );
  });

  it('answers the scope, gaps, a product, a brief and the check over the example workspace', async () => {
    const scope = JSON.parse((await call(client, 'list_scope')).text);
    assert.equal(scope.subject, 'Grid + Throughput Engine');
    assert.deepEqual(
      scope.categories.map((c: { id: string }) => c.id),
      ['python-web-frameworks', 'simulation-digital-twin', 'observability-control-planes', 'ai-development-tools'],
    );

    const gaps = JSON.parse((await call(client, 'find_gaps', { product: 'FastAPI' })).text).products;
    assert.deepEqual(
      gaps[0].sections.map((s: { status: string; line: number | null }) => [s.status, s.line]),
      [
        ['empty', 14],
        ['placeholder', 16],
        ['missing', null],
      ],
    );
    const categoryGaps = JSON.parse(
      (await call(client, 'find_gaps', { category: 'Observability, Control Planes, and Dashboards' })).text,
    ).products;
    assert.ok(categoryGaps.some((g: { product: { id: string } }) => g.product.id === 'datadog'));

    const django = JSON.parse((await call(client, 'read_product', { product: 'django', detail: 'full' })).text);
    assert.equal(django.notes[0], 'research/django.md');
    assert.match(django.sections[1].text, /CSRF protection/);

    const brief = await call(client, 'research_brief', { product: 'DRF' });
    assert.match(brief.text, /^# Research brief: Django REST Framework/);
    assert.match(brief.text, /To research \(4 of 4\)/);

    const report = JSON.parse((await call(client, 'check_notes', { detail: 'full' })).text);
    assert.deepEqual(Object.keys(report), ['scope', 'notes', 'products', 'findings', 'summary', 'subject']);
  });

  it('adds a section to the note on disk, dated today, which then counts as answered', async () => {
    const dayBefore = localDay();
    const written = await call(client, 'add_section', {
      product: 'FastAPI',
      axis: 'Dev experience, documentation, and templates',
      text: 'Excellent docs; the [full-stack template](https://example.invalid).',
    });
    assert.equal(written.isError, false, written.text);
    const note = fs.readFileSync(path.join(folder, 'research', 'fastapi.md'), 'utf8');
    assert.match(
      note,
      /## Dev experience, documentation, and templates\n\nAs of \d{4}-\d{2}-\d{2}\n\nExcellent docs; the \[full-stack template\]\(https:\/\/example\.invalid\)\.\n/,
    );
    const dated = /As of (\d{4}-\d{2}-\d{2})\n\nExcellent docs/.exec(note)?.[1];
    assert.ok(dated === dayBefore || dated === localDay(), `dated ${dated}, the day it was written`);
    assert.ok(
      note.startsWith(fs.readFileSync(path.join(repoRoot, 'example', 'research', 'fastapi.md'), 'utf8').trimEnd()),
      "the note's text is kept",
    );
    const gaps = JSON.parse((await call(client, 'find_gaps', { product: 'fastapi' })).text);
    assert.equal(gaps.products[0].sections.length, 2);
    const again = await call(client, 'add_section', {
      product: 'fastapi',
      axis: 'dev-experience-documentation-and-templates',
      text: 'More.',
    });
    assert.ok(again.isError && again.text.includes('already answers'));
  });

  it('answers bad input with an MCP error and keeps serving', async () => {
    const unknown = await call(client, 'read_product', { product: 'Djangoo' });
    assert.ok(unknown.isError);
    assert.match(unknown.text, /"Djangoo" is not a product of the scope; did you mean Django/);
    const missing = await call(client, 'add_section', { product: 'django', text: 'x' });
    assert.ok(missing.isError);
    assert.match(missing.text, /axis/);
    const badAxis = await call(client, 'add_section', { product: 'django', axis: 'Pricing', text: 'x' });
    assert.ok(badAxis.isError && badAxis.text.includes('not an axis'));
    assert.equal((await call(client, 'list_scope')).isError, false);
  });

  it('refuses to write a note outside the notes folder', async () => {
    const root = tempFolder({
      'team/competitor-scope.yaml':
        'version: 1\ntitle: T\nnotes: ../outside/*.md\ncategories:\n  - name: Web\n    goal: G.\n    products: [{ name: Django }]\n    axes: [{ name: Pricing }]\n',
    });
    const outside = await connect(path.join(root, 'team'));
    try {
      const refused = await call(outside, 'add_section', { product: 'Django', axis: 'Pricing', text: 'Free.' });
      assert.ok(refused.isError);
      assert.match(refused.text, /outside the notes folder|must stay inside the scope file's folder/);
      assert.equal(fs.existsSync(path.join(root, 'outside')), false);
    } finally {
      await outside.close();
    }
  });
});

describe('competitor-scope mcp: message sizes', function () {
  this.timeout(600_000);

  it('answers a request over the size limit with an error naming it, says so on stderr, and serves the next request', async () => {
    const client = await connect(copyExample());
    try {
      const huge = { product: 'x'.repeat(11 * 1024 * 1024) };
      await assert.rejects(client.callTool({ name: 'read_product', arguments: huge }), (error: unknown) => {
        assert.ok(error instanceof McpError, String(error));
        assert.equal(error.code, ErrorCode.InvalidRequest);
        assert.match(error.message, /The message is 11 MiB, more than the 1 MiB a message may be; it was not read\./);
        return true;
      });
      assert.match(stderrOf.get(client)?.() ?? '', /^competitor-scope mcp: refused a message of 11 MiB; messages may be at most 1 MiB\.$/m);
      const django = await call(client, 'read_product', { product: 'django' });
      assert.equal(django.isError, false, django.text);
    } finally {
      await client.close();
    }
  });

  it('answers a line over the limit without a readable id, and a line that is not JSON, with errors without an id, and goes on', async () => {
    const server = spawn(process.execPath, [cli, 'mcp', copyExample()], { stdio: ['pipe', 'pipe', 'ignore'] });
    const replies = readline.createInterface({ input: server.stdout })[Symbol.asyncIterator]();
    const reply = async () => JSON.parse(String((await replies.next()).value ?? 'null'));
    try {
      const send = (message: object) => server.stdin.write(`${JSON.stringify(message)}\n`);
      send({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
      });
      assert.equal((await reply()).id, 1);
      send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      server.stdin.write(`[${'7,'.repeat(6 * 1024 * 1024)}7]\n`);
      server.stdin.write('{"jsonrpc": "2.0", "id": 2, "method": \n');
      send({ jsonrpc: '2.0', id: 3, method: 'tools/list' });
      assert.deepEqual(await reply(), {
        jsonrpc: '2.0',
        error: { code: ErrorCode.InvalidRequest, message: 'The message is 12 MiB, more than the 1 MiB a message may be; it was not read.' },
      });
      assert.deepEqual(await reply(), { jsonrpc: '2.0', error: { code: ErrorCode.ParseError, message: 'The message is not JSON.' } });
      const tools = await reply();
      assert.equal(tools.id, 3);
      assert.equal(tools.result.tools.length, 14);
    } finally {
      server.kill();
    }
  });

  describe('at 10,000 products × 6 axes', () => {
    const AXES = ['Pricing', 'Security', 'Performance', 'Docs', 'Ecosystem', 'Support'];
    let folder: string;
    let client: Client;
    before(async () => {
      const categories = [0, 1, 2, 3].map((c) =>
        [
          `  - name: Category ${c}`,
          `    goal: Compare the products of category ${c}.`,
          `    products: [${Array.from({ length: 2500 }, (_, p) => `{name: Product ${c}-${p}}`).join(', ')}]`,
          `    axes: [${AXES.map((axis) => `{name: ${axis}, description: What the ${axis.toLowerCase()} of a product is.}`).join(', ')}]`,
        ].join('\n'),
      );
      const files: Record<string, string> = {
        'competitor-scope.yaml': `version: 1\ntitle: Large\nnotes: research/*.md\ncategories:\n${categories.join('\n')}\n`,
      };
      // Every tenth product has a note: one axis answered, one a placeholder, one empty.
      for (let p = 0; p < 2500; p += 10) {
        files[`research/product-${p % 4}-${p}.md`] =
          '## Pricing\n\nFree. As of 2025-01-01. [Plans](https://example.com/plans)\n\n## Security\n\nTODO\n\n## Docs\n';
      }
      folder = tempFolder(files);
      client = await connect(folder);
    });
    after(() => client?.close());

    /** Every page of a tool's answer, following nextCursor, each checked to fit in a reply of 1 MB. */
    async function pages(
      tool: string,
      cursorOf: (text: string) => string | undefined,
      args: Record<string, unknown> = {},
    ): Promise<string[]> {
      const texts: string[] = [];
      let cursor: string | undefined;
      do {
        const result = (await client.callTool({ name: tool, arguments: cursor === undefined ? args : { ...args, cursor } }, undefined, {
          timeout: 300_000,
        })) as TextResult;
        const reply = Buffer.byteLength(JSON.stringify({ result, jsonrpc: '2.0', id: 100 }));
        assert.ok(reply <= 1_000_000, `a reply of ${tool} is ${reply} bytes`);
        assert.notEqual(result.isError, true, result.content[0].text);
        const text = result.content[0].text;
        texts.push(text);
        cursor = cursorOf(text);
        // The same answer as structured content: the brief's Markdown and cursor, or the JSON the text is.
        const brief = { brief: text, ...(cursor === undefined ? {} : { nextCursor: cursor }) };
        assert.deepEqual(
          (result as { structuredContent?: object }).structuredContent,
          tool === 'research_brief' ? brief : JSON.parse(text),
        );
      } while (cursor !== undefined);
      return texts;
    }
    const jsonCursor = (text: string) => JSON.parse(text).nextCursor as string | undefined;

    it('gives the gaps in pages of at most 1 MB that hold every product with gaps once', async () => {
      const answer = (await pages('find_gaps', jsonCursor)).map((text) => JSON.parse(text));
      assert.ok(answer.length > 1, 'more than one page');
      const workspace = await loadWorkspace({ folder, git: noGitDates });
      assert.ok(workspace.ok);
      const targets = selectTargets(workspace.index, {});
      assert.ok(targets.ok);
      assert.deepEqual(
        answer.flatMap((page) => page.products),
        JSON.parse(JSON.stringify(gapFacts(workspace.index, targets.value))),
      );
    });

    it('gives the check in pages of at most 1 MB that hold every product and every finding once, each with the summary', async () => {
      const answer = (await pages('check_notes', jsonCursor, { detail: 'full' })).map((text) => JSON.parse(text));
      assert.ok(answer.length > 1, 'more than one page');
      const { report } = await checkReport({ folder, git: noGitDates, format: 'json', maxMissing: 0 });
      assert.deepEqual(
        answer.flatMap((page) => page.products),
        JSON.parse(JSON.stringify(report.products)),
      );
      assert.deepEqual(
        answer.flatMap((page) => page.findings),
        JSON.parse(JSON.stringify(report.findings)),
      );
      for (const page of answer) assert.deepEqual(page.summary, report.summary);
    });

    it('lists the scope and writes the brief of every gap in pages, each product once', async () => {
      const listing = (await pages('list_scope', jsonCursor)).map((text) => JSON.parse(text));
      const workspace = await loadWorkspace({ folder, git: noGitDates });
      assert.ok(workspace.ok);
      const products = (page: { categories: { id: string; products: { id: string }[] }[] }) =>
        page.categories.flatMap((c) => c.products.map((p) => `${c.id}/${p.id}`));
      assert.deepEqual(listing.flatMap(products), products(JSON.parse(JSON.stringify(scopeListing(workspace.index)))));

      const brief = await pages('research_brief', (text) => /nextCursor: (\S+)/.exec(text)?.[1]);
      assert.ok(brief.length > 1, 'more than one page');
      const headings = brief.join('').match(/^### .*$/gm) ?? [];
      assert.equal(headings.length, 10_000, 'every product has gaps');
      assert.equal(new Set(headings).size, headings.length);
      assert.ok(brief.every((page) => page.startsWith('# Research brief: every gap\n')));
      assert.match(brief.at(-1) ?? '', /## Conventions/);
    });

    it('refuses a cursor it did not give, or one for other arguments, saying why', async () => {
      const bad = await call(client, 'find_gaps', { cursor: 'not-a-cursor' });
      assert.ok(bad.isError);
      assert.match(
        bad.text,
        /That is not a cursor find_gaps gave: pass the nextCursor of its last answer as it is, or no cursor for the first page\./,
      );
      const { nextCursor } = JSON.parse((await call(client, 'find_gaps', { category: 'Category 1' })).text);
      const other = await call(client, 'find_gaps', { category: 'Category 2', cursor: nextCursor });
      assert.ok(other.isError);
      assert.match(other.text, /other arguments: call find_gaps with the same arguments as for the first page/);
      const elsewhere = await call(client, 'research_brief', { category: 'Category 1', cursor: nextCursor });
      assert.match(elsewhere.text, /not a cursor research_brief gave/);
    });
  });
});
