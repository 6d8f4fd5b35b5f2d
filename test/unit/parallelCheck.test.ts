import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseScope } from '../../src/core/scope/scopeParser';
import { indexInWorkers, MIN_NOTES_FOR_WORKERS, workerCount, WORKERS_VARIABLE } from '../../src/node/noteWorkers';
import { indexNotes, readNote } from '../../src/node/workspace';
import { repoRoot, tempFolder } from './helpers';

/**
 * `check` reads and parses the notes on worker threads when there are more than a few hundred and more than one
 * core: its output must be the single thread's, byte for byte, whatever the notes hold, and the bundled command
 * must find its worker script.
 */
const PRODUCTS = 300;
const AXES = ['Pricing', 'Latency', 'Ecosystem'];

/** A corpus of 600 notes: two per product (the second in front matter), with answered, missing, placeholder and cited sections, and two notes that cannot be analyzed. */
function corpus(): string {
  const products = Array.from({ length: PRODUCTS }, (_, i) => `      - name: Product ${i}`);
  const files: Record<string, string | Uint8Array> = {
    'competitor-scope.yaml': `version: 1\ntitle: Workers\nsubject: Ours\nevidence: optional\nfreshness: 365\ncategories:\n  - id: db\n    name: Databases\n    goal: Pick one.\n    products:\n${products.join('\n')}\n    axes: [${AXES.join(', ')}]\n`,
  };
  for (let i = 0; i < PRODUCTS; i++) {
    const sections = AXES.filter((_, a) => (i + a) % 4 !== 0).map((axis, a) =>
      (i + a) % 5 === 0
        ? `## ${axis}\n\nTODO\n`
        : `## ${axis}\n\nAs of 2025-0${1 + (i % 9)}-01: ${axis} of product ${i} is fine, see [docs](https://example.com/${i}/${a}).\n\nScore: ${i % 5}\n`,
    );
    files[`research/product-${i}.md`] = `# Product ${i}\n\n${sections.join('\n')}`;
    files[`research/more/notes-${i}.md`] =
      `---\nproduct: product-${i}\n---\n# More on ${i}\n\n## ${AXES[i % 3]}${i % 7 === 0 ? 'x' : ''}\n\nAlso ${i}, per https://example.org/${i}.\n`;
  }
  files['research/binary.md'] = new Uint8Array([35, 32, 0, 1, 2]);
  files['research/more/empty.md'] = '';
  return tempFolder(files);
}

const cli = path.join(repoRoot, 'dist', 'cli.js');
function check(folder: string, workers: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--no-git', '--as-of', '2026-01-01', folder], {
    encoding: 'utf8',
    env: { ...process.env, [WORKERS_VARIABLE]: workers },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('check on worker threads', function () {
  this.timeout(120_000);
  let folder: string;
  before(() => (folder = corpus()));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('prints the same JSON as on one thread, byte for byte, from the bundled command that finds its worker script', () => {
    const single = check(folder, '0');
    const parallel = check(folder, '2');
    assert.equal(single.stderr, '');
    assert.equal(parallel.stderr, '', 'no warning that the workers could not run');
    assert.equal(parallel.status, single.status);
    const report = JSON.parse(single.stdout);
    assert.equal(report.notes.files, 2 * PRODUCTS + 2, 'every note checked');
    assert.ok(report.findings.length > PRODUCTS, 'findings of every kind to compare');
    assert.ok(parallel.stdout === single.stdout, 'the same output, byte for byte');
  });

  it('indexes the notes as one thread does, in their order, from the worker script that tsc compiles', async () => {
    const parsed = parseScope(fs.readFileSync(path.join(folder, 'competitor-scope.yaml'), 'utf8'));
    assert.ok(parsed.ok);
    const notes = fs.readdirSync(path.join(folder, 'research'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    const warnings: string[] = [];
    const before = process.env[WORKERS_VARIABLE];
    process.env[WORKERS_VARIABLE] = '2'; // on a machine of one core too
    const index = await indexInWorkers(parsed.scope, '2026-01-01', path.join(folder, 'research'), notes, (line) =>
      warnings.push(line),
    ).finally(() => {
      if (before === undefined) delete process.env[WORKERS_VARIABLE];
      else process.env[WORKERS_VARIABLE] = before;
    });
    assert.deepEqual(warnings, []);
    assert.ok(index, 'the workers ran');
    assert.deepEqual(index.paths(), notes, 'in the order given');
    const single = indexNotes(parsed.scope, '2026-01-01', notes, (note) => readNote(path.join(folder, 'research', note)));
    for (const note of notes) assert.deepEqual(index.findings(note), single.findings(note), note);
    assert.deepEqual(index.coverage(), single.coverage());
  });

  it('starts workers only for more than a few hundred notes on more than two cores, unless told how many', () => {
    assert.equal(workerCount(MIN_NOTES_FOR_WORKERS, undefined), 0);
    assert.equal(workerCount(10, '2'), 2);
    assert.equal(workerCount(10_000, '0'), 0);
  });
});
