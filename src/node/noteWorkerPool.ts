import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParsedNoteFile } from './noteRead';

/** Below this many notes, starting the workers costs more than they save. */
export const MIN_NOTES_FOR_WORKERS = 300;
/** More workers than this wait on the main thread's analysis. */
const MAX_WORKERS = 8;
/**
 * `COMPETITOR_SCOPE_WORKERS=N` sets how many worker threads read and parse the notes, whatever their number; 0
 * parses them on the main thread alone. The command line and the extension host (read at each bulk read) both follow it.
 */
export const WORKERS_VARIABLE = 'COMPETITOR_SCOPE_WORKERS';

/**
 * How many worker threads read `notes` notes: none for a few hundred, or on one core, or when the variable says 0;
 * else one per core. Not one fewer for the main thread: it does a third of the workers' work (taking each parse
 * across and analyzing it), so one worker on two cores would wait for no one and gain nothing.
 */
export function workerCount(notes: number, variable = process.env[WORKERS_VARIABLE]): number {
  if (variable !== undefined && /^\d+$/.test(variable)) return Math.min(Number(variable), MAX_WORKERS);
  const cores = availableParallelism();
  return notes > MIN_NOTES_FOR_WORKERS && cores > 1 ? Math.min(cores, MAX_WORKERS) : 0;
}

/** The notes sent to a worker at a time, at most: enough to amortize a message, few enough to keep every worker busy to the end. */
const BATCH = 24;
/** Batches a worker holds at once: it has the next while its answer travels back. */
const IN_FLIGHT = 2;

/** Notes to parse: files to read first (`check`), or texts already read (the extension host, which reads through VS Code). */
export type NoteSource = { readonly files: readonly string[] } | { readonly texts: readonly string[] };

export type NotesRequest = { readonly batch: number } & NoteSource;

export interface NotesResponse {
  readonly batch: number;
  readonly notes: readonly ParsedNoteFile[];
}

/** What the pool needs of a worker thread (node:worker_threads' Worker; a fake in tests). */
export interface NoteThread {
  postMessage(request: NotesRequest): void;
  on(event: 'message', listener: (response: NotesResponse) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<unknown>;
}

/** A worker thread running noteWorker.js, which is bundled beside the bundle that holds this file (dist/) or compiled beside it (out/). */
export const startNoteWorker = (): NoteThread => new Worker(path.join(__dirname, 'noteWorker.js'));

/** One call of parse: its notes' parses handed on in order, as the batches before each have come in. */
class Job {
  private readonly arrived = new Map<number, readonly ParsedNoteFile[]>();
  private handed = 0;
  settled = false;

  constructor(
    readonly batches: number,
    readonly size: number,
    private readonly each: (i: number, note: ParsedNoteFile) => void,
    readonly resolve: () => void,
    readonly reject: (error: unknown) => void,
  ) {}

  /** Takes one batch's parses and hands on every parse now in order; resolves once the last is handed on. */
  arrive(part: number, notes: readonly ParsedNoteFile[]): void {
    if (this.settled) return;
    this.arrived.set(part, notes);
    try {
      for (let next = this.arrived.get(this.handed); next; next = this.arrived.get(this.handed)) {
        this.arrived.delete(this.handed);
        next.forEach((note, i) => this.each(this.handed * this.size + i, note));
        this.handed++;
      }
    } catch (error) {
      return this.fail(error);
    }
    if (this.handed === this.batches) {
      this.settled = true;
      this.resolve();
    }
  }

  fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }
}

interface Batch {
  readonly job: Job;
  readonly part: number;
  readonly source: NoteSource;
}

interface Thread {
  readonly thread: NoteThread;
  busy: number;
}

/**
 * Worker threads that read or parse notes, started at the first job and kept until disposed. A job's notes go out
 * a batch at a time, the next batch to whichever worker has the fewest, and its parses come back in the job's
 * order. Jobs may overlap (the editor's scopes read at once): their batches are sent in the order they were asked.
 * A worker that fails fails every job under way and every later one: the caller then parses on its own thread.
 */
export class NoteWorkerPool {
  private threads: Thread[] | undefined;
  private readonly waiting: Batch[] = [];
  private readonly sent = new Map<number, Batch>();
  private nextBatch = 0;
  private failure: Error | undefined;

  constructor(
    private readonly size: number,
    private readonly start: () => NoteThread = startNoteWorker,
  ) {}

  /** Parses the notes on the workers, handing each parse to `each` with its place in `source`, in that order. */
  parse(source: NoteSource, each: (i: number, note: ParsedNoteFile) => void): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const notes = 'files' in source ? source.files : source.texts;
    if (notes.length === 0) return Promise.resolve();
    // Small jobs are split too, two batches per worker at least, so that every worker has a share.
    const size = Math.min(BATCH, Math.ceil(notes.length / (IN_FLIGHT * this.size)));
    const batches = Math.ceil(notes.length / size);
    return new Promise((resolve, reject) => {
      const job = new Job(batches, size, each, resolve, reject);
      for (let part = 0; part < batches; part++) {
        const slice = notes.slice(part * size, (part + 1) * size);
        this.waiting.push({ job, part, source: 'files' in source ? { files: slice } : { texts: slice } });
      }
      try {
        this.threads ??= Array.from({ length: this.size }, () => this.listen(this.start()));
        this.send();
      } catch (error) {
        void this.fail(error);
      }
    });
  }

  /** Ends the workers; the jobs under way are failed. */
  async dispose(): Promise<void> {
    await this.stop(new Error('the note workers were stopped'));
  }

  private listen(thread: NoteThread): Thread {
    const entry: Thread = { thread, busy: 0 };
    // A worker ended on purpose (stop) is no longer among the threads: its exit is no failure.
    const current = () => this.threads?.includes(entry) === true;
    thread.on('error', (error) => void (current() && this.fail(error)));
    thread.on('exit', (code) => void (current() && this.fail(new Error(`a note worker stopped (exit code ${code})`))));
    thread.on('message', ({ batch, notes }) => {
      const sent = this.sent.get(batch);
      if (!sent || !current()) return;
      this.sent.delete(batch);
      entry.busy--;
      this.send();
      sent.job.arrive(sent.part, notes);
    });
    return entry;
  }

  /** Sends the waiting batches, in order, while a worker has room. */
  private send(): void {
    for (;;) {
      const batch = this.waiting[0];
      const free = this.threads?.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (!batch || !free || free.busy >= IN_FLIGHT) return;
      this.waiting.shift();
      if (batch.job.settled) continue;
      const id = this.nextBatch++;
      this.sent.set(id, batch);
      free.busy++;
      free.thread.postMessage({ batch: id, ...batch.source });
    }
  }

  private fail(error: unknown): Promise<void> {
    this.failure ??= error instanceof Error ? error : new Error(String(error));
    return this.stop(this.failure);
  }

  private async stop(error: Error): Promise<void> {
    const threads = this.threads ?? [];
    this.threads = undefined;
    const jobs = new Set([...this.waiting, ...this.sent.values()].map((batch) => batch.job));
    this.waiting.length = 0;
    this.sent.clear();
    for (const job of jobs) job.fail(error);
    await Promise.all(threads.map(({ thread }) => thread.terminate()));
  }
}
