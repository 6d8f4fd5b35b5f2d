import * as assert from 'node:assert/strict';
import type { NoteSync } from '../../src/workspace/noteSync';
import { engineOver, FakeNotes, note } from './fakeNotes';

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
