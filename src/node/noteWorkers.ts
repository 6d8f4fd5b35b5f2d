import * as path from 'node:path';
import { NoteIndex } from '../core/index/noteIndex';
import type { Scope } from '../core/scope/scopeModel';
import { NoteWorkerPool, workerCount } from './noteWorkerPool';

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
  const index = new NoteIndex(scope, { today: () => today });
  const pool = new NoteWorkerPool(count);
  try {
    await pool.parse({ files: notes.map((note) => path.join(root, note)) }, (i, note) => {
      if ('parsed' in note) index.setParsed(notes[i], note.parsed);
      else index.setUnreadable(notes[i], note.unreadable);
    });
    return index;
  } catch (error) {
    warn(`the notes are read on one thread: its workers could not run (${error instanceof Error ? error.message : String(error)}).`);
    return undefined;
  } finally {
    await pool.dispose();
  }
}
