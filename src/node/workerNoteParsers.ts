import type { ParsedNoteFile } from './noteRead';
import { NoteWorkerPool, startNoteWorker, workerCount, type NoteThread } from './noteWorkerPool';

/**
 * How long the workers are kept with nothing to parse: a bulk read's batches follow one another, and once it is
 * over their memory (some 25 MB each) goes back.
 */
const IDLE_MS = 5000;

/**
 * The extension host's parsing of notes read in bulk (activation, a branch switch): the texts it read through VS
 * Code go to worker threads, started when a bulk read is worth them (workerCount), ended when idle and when
 * disposed: the NoteParsers of src/workspace/notesPort.ts, given by src/extension.ts. When the workers cannot run,
 * it says so once and leaves the parsing to the host's thread from then on.
 */
export class WorkerNoteParsers {
  private pool: NoteWorkerPool | undefined;
  private stopped = false;
  private parsing = 0;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly start: () => NoteThread = startNoteWorker,
    private readonly idleMs = IDLE_MS,
  ) {}

  worthIt(notes: number): boolean {
    return !this.stopped && workerCount(notes) > 0;
  }

  /** The texts parsed in their order; undefined when the workers could not run, or have been disposed. */
  async parse(texts: readonly string[], warn: (line: string) => void): Promise<ParsedNoteFile[] | undefined> {
    if (this.stopped) return undefined;
    clearTimeout(this.idle);
    // As many workers as a large bulk read gets: they serve every bulk read until they are idle.
    this.pool ??= new NoteWorkerPool(Math.max(1, workerCount(Number.POSITIVE_INFINITY)), this.start);
    const parsed = new Array<ParsedNoteFile>(texts.length);
    this.parsing++;
    try {
      await this.pool.parse({ texts }, (i, note) => (parsed[i] = note));
      return parsed;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (!this.stopped) warn(`Research notes are parsed on the extension host's thread: its worker threads could not run (${reason}).`);
      this.dispose();
      return undefined;
    } finally {
      if (--this.parsing === 0 && !this.stopped) this.idle = setTimeout(() => this.endPool(), this.idleMs);
    }
  }

  dispose(): void {
    this.stopped = true;
    this.endPool();
  }

  private endPool(): void {
    clearTimeout(this.idle);
    void this.pool?.dispose();
    this.pool = undefined;
  }
}
