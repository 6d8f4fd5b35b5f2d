import { Glob } from '../../src/core/scope/glob';
import type {
  FileEvent,
  NoteEngineOptions,
  NoteFileStat,
  NotesChange,
  NoteSyncOptions,
  NotesPort,
  OpenNote,
  Subscription,
} from '../../src/workspace/notesPort';
import { NoteSync } from '../../src/workspace/noteSync';
import { SCOPE_YAML, testScope } from './noteFixtures';

// The note engine (NoteSync) over a scope's folder in memory, for its tests.

export const note = (product: string) => `---\nproduct: ${product}\n---\n\n# Notes\n`;

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
export class FakeNotes implements NotesPort {
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
export function engineOver(
  port: FakeNotes,
  options: NoteSyncOptions & { notes?: string; excluded?: string[] } = {},
  engineOptions: NoteEngineOptions = {},
) {
  const changes = new Listeners<NotesChange>();
  const logged: string[] = [];
  const changed: string[] = [];
  changes.add((change) => changed.push(...(change.all ? [] : change.paths)));
  const log = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) };
  const scope = testScope(options.notes ? `${SCOPE_YAML}notes: "${options.notes}"\n` : SCOPE_YAML);
  const engine = new NoteSync(
    port,
    scope,
    log,
    (change) => changes.fire(change),
    options.excluded,
    {
      editDelayMs: 1,
      burstQuietMs: 1,
      ...options,
    },
    engineOptions,
  );
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
