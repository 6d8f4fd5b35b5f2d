import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { WORKERS_VARIABLE } from '../../src/node/noteWorkerPool';
import type { ScopeView } from '../../src/activate';
import { extensionApi } from './api';
import { waitFor, workspaceFolder, workspacePath, workspaceUri } from './helpers';

/**
 * The desktop extension parses the notes it reads in bulk on worker threads (above a few hundred notes, on more than
 * one core; COMPETITOR_SCOPE_WORKERS, read at each bulk read, sets how many, whatever the number of notes). Two
 * nested scopes of the same notes, one read on worker threads and one on the host's thread, must show the same.
 */
const NOTES = 40;
const SCOPE = `version: 1
title: Bulk
notes: "research/*.md"
freshness: 30
categories:
  - id: queues
    name: Message Queues
    goal: Compare.
    products:
${['Kafka', 'RabbitMQ', 'NATS', 'Pulsar'].map((name) => `      - name: ${name}`).join('\n')}
    axes:
      - name: Delivery guarantees
      - name: Operations
      - name: Pricing
`;
const PRODUCTS = ['kafka', 'rabbitmq', 'nats', 'pulsar'];
const AXES = ['Delivery guarantees', 'Operations', 'Pricing'];

/** Notes with answered (and stale), placeholder and missing sections, misspelt headings and sources: each section has a diagnostic. */
function note(i: number): string {
  const sections = AXES.filter((_, a) => (i + a) % 3 !== 0).map((axis, a) =>
    (i + a) % 4 === 0
      ? `## ${axis}\n\nTBD\n`
      : `## ${i % 5 === 0 ? `${axis}s` : axis}\n\nAs of 2025-0${1 + (i % 9)}-01: answer ${i}, see [docs](https://example.com/${i}/${a}).\n`,
  );
  return `---\nproduct: ${PRODUCTS[i % PRODUCTS.length]}\n---\n# Note ${i}\n\n${sections.join('\n')}`;
}

/** Writes a nested scope of the notes with the variable set as given, and returns it once every note is analyzed. */
async function readScope(folder: string, workers: string): Promise<ScopeView> {
  const api = await extensionApi();
  process.env[WORKERS_VARIABLE] = workers;
  mkdirSync(workspacePath(folder, 'research'), { recursive: true });
  for (let i = 0; i < NOTES; i++) writeFileSync(workspacePath(folder, 'research', `note-${i}.md`), note(i));
  writeFileSync(workspacePath(folder, 'competitor-scope.yaml'), SCOPE);
  const label = `${workspaceFolder().name}/${folder}`;
  const scope = () => api.scopes().find((view) => view.label === label);
  return waitFor(
    () => (scope()?.notes.paths().length === NOTES ? scope() : undefined),
    () => `the scope in ${folder} to read its notes (${api.scopes().map((view) => `${view.label}: ${view.notes.paths().length}`)})`,
    { timeoutMs: 30_000 },
  );
}

const shown = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).map((d) => [d.message, d.range.start.line, d.range.start.character, d.severity]);

describe('notes read in bulk on worker threads', function () {
  this.timeout(90_000);
  const before = process.env[WORKERS_VARIABLE];
  const folders = ['bulk-workers', 'bulk-thread'];

  after(async () => {
    if (before === undefined) delete process.env[WORKERS_VARIABLE];
    else process.env[WORKERS_VARIABLE] = before;
    // The scope files first: the watcher of scope files reports their deletion, not their folder's.
    for (const folder of folders) rmSync(workspacePath(folder, 'competitor-scope.yaml'), { force: true });
    const api = await extensionApi();
    await waitFor(() => api.scopes().length === 1, 'the nested scopes to go with their scope files', { timeoutMs: 30_000 });
    for (const folder of folders) rmSync(workspacePath(folder), { recursive: true, force: true });
  });

  it('shows the same diagnostics and matrix counts for notes parsed on worker threads as for notes parsed on the host’s thread', async () => {
    const apart = await readScope(folders[0], '2');
    const single = await readScope(folders[1], '0');
    assert.equal(apart.parsedApart, NOTES, 'every note of the first scope was parsed on the workers');
    assert.equal(single.parsedApart, 0, 'the second was parsed on the host');
    assert.deepEqual(apart.notes.coverage(), single.notes.coverage(), 'the same answers per product and axis');
    assert.deepEqual(apart.notes.summary(), single.notes.summary(), 'the same counts');
    const notes = single.notes.paths();
    const uris = (folder: string) => notes.map((path) => workspaceUri(folder, path));
    // Published per slice: settled when every note of both scopes shows its diagnostics.
    await waitFor(() => [...uris(folders[0]), ...uris(folders[1])].every((uri) => shown(uri).length > 0), 'every note’s diagnostics', {
      timeoutMs: 30_000,
    });
    assert.deepEqual(uris(folders[0]).map(shown), uris(folders[1]).map(shown));
  });
});
