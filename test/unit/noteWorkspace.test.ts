import * as assert from 'node:assert/strict';
import { Glob } from '../../src/core/scope/glob';
import type {
  FileEvent,
  NoteFileStat,
  NotesChange,
  NoteSyncOptions,
  NotesPort,
  OpenNote,
  Subscription,
} from '../../src/workspace/notesPort';
import { NoteSync } from '../../src/workspace/noteSync';
import { SCOPE_YAML, testScope } from './noteFixtures';

const note = (product: string) => `---\nproduct: ${product}\n---\n\n# Notes\n`;

/** Listeners that a subscription removes again. */
class Listeners<T> {
  private readonly all = new Set<(value: T) => void>();
  add(listener: (value: T) => void): Subscription {
    this.all.add(listener);
    return { dispose: () => this.all.delete(listener) };
  }
  fire(value: T): void {
    for (const listener of [...this.all]) listener(value);
  }
}

/**
 * A scope's folder in memory. Files change silently (as when the watcher drops events) unless the test reports
 * them; a held file's reads wait until it is released, with the bytes it had when the read began.
 */
class FakeNotes implements NotesPort {
  private readonly files = new Map<string, { text: string; version: number }>();
  private readonly documents = new Map<string, OpenNote>();
  private readonly held = new Map<string, { started: () => void; released: Promise<void> }>();
  private readonly watchers = new Listeners<FileEvent>();
  private readonly edits = new Listeners<string>();
  private readonly closes = new Listeners<string>();
  /** The paths read, in order. */
  readonly reads: string[] = [];
  private reading = 0;
  mostAtOnce = 0;

  constructor(files: Record<string, string>) {
    for (const [path, text] of Object.entries(files)) this.write(path, text);
  }

  write(path: string, text: string): void {
    this.files.set(path, { text, version: (this.files.get(path)?.version ?? 0) + 1 });
  }

  remove(path: string): void {
    this.files.delete(path);
  }

  report(kind: FileEvent['kind'], path: string): void {
    this.watchers.fire({ kind, path });
  }

  /** Holds the file's next read; resolves when it has begun, with the function that lets it finish. */
  hold(path: string): Promise<() => void> {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    return new Promise((started) => this.held.set(path, { started: () => started(release), released }));
  }

  openDocument(path: string, text: string): void {
    this.documents.set(path, { text, dirty: true });
    this.edits.fire(path);
  }

  closeDocument(path: string): void {
    this.documents.delete(path);
    this.closes.fire(path);
  }

  async find(glob: string): Promise<string[]> {
    const matcher = new Glob(glob);
    return [...this.files.keys()].filter((path) => matcher.matches(path));
  }

  async stat(path: string): Promise<NoteFileStat | undefined> {
    const file = this.files.get(path);
    return file && { stamp: `v${file.version}`, isFile: true, size: file.text.length };
  }

  async staysInside(): Promise<boolean> {
    return true;
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    const file = this.files.get(path);
    this.reads.push(path);
    this.mostAtOnce = Math.max(this.mostAtOnce, ++this.reading);
    const held = this.held.get(path);
    this.held.delete(path);
    held?.started();
    // Reads take a turn of the event loop, as a disk's do: the reads of one batch overlap.
    await (held?.released ?? new Promise((resolve) => setImmediate(resolve)));
    this.reading--;
    return file && new TextEncoder().encode(file.text);
  }

  watch(_glob: string, on: (event: FileEvent) => void): Subscription {
    return this.watchers.add(on);
  }

  open(path: string): OpenNote | undefined {
    return this.documents.get(path);
  }

  onDidEdit(on: (path: string) => void): Subscription {
    return this.edits.add(on);
  }

  onDidClose(on: (path: string) => void): Subscription {
    return this.closes.add(on);
  }
}

/** An engine over the fake folder, with small delays, and a way to wait until its changes reach a state. */
function engineOver(port: FakeNotes, options: NoteSyncOptions & { notes?: string; excluded?: string[] } = {}) {
  const changes = new Listeners<NotesChange>();
  const logged: string[] = [];
  const changed: string[] = [];
  changes.add((change) => changed.push(...(change.all ? [] : change.paths)));
  const log = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) };
  const scope = testScope(options.notes ? `${SCOPE_YAML}notes: "${options.notes}"\n` : SCOPE_YAML);
  const engine = new NoteSync(port, scope, log, (change) => changes.fire(change), options.excluded, {
    editDelayMs: 1,
    burstQuietMs: 1,
    ...options,
  });
  /** Resolves at the first change event after which `reached` holds (or now, when it already does). */
  const until = (reached: () => boolean) =>
    new Promise<void>((resolve) => {
      if (reached()) return resolve();
      const subscription = changes.add(() => {
        if (!reached()) return;
        subscription.dispose();
        resolve();
      });
    });
  const productOf = (path: string) => engine.index.note(path)?.targets[0]?.productId;
  return { engine, until, productOf, logged, changed };
}

