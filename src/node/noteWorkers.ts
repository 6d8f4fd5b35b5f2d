import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { NoteIndex } from '../core/index/noteIndex';
import type { Scope } from '../core/scope/scopeModel';
import type { ParsedNoteFile } from './noteRead';
import { noteTextReader } from './noteText';

/** Below this many notes, starting the workers costs more than they save. */
export const MIN_NOTES_FOR_WORKERS = 300;
/** The notes sent to a worker at a time: enough to amortize a message, few enough to keep every worker busy to the end. */
const BATCH = 24;
/** On this many cores or fewer, the workers cost more than they save (measured on two). */
const MIN_CORES_FOR_WORKERS = 2;
/** More workers than this wait on the main thread's analysis. */
const MAX_WORKERS = 8;
/** `COMPETITOR_SCOPE_WORKERS=N` sets how many worker threads read and parse the notes; 0 checks them on the main thread alone. */
export const WORKERS_VARIABLE = 'COMPETITOR_SCOPE_WORKERS';

export interface NotesRequest {
  readonly batch: number;
  readonly files: readonly string[];
}

export interface NotesResponse {
  readonly batch: number;
  readonly notes: readonly ParsedNoteFile[];
}

/**
 * How many worker threads read `notes` notes: none for a few hundred, or on one or two cores, or when the variable
 * says 0; else one per core. Not one fewer for the main thread: it does a third of the workers' work (taking each
 * parse across and analyzing it), so one worker on two cores would wait for no one and gain nothing. Two workers on
 * two cores took 1.07–1.09× one thread's time once the notes' parse had become cheaper than taking it across (see
 * docs/performance.md), so two cores read on one thread.
 */
export function workerCount(notes: number, variable = process.env[WORKERS_VARIABLE]): number {
  if (variable !== undefined && /^\d+$/.test(variable)) return Math.min(Number(variable), MAX_WORKERS);
  const cores = availableParallelism();
  return notes > MIN_NOTES_FOR_WORKERS && cores > MIN_CORES_FOR_WORKERS ? Math.min(cores, MAX_WORKERS) : 0;
}

/**
 * The notes (relative to `root`) read and parsed on worker threads and analyzed on this one, in their order: the
 * index that indexNotes gives. Undefined when workers are not worth it (see workerCount) or cannot run (their
 * script missing beside this one, which `warn` reports): the caller then reads the notes on this thread.
 */
export async function indexInWorkers(
  scope: Scope,
  today: string,
  root: string,
  notes: readonly string[],
  warn: (line: string) => void,
): Promise<NoteIndex | undefined> {
  const count = workerCount(notes.length);
  if (count === 0) return undefined;
  const index = new NoteIndex(scope, { today: () => today, readText: noteTextReader(root) });
  const workers = Array.from({ length: count }, () => new Worker(path.join(__dirname, 'noteWorker.js')));
  try {
    await parseInOrder(
      workers,
      notes.map((note) => path.join(root, note)),
      (i, note) => {
        if ('parsed' in note) index.setParsed(notes[i], note.parsed);
        else index.setUnreadable(notes[i], note.unreadable);
      },
    );
    return index;
  } catch (error) {
    warn(`the notes are read on one thread: its workers could not run (${error instanceof Error ? error.message : String(error)}).`);
    return undefined;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * Sends the files to the workers a batch at a time, the next batch to whichever worker answers, and hands each
 * parse to `each` in the files' order, as soon as the batches before it are in.
 */
function parseInOrder(
  workers: readonly Worker[],
  files: readonly string[],
  each: (i: number, note: ParsedNoteFile) => void,
): Promise<void> {
  const batches = Math.ceil(files.length / BATCH);
  const arrived = new Map<number, readonly ParsedNoteFile[]>();
  let sent = 0;
  let handed = 0;
  return new Promise((resolve, reject) => {
    const send = (worker: Worker) => {
      if (sent === batches) return;
      const request: NotesRequest = { batch: sent, files: files.slice(sent * BATCH, (sent + 1) * BATCH) };
      sent++;
      worker.postMessage(request);
    };
    for (const worker of workers) {
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`a note worker stopped (exit code ${code})`)));
      worker.on('message', ({ batch, notes }: NotesResponse) => {
        send(worker);
        arrived.set(batch, notes);
        for (let next = arrived.get(handed); next; next = arrived.get(handed)) {
          arrived.delete(handed);
          next.forEach((note, i) => each(handed * BATCH + i, note));
          handed++;
        }
        if (handed === batches) resolve();
      });
      // Two batches each: a worker has the next while its answer travels back.
      send(worker);
      send(worker);
    }
    if (batches === 0) resolve();
  });
}
