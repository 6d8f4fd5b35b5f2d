import * as assert from 'node:assert/strict';
import { parseNoteText } from '../../src/node/noteRead';
import { WORKERS_VARIABLE } from '../../src/node/noteWorkerPool';
import { WorkerNoteParsers } from '../../src/node/workerNoteParsers';
import type { NoteParsers } from '../../src/workspace/notesPort';
import type { NoteSync } from '../../src/workspace/noteSync';
import { engineOver, FakeNotes } from './fakeNotes';

/**
 * The extension host (Node) parses the notes it reads in bulk on worker threads: what the user sees must be what
 * the host's own thread gives, note for note; an edit is parsed on the host; workers that cannot run cost one log line.
 */
const PRODUCTS = ['django', 'flask', 'fastapi', 'grafana', 'drf'];
const AXES = ['Architecture guidance and opinionation', 'Auth, security, and rate limiting', 'Dashboard layout', 'Fallbacks'];

/** Notes of every kind: answered, placeholder and missing sections, typos, sources, dates; one binary, one of too many headings. */
function folder(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const sections = AXES.filter((_, a) => (i + a) % 3 !== 0).map((axis, a) =>
      (i + a) % 4 === 0
        ? `## ${axis}\n\nPending\n`
        : `## ${i % 5 === 0 ? `${axis}x` : axis}\n\nAs of 2025-0${1 + (i % 9)}-01: answer ${i}, see [docs](https://example.com/${i}/${a}).\n\nScore: ${i % 5}\n`,
    );
    files[`research/note-${i}.md`] = `---\nproduct: ${PRODUCTS[i % PRODUCTS.length]}\n---\n# Note ${i}\n\n${sections.join('\n')}`;
  }
  files['research/binary.md'] = '# A\0b\n';
  files['research/dump.md'] = '# h\n'.repeat(10_001);
  return files;
}

/** The engine's analysis of the folder once read: every note's findings, and the coverage. */
async function analysis(files: Record<string, string>, parsers?: NoteParsers) {
  const port = new FakeNotes(files);
  const run = engineOver(port, { readBatch: 8 }, { parsers });
  await run.engine.ready;
  const index = run.engine.index;
  const findings = Object.fromEntries(index.paths().map((path) => [path, index.findings(path)]));
  return { port, run, engine: run.engine, findings, coverage: index.coverage() };
}

/** Parses on this thread, counting the texts it is given: where the engine sends what. */
class CountingParsers implements NoteParsers {
  texts = 0;
  worthIt(notes: number): boolean {
    return notes > 10;
  }
  async parse(texts: readonly string[]) {
    this.texts += texts.length;
    return texts.map(parseNoteText);
  }
}

describe("the extension host's parsing of notes read in bulk", function () {
  this.timeout(60_000);
  const before = process.env[WORKERS_VARIABLE];
  let engines: NoteSync[] = [];
  let parsers: WorkerNoteParsers | undefined;
  afterEach(() => {
    for (const engine of engines) engine.dispose();
    engines = [];
    parsers?.dispose();
    if (before === undefined) delete process.env[WORKERS_VARIABLE];
    else process.env[WORKERS_VARIABLE] = before;
  });

  it('parses the texts on worker threads and analyzes them as the host’s own thread does, note for note', async () => {
    const files = folder(60);
    const single = await analysis(files);
    process.env[WORKERS_VARIABLE] = '2'; // whatever the number of notes and of cores
    parsers = new WorkerNoteParsers();
    const apart = await analysis(files, parsers);
    engines.push(single.engine, apart.engine);
    assert.equal(apart.engine.parsedApart, 61, 'every note read as text was parsed on the workers (the binary one is not text)');
    assert.deepEqual(Object.keys(apart.findings), Object.keys(single.findings), 'the same notes, in the same order');
    assert.deepEqual(apart.findings, single.findings);
    assert.ok(
      apart.findings['research/dump.md'].some((f) => f.code === 'unreadable-note'),
      'a note the workers refuse is unreadable, as on the host',
    );
    assert.deepEqual(apart.coverage, single.coverage);
    assert.ok(
      apart.run.logged.some((line) => line.endsWith('61 of them parsed on worker threads.')),
      apart.run.logged.join('\n'),
    );
    // A note changed on disk afterwards is read and analyzed on its own.
    apart.port.write('research/note-1.md', '---\nproduct: grafana\n---\n# Changed\n');
    apart.port.report('changed', 'research/note-1.md');
    await apart.run.until(() => apart.run.productOf('research/note-1.md') === 'grafana');
  });

  it('sends the parsers only the batches read with many notes left to read; a typed edit is parsed on the host', async () => {
    const counting = new CountingParsers();
    const few = await analysis(folder(8), counting);
    engines.push(few.engine);
    assert.equal(counting.texts, 0, 'ten notes are no bulk read');
    const port = new FakeNotes(folder(20));
    const run = engineOver(port, { readBatch: 8 }, { parsers: counting });
    engines.push(run.engine);
    await run.engine.ready;
    // 22 notes in batches of 8: the first two batches go to the parsers (more than ten notes left to read), the last does not.
    assert.equal(counting.texts, 16);
    port.openDocument('research/note-1.md', '---\nproduct: grafana\n---\n# Edited\n');
    await run.until(() => run.productOf('research/note-1.md') === 'grafana');
    assert.equal(counting.texts, 16, 'the edit did not go to the parsers');
  });

  it('falls back to the host’s thread with one logged line when the workers cannot start', async () => {
    process.env[WORKERS_VARIABLE] = '2';
    parsers = new WorkerNoteParsers(() => {
      throw new Error('no worker script');
    });
    const files = folder(40);
    const single = await analysis(files);
    const fallback = await analysis(files, parsers);
    engines.push(single.engine, fallback.engine);
    assert.equal(fallback.engine.parsedApart, 0);
    assert.deepEqual(fallback.findings, single.findings);
    const warnings = fallback.run.logged.filter((line) => line.includes('worker threads could not run'));
    assert.deepEqual(warnings, [
      "Research notes are parsed on the extension host's thread: its worker threads could not run (no worker script).",
    ]);
  });
});
