import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { repoRoot } from './helpers';
import { connect } from './mcpClient';

type Result = { content: { type: string; text: string }[]; structuredContent?: Record<string, unknown>; isError?: boolean };

/** A copy of example/ committed to a git repository of its own, so that get_changes has a history to read. */
function exampleRepository(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'competitor-scope-example-'));
  fs.cpSync(path.join(repoRoot, 'example'), folder, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
      cwd: folder,
      env: { ...process.env, GIT_AUTHOR_DATE: '2025-05-01T10:00:00Z', GIT_COMMITTER_DATE: '2025-05-01T10:00:00Z' },
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'Notes');
  return folder;
}

// What an agent meets on the example workspace: every tool the server lists, called once, its structured answer
// checked by the SDK's client against the tool's output schema; the resources, a prompt and the instructions.
describe('competitor-scope mcp on example/: every tool, resource and prompt', function () {
  this.timeout(120_000);
  let client: Client;
  let folder: string;
  before(async () => {
    folder = exampleRepository();
    client = await connect(folder);
  });
  after(() => client?.close());

  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as Result;

  it('answers every tool it lists with content that matches its output schema', async () => {
    const django = { product: 'Django', category: 'python-web-frameworks' };
    const calls: Record<string, Record<string, unknown>> = {
      list_scope: {},
      find_gaps: { product: 'FastAPI' },
      read_product: django,
      research_brief: { product: 'FastAPI' },
      check_notes: {},
      search_notes: { query: 'batteries' },
      list_stale: {},
      get_battlecard: django,
      compare_products: { products: ['Django', 'FastAPI'] },
      get_changes: { base: 'HEAD' },
      set_score: { ...django, axis: 'Architecture guidance and opinionation', score: 4 },
      mark_reviewed: { ...django, axis: 'Testing strategy and coverage expectations' },
      add_section: {
        product: 'FastAPI',
        axis: 'Dev experience, documentation, and templates',
        text: 'Typer-like CLI; see [docs](https://fastapi.tiangolo.com/).',
      },
    };
    const { tools } = await client.listTools();
    const listed = tools.map((t) => t.name).filter((name) => name !== 'update_answer');
    assert.deepEqual([...listed].sort(), Object.keys(calls).sort(), 'every tool but update_answer is called here; update_answer below');
    for (const name of listed) {
      const result = await call(name, calls[name]);
      assert.notEqual(result.isError, true, `${name}: ${result.content[0]?.text}`);
      assert.ok(result.structuredContent, `${name} answers with structured content`);
    }
    const axis = { ...django, axis: 'Architecture guidance and opinionation' };
    const refused = await call('update_answer', { ...axis, text: 'A framework with opinions.', hash: '0000000000000000' });
    assert.equal(refused.isError, true);
    const current = /its hash is now ([0-9a-f]{16})/.exec(refused.content[0].text)?.[1];
    assert.ok(current, refused.content[0].text);
    const updated = await call('update_answer', {
      ...axis,
      text: 'A framework with opinions, per [the docs](https://docs.djangoproject.com/).',
      hash: current,
    });
    assert.notEqual(updated.isError, true, updated.content[0]?.text);
    assert.match(fs.readFileSync(path.join(folder, 'research', 'django.md'), 'utf8'), /A framework with opinions, per \[the docs\]/);
  });

  it('offers the scope and the notes as resources, the brief as a prompt, and instructions naming the scope', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    assert.ok(uris.includes('competitor-scope://scope'), uris.join(', '));
    assert.ok(uris.includes('competitor-scope://note/research/django.md'), uris.join(', '));
    const note = await client.readResource({ uri: 'competitor-scope://note/research/django.md' });
    assert.match(JSON.stringify(note.contents), /Architecture guidance and opinionation/);
    const prompt = await client.getPrompt({ name: 'research_product', arguments: { product: 'FastAPI' } });
    assert.match(JSON.stringify(prompt.messages), /FastAPI/);
    assert.match(client.getInstructions() ?? '', /Competitor Scope for Grid \+ Throughput Engine/);
  });
});