describe('the note engine (disk, watcher and editors behind a port)', function () {
  this.timeout(3000);
  let engine: NoteSync | undefined;
  afterEach(() => engine?.dispose());

  it('reads the notes it finds in batches of the configured size, and analyzes every one', async () => {
    const files = Object.fromEntries(['django', 'flask', 'fastapi', 'grafana', 'drf'].map((p) => [`research/${p}.md`, note(p)]));
    const port = new FakeNotes(files);
    const run = engineOver(port, { readBatch: 2 });
    engine = run.engine;
    await engine.ready;
    assert.equal(port.mostAtOnce, 2, 'at most one batch of reads at a time');
    assert.deepEqual(port.reads.sort(), Object.keys(files).sort());
    assert.deepEqual(engine.index.paths().sort(), Object.keys(files).sort());
    assert.equal(run.productOf('research/drf.md'), 'django-rest-framework');
  });

  it('drops a disk read that finishes after a newer version of the note arrived from its editor', async () => {
    const port = new FakeNotes({ 'research/x.md': note('django') });
    const run = engineOver(port);
    engine = run.engine;
    await engine.ready;
    const reading = port.hold('research/x.md');
    port.write('research/x.md', note('flask'));
    port.report('changed', 'research/x.md');
    const release = await reading;
    port.openDocument('research/x.md', note('fastapi'));
    await run.until(() => run.productOf('research/x.md') === 'fastapi');
    release();
    await engine.settled;
    assert.equal(run.productOf('research/x.md'), 'fastapi', 'the older read from disk is dropped');
  });

  it("keeps an open document's unsaved edits over the file on disk, and the disk's version once it is closed", async () => {
    const port = new FakeNotes({ 'research/x.md': note('django') });
    const run = engineOver(port);
    engine = run.engine;
    await engine.ready;
    port.openDocument('research/x.md', note('fastapi'));
    await run.until(() => run.productOf('research/x.md') === 'fastapi');
    port.write('research/x.md', note('flask'));
    port.report('changed', 'research/x.md');
    await engine.settled;
    assert.equal(run.productOf('research/x.md'), 'fastapi', 'the unsaved text wins');
    port.closeDocument('research/x.md');
    await run.until(() => run.productOf('research/x.md') === 'flask');
  });

  it('forgets a deleted note and tells the views', async () => {
    const port = new FakeNotes({ 'research/x.md': note('django'), 'research/y.md': note('flask') });
    const run = engineOver(port);
    engine = run.engine;
    await engine.ready;
    const gone = run.until(() => engine?.index.note('research/x.md') === undefined);
    port.remove('research/x.md');
    port.report('deleted', 'research/x.md');
    await gone;
    assert.deepEqual(engine.index.paths(), ['research/y.md']);
    assert.ok(run.changed.includes('research/x.md'), 'the deleted note is among the changed ones');
  });

  it('after a burst of file events, finds the notes that changed, appeared or went unreported, reading only those', async () => {
    const port = new FakeNotes({ 'research/a.md': note('django'), 'research/b.md': note('flask'), 'research/d.md': note('grafana') });
    const run = engineOver(port, { burstEvents: 3 });
    engine = run.engine;
    await engine.ready;
    // A branch switch whose events the watcher dropped: only three events about other files arrive.
    port.write('research/a.md', note('fastapi'));
    port.remove('research/b.md');
    port.write('research/c.md', note('drf'));
    const readBefore = port.reads.length;
    for (let i = 0; i < 3; i++) port.report('changed', `research/other${i}.txt`);
    await run.until(
      () =>
        run.productOf('research/a.md') === 'fastapi' &&
        run.productOf('research/c.md') === 'django-rest-framework' &&
        !engine?.index.note('research/b.md'),
    );
    assert.deepEqual(port.reads.slice(readBefore).sort(), ['research/a.md', 'research/c.md'], 'the unchanged note is not read again');
    assert.ok(
      run.logged.some((m) => m.startsWith('3 of 4 research notes changed on disk without a file event')),
      run.logged.join('\n'),
    );
  });

  it("ignores files that are not the scope's notes: another file type, and notes below a nested scope's folder", async () => {
    const port = new FakeNotes({ 'research/x.md': note('django'), 'team/research/y.md': note('flask'), 'research/todo.txt': 'later' });
    const run = engineOver(port, { notes: '**/*.md', excluded: ['team'] });
    engine = run.engine;
    await engine.ready;
    assert.deepEqual(engine.index.paths(), ['research/x.md']);
    assert.equal(engine.isNote('team/research/y.md'), false);
    port.write('team/research/z.md', note('grafana'));
    port.report('created', 'team/research/z.md');
    port.report('changed', 'research/todo.txt');
    await engine.settled;
    assert.deepEqual(engine.index.paths(), ['research/x.md']);
    assert.ok(!port.reads.includes('team/research/z.md') && !port.reads.includes('research/todo.txt'));
  });
});
