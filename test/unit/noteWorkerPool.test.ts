import * as assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { ParsedNoteFile } from '../../src/node/noteRead';
import { NoteWorkerPool, type NoteThread, type NotesRequest, type NotesResponse } from '../../src/node/noteWorkerPool';
import { WorkerNoteParsers } from '../../src/node/workerNoteParsers';

/**
 * The worker pool that `check` and the extension host share: whichever order the workers answer in, each job's
 * notes come back in its own order; overlapping jobs keep theirs apart; a worker that fails fails the jobs.
 */
class FakeThread extends EventEmitter implements NoteThread {
  readonly requests: NotesRequest[] = [];
  terminated = false;
  /** Resolves when the thread is ended. */
  readonly ended = new Promise<void>((resolve) => this.once('exit', () => resolve()));

  constructor(
    started: FakeThread[],
    /** Whether each request is answered at once, on the next turn of the event loop. */
    private readonly answering = false,
  ) {
    super();
    started.push(this);
  }

  postMessage(request: NotesRequest): void {
    this.requests.push(request);
    const nth = this.requests.length - 1;
    if (this.answering) setImmediate(() => this.answer(nth));
  }

  async terminate(): Promise<number> {
    this.terminated = true;
    this.emit('exit', 1);
    return 1;
  }

  /** Answers the request it got `nth` (0: the first), each text "parsed" as what it says is unreadable. */
  answer(nth: number): void {
    const request = this.requests[nth];
    const notes = 'texts' in request ? request.texts : request.files;
    const response: NotesResponse = { batch: request.batch, notes: notes.map((text) => ({ unreadable: text })) };
    this.emit('message', response);
  }
}

const texts = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const reasons = (notes: (ParsedNoteFile | undefined)[]) => notes.map((note) => (note && 'unreadable' in note ? note.unreadable : note));

describe('the note worker pool', () => {
  it('hands every parse on in the notes’ order, whichever worker answers first, and splits a small job among all workers', async () => {
    const threads: FakeThread[] = [];
    const pool = new NoteWorkerPool(2, () => new FakeThread(threads));
    const handed: (readonly [number, ParsedNoteFile])[] = [];
    const notes = texts('a', 10);
    const done = pool.parse({ texts: notes }, (i, note) => handed.push([i, note] as const));
    assert.equal(threads.length, 2, 'the workers start with the first job');
    // Four batches of three, two to each worker, before any answer.
    assert.deepEqual(
      threads.map((t) => t.requests.map((r) => ('texts' in r ? r.texts : []))),
      [
        [
          ['a0', 'a1', 'a2'],
          ['a6', 'a7', 'a8'],
        ],
        [['a3', 'a4', 'a5'], ['a9']],
      ],
    );
    threads[1].answer(1);
    threads[1].answer(0);
    assert.equal(handed.length, 0, 'nothing is handed on before the first batch is in');
    threads[0].answer(0);
    assert.deepEqual(
      handed.map(([i]) => i),
      [0, 1, 2, 3, 4, 5],
    );
    threads[0].answer(1);
    await done;
    assert.deepEqual(
      handed.map(([i]) => i),
      [...notes.keys()],
    );
    assert.deepEqual(reasons(handed.map(([, note]) => note)), notes);
    await pool.dispose();
    assert.ok(threads.every((t) => t.terminated));
  });

  it('keeps overlapping jobs apart, sending their batches in the order asked as workers free up', async () => {
    const threads: FakeThread[] = [];
    const pool = new NoteWorkerPool(1, () => new FakeThread(threads));
    const first: (ParsedNoteFile | undefined)[] = [];
    const second: (ParsedNoteFile | undefined)[] = [];
    const one = pool.parse({ texts: texts('x', 2) }, (i, note) => (first[i] = note));
    const two = pool.parse({ texts: texts('y', 1) }, (i, note) => (second[i] = note));
    const [thread] = threads;
    assert.equal(threads.length, 1, 'one pool of workers for both jobs');
    assert.equal(thread.requests.length, 2, 'at most two batches wait on a worker');
    thread.answer(0);
    assert.equal(thread.requests.length, 3, 'the next job’s batch goes out as one comes back');
    thread.answer(2);
    await two;
    thread.answer(1);
    await one;
    assert.deepEqual(reasons(first), ['x0', 'x1']);
    assert.deepEqual(reasons(second), ['y0']);
    await pool.dispose();
  });

  it('fails the jobs under way and every later one when a worker fails, and ends the other workers', async () => {
    const threads: FakeThread[] = [];
    const pool = new NoteWorkerPool(2, () => new FakeThread(threads));
    const job = pool.parse({ texts: texts('a', 8) }, () => {});
    threads[0].emit('error', new Error('out of memory'));
    await assert.rejects(job, /out of memory/);
    assert.ok(
      threads.every((t) => t.terminated),
      'every worker ended',
    );
    await assert.rejects(
      pool.parse({ texts: ['b'] }, () => {}),
      /out of memory/,
    );
    assert.equal(threads.length, 2, 'no worker started again');
  });

  it('fails a job whose workers cannot start', async () => {
    const pool = new NoteWorkerPool(2, () => {
      throw new Error('no such script');
    });
    await assert.rejects(
      pool.parse({ texts: ['a'] }, () => {}),
      /no such script/,
    );
  });

  it('takes a worker ended by dispose for no failure: the next job starts the workers again', async () => {
    const threads: FakeThread[] = [];
    const pool = new NoteWorkerPool(1, () => new FakeThread(threads));
    const done = pool.parse({ texts: ['a'] }, () => {});
    threads[0].answer(0);
    await done;
    await pool.dispose();
    const again = pool.parse({ texts: ['b'] }, () => {});
    assert.equal(threads.length, 2);
    threads[1].answer(0);
    await again;
    await pool.dispose();
  });

  it('ends the extension host’s workers once they are idle, and starts them again for the next bulk read', async () => {
    const threads: FakeThread[] = [];
    const parsers = new WorkerNoteParsers(() => new FakeThread(threads, true), 0);
    const warn = (line: string) => assert.fail(line);
    assert.deepEqual(reasons((await parsers.parse(['a', 'b'], warn)) ?? []), ['a', 'b']);
    const first = threads.length;
    await Promise.all(threads.map((t) => t.ended));
    assert.deepEqual(reasons((await parsers.parse(['c'], warn)) ?? []), ['c']);
    assert.equal(threads.length, 2 * first, 'new workers for the next read');
    parsers.dispose();
    await Promise.all(threads.map((t) => t.ended));
    assert.equal(await parsers.parse(['d'], warn), undefined, 'none once disposed');
    assert.equal(threads.length, 2 * first);
  });
});
