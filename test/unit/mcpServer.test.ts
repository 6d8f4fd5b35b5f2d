import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { repoRoot, tempFolder } from './helpers';
import { call, connect } from './mcpClient';

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
    assert.deepEqual(tools.map((t) => t.name), ['list_scope', 'find_gaps', 'read_product', 'research_brief', 'check_notes', 'add_section']);
    assert.deepEqual(tools.filter((t) => t.annotations?.readOnlyHint).map((t) => t.name), ['list_scope', 'find_gaps', 'read_product', 'research_brief', 'check_notes']);
    const add = tools.find((t) => t.name === 'add_section');
    assert.deepEqual(add?.inputSchema.required, ['product', 'axis', 'text']);
  });

  it('answers the scope, gaps, a product, a brief and the check over the example workspace', async () => {
    const scope = JSON.parse((await call(client, 'list_scope')).text);
    assert.equal(scope.subject, 'Grid + Throughput Engine');
    assert.deepEqual(scope.categories.map((c: { id: string }) => c.id), ['python-web-frameworks', 'simulation-digital-twin', 'observability-control-planes', 'ai-development-tools']);

    const gaps = JSON.parse((await call(client, 'find_gaps', { product: 'FastAPI' })).text);
    assert.deepEqual(gaps[0].sections.map((s: { status: string; line: number | null }) => [s.status, s.line]), [['empty', 14], ['placeholder', 16], ['missing', null]]);
    const categoryGaps = JSON.parse((await call(client, 'find_gaps', { category: 'Observability, Control Planes, and Dashboards' })).text);
    assert.ok(categoryGaps.some((g: { product: { id: string } }) => g.product.id === 'datadog'));

    const django = JSON.parse((await call(client, 'read_product', { product: 'django' })).text);
    assert.equal(django[0].notes[0], 'research/django.md');
    assert.match(django[0].sections[1].text, /CSRF protection/);

    const brief = await call(client, 'research_brief', { product: 'DRF' });
    assert.match(brief.text, /^# Research brief: Django REST Framework/);
    assert.match(brief.text, /To research \(4 of 4\)/);

    const report = JSON.parse((await call(client, 'check_notes')).text);
    assert.deepEqual(Object.keys(report), ['scope', 'notes', 'products', 'findings', 'summary']);
  });

  it('adds a section to the note on disk, which then counts as answered', async () => {
    const written = await call(client, 'add_section', { product: 'FastAPI', axis: 'Dev experience, documentation, and templates', text: 'Excellent docs; the [full-stack template](https://example.invalid).' });
    assert.equal(written.isError, false, written.text);
    const note = fs.readFileSync(path.join(folder, 'research', 'fastapi.md'), 'utf8');
    assert.match(note, /## Dev experience, documentation, and templates\n\nExcellent docs; the \[full-stack template\]\(https:\/\/example\.invalid\)\.\n/);
    assert.ok(note.startsWith(fs.readFileSync(path.join(repoRoot, 'example', 'research', 'fastapi.md'), 'utf8').trimEnd()), 'the note\'s text is kept');
    const gaps = JSON.parse((await call(client, 'find_gaps', { product: 'fastapi' })).text);
    assert.equal(gaps[0].sections.length, 2);
    const again = await call(client, 'add_section', { product: 'fastapi', axis: 'dev-experience-documentation-and-templates', text: 'More.' });
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
      'team/competitor-scope.yaml': 'version: 1\ntitle: T\nnotes: ../outside/*.md\ncategories:\n  - name: Web\n    goal: G.\n    products: [{ name: Django }]\n    axes: [{ name: Pricing }]\n',
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
