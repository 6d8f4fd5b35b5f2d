import type { LineDates } from '../core/evidence/sectionEvidence';
import { statRefusal, type FileRefusal } from '../core/fileRefusal';
import { NoteIndex } from '../core/index/noteIndex';
import { decodeNote, MAX_NOTE_BYTES, refusedNoteReason } from '../core/notes/decodeNote';
import { NotesRule } from '../core/scope/notesRule';
import type { Scope } from '../core/scope/scopeModel';
import { Disposable } from './lifecycle';
import type { FileEvent, NoteLog, NotesChange, NoteSyncOptions, NotesPort, Subscription } from './notesPort';
import { coalesced, inSlices, yieldToEventLoop } from './timeSlices';

/** A note read from disk, with the generation it was read for: its bytes, or why they were not read. */
type DiskRead = {
  readonly path: string;
  readonly generation: number;
  /** The file's stamp before it was read. */
  readonly stamp: string;
} & ({ readonly bytes: Uint8Array } | { readonly refusal: FileRefusal });

/**
 * Keeps a NoteIndex in step with a scope's folder: every note matched by the scope's notes glob, read from disk,
 * and from its editor while it is open (as the user types, debounced per document). A read that finishes after a
 * newer version of the note arrived is dropped (a generation per note).
 *
 * Notes changed on disk (a branch switch rewrites thousands at once) are queued, read in batches and analyzed in
 * time slices that yield to the event loop, with one change event per slice. The file watcher may drop events when
 * thousands of files change at once: after such a burst, every note's file is checked against the stamp it had
 * when it was read, and what changed unreported is read again.
 */
export class NoteSync extends Disposable {
  readonly index: NoteIndex;
  private readonly options: Required<NoteSyncOptions>;
  private watcher: Subscription | undefined;
  /** Which files are notes: the glob, less the notes below nested scopes' folders. */
  private rule: NotesRule;
  private readonly generations = new Map<string, number>();
  /** Open documents' edits waiting for the typing to pause, by path. */
  private readonly edits = new Map<string, ReturnType<typeof coalesced>>();
  private scan: Promise<void> = Promise.resolve();
  /** Notes changed on disk and not read yet; drained by one loop at a time. */
  private readonly queued = new Set<string>();
  private draining: Promise<void> | undefined;
  /** Each note's file stamp when it was read from disk, by path: what a check after a burst compares. */
  private readonly stamps = new Map<string, string>();
  /** File events with no quiet time between them; the check runs once the watcher has been quiet after a burst. */
  private burstEvents = 0;
  private readonly checkWhenQuiet: ReturnType<typeof coalesced>;

  constructor(
    private readonly port: NotesPort,
    scope: Scope,
    private readonly log: NoteLog,
    private readonly fire: (change: NotesChange) => void,
    excluded: readonly string[] = [],
    options: NoteSyncOptions = {},
    fingerprint?: (text: string) => string,
  ) {
    super();
    this.options = { editDelayMs: 300, readBatch: 64, burstEvents: 64, burstQuietMs: 500, ...options };
    this.index = new NoteIndex(scope, { fingerprint });
    this.rule = new NotesRule(scope, excluded);
    this.checkWhenQuiet = coalesced(() => {
      const burst = this.burstEvents >= this.options.burstEvents;
      this.burstEvents = 0;
      if (burst) void this.checkAfterBurst();
    }, this.options.burstQuietMs);
    this.registerAll(
      this.checkWhenQuiet,
      port.onDidEdit((path) => this.scheduleEdit(path)),
      // An editor closed without saving leaves the file as it is on disk.
      port.onDidClose((path) => {
        if (this.isNote(path)) this.enqueue(path);
      }),
      { dispose: () => this.stopWatching() },
    );
    this.rescan(scope);
  }

  /** Resolves when the notes found by the latest scan have been read. */
  get ready(): Promise<void> {
    return this.scan;
  }

  /** Resolves when the notes queued so far have been read and analyzed. */
  get settled(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  /** Whether a path (relative to the scope's folder) is one of this scope's notes (see NotesRule). */
  isNote(path: string): boolean {
    return this.rule.isNote(path);
  }

  /** Leaves the notes below other scopes' folders (relative to this one's) to them; rescans when they changed. */
  setExcluded(folders: readonly string[]): void {
    if (this.rule.leavesOutSame(folders)) return;
    this.rule = new NotesRule(this.rule.notes, folders);
    this.rescan(this.index.scope);
  }

  /** The notes glob's fixed folder (`research`), or '.': where git reads history. */
  get notesFolder(): string {
    return this.rule.base || '.';
  }

  /** Follows a new version of the scope: the same notes re-read against it, or other notes found and read. */
  setScope(scope: Scope): void {
    // A scope's folder never changes: only another notes glob or other exclusions mean other files.
    if (this.rule.sameNotes(scope)) {
      // Same notes, new scope: re-read them against it from the parses the index keeps.
      this.index.setScope(scope);
      this.fire({ all: true });
    } else {
      this.rescan(scope);
    }
  }

  /**
   * Records git's dates for notes' lines (see NoteIndex.setLineDates) and tells the views once: a history pass
   * dates every note at the same time, and a change event per note would refresh every view per note.
   */
  setLineDates(dated: Iterable<readonly [path: string, dates: LineDates | undefined]>): void {
    const affected = new Set<string>();
    for (const [path, dates] of dated) for (const changed of this.index.setLineDates(path, dates)) affected.add(changed);
    if (affected.size > 0) this.fire({ all: false, paths: [...affected] });
  }

  /**
   * Brings the index up to the open document's text now, ahead of the debounce: for edits computed from the
   * analysis (quick fixes, the fix-all on save, adding a section), whose positions must be those of the text they apply to.
   */
  sync(path: string): void {
    const pending = this.edits.get(path);
    if (!pending) return;
    pending.dispose();
    this.applyEdit(path);
  }

  private rescan(scope: Scope): void {
    this.watcher?.dispose();
    for (const path of this.index.paths()) this.index.deleteNote(path);
    // Generations go on counting (not cleared): a read still under way from the old scan must not match a new one.
    this.queued.clear();
    this.stamps.clear();
    this.checkWhenQuiet.dispose();
    this.burstEvents = 0;
    this.index.setScope(scope);
    this.rule = new NotesRule(scope, this.rule.nestedScopes);
    this.fire({ all: true });
    this.watcher = this.port.watch(this.rule.pattern, (event) => this.onDisk(event));
    this.scan = this.readAll();
  }

  private onDisk({ kind, path }: FileEvent): void {
    if (kind === 'deleted') {
      if (this.isNote(path)) this.deleteNote(path);
    } else if (this.isNote(path) && !this.port.open(path)?.dirty) {
      // Unsaved edits are newer than the file. A document without them is read from disk too: VS Code reloads one
      // with an editor (a document change, the same text), but not always one whose editor was closed and which it still holds.
      this.enqueue(path);
    }
    this.countEvent();
  }

  private async readAll(): Promise<void> {
    const started = Date.now();
    const found = await this.port.find(this.rule.pattern);
    for (const path of found) {
      if (!this.isNote(path)) continue;
      const document = this.port.open(path);
      if (document) this.setText(path, document.text);
      else this.enqueue(path);
    }
    await this.draining;
    this.log.info(`Read ${found.length} research notes in ${Date.now() - started} ms.`);
  }

  /** Counts a file event; when the watcher has been quiet for a while after a burst, checks the notes on disk. */
  private countEvent(): void {
    this.burstEvents++;
    this.checkWhenQuiet.schedule();
  }

  /**
   * Reads again the notes whose files changed, appeared or went since they were read, unreported by the watcher:
   * a stat per note (not a read), and one search for the notes that are new.
   */
  private async checkAfterBurst(): Promise<void> {
    const watcher = this.watcher;
    await this.draining;
    const found = await this.port.find(this.rule.pattern);
    // Rescanned or disposed meanwhile, or another burst began (its own check follows).
    if (this.watcher !== watcher || this.burstEvents > 0) return;
    const onDisk = new Set(found.filter((path) => this.isNote(path)));
    let missed = 0;
    const check = async (path: string) => {
      if (this.queued.has(path) || this.port.open(path)?.dirty) return;
      const stat = await this.port.stat(path).catch(() => undefined);
      if (stat && this.stamps.get(path) === stat.stamp) return;
      missed++;
      this.enqueue(path); // gone from disk: the read finds it missing and forgets the note
    };
    const all = [...onDisk, ...this.index.paths().filter((path) => !onDisk.has(path))];
    const batch = this.options.readBatch;
    for (let i = 0; i < all.length; i += batch) await Promise.all(all.slice(i, i + batch).map(check));
    if (missed > 0) this.log.info(`${missed} of ${all.length} research notes changed on disk without a file event; they are read again.`);
  }

  /** Queues a note changed on disk; the drain loop reads it with the others that changed meanwhile. */
  private enqueue(path: string): void {
    this.queued.add(path);
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  /**
   * Reads the queued notes, a batch at a time, the next batch while this one is analyzed in slices; the last
   * slice's event says it is the last.
   */
  private async drain(): Promise<void> {
    // The watcher reports a branch switch's files over several messages: take them all before reading.
    await yieldToEventLoop();
    const readNext = () => (this.queued.size > 0 ? Promise.all(this.takeQueued().map((path) => this.read(path))) : undefined);
    let reading = readNext();
    while (reading) {
      const reads = await reading;
      reading = readNext();
      let affected = new Set<string>();
      const endSlice = (last: boolean) => {
        const paths = [...affected];
        affected = new Set();
        this.fire({ all: false, paths, more: !last || reading !== undefined || this.queued.size > 0 });
      };
      await inSlices(
        reads,
        (read) => {
          if (!read) return;
          for (const path of this.analyze(read)) affected.add(path);
          this.index.prepareSummary(read.path);
        },
        endSlice,
      );
      reading ??= readNext();
      if (reading) await yieldToEventLoop();
    }
  }

  /** Takes a batch of notes off the queue, oldest first. */
  private takeQueued(): string[] {
    const taken: string[] = [];
    for (const path of this.queued) {
      if (taken.length === this.options.readBatch) break;
      taken.push(path);
    }
    for (const path of taken) this.queued.delete(path);
    return taken;
  }

  /**
   * A queued note's bytes, or undefined when it is gone or a newer version arrives first (an open editor's text,
   * another read). Only a regular file within the size limit, and really in the scope's folder, is read.
   */
  private async read(path: string): Promise<DiskRead | undefined> {
    // Edited in an editor since it was queued: that text is newer, and is analyzed as it is typed.
    if (this.port.open(path)?.dirty) return undefined;
    const generation = this.nextGeneration(path);
    try {
      // The stamp first: a write after it changes the stamp, whichever version the read then gets.
      const stat = await this.port.stat(path);
      const inside = stat && (await this.port.staysInside(path));
      const refusal = stat && (inside ? statRefusal(stat, MAX_NOTE_BYTES) : { kind: 'outside-folder' as const });
      const bytes = stat && !refusal ? await this.port.read(path) : undefined;
      if (stat && refusal) return { path, generation, stamp: stat.stamp, refusal };
      if (stat && bytes) return { path, generation, stamp: stat.stamp, bytes };
      // Gone from disk (the watcher may report it late, or not at all for a file created and deleted at once).
      if (this.generations.get(path) === generation && this.index.note(path)) this.deleteNote(path);
    } catch {
      // Unreadable for now: the next event or check reads it again.
    }
    return undefined;
  }

  /** Analyzes a note read from disk unless a newer version arrived while it was read; returns the notes whose findings may have changed. */
  private analyze(read: DiskRead): string[] {
    const { path, generation, stamp } = read;
    if (this.generations.get(path) !== generation) return [];
    this.stamps.set(path, stamp);
    const decoded = 'refusal' in read ? { ok: false as const, reason: refusedNoteReason(read.refusal) } : decodeNote(read.bytes);
    if (!decoded.ok) this.log.warn(`${path} is not analyzed: ${decoded.reason}.`);
    return decoded.ok ? this.index.setNote(path, decoded.text) : this.index.setUnreadable(path, decoded.reason);
  }

  private setText(path: string, text: string): void {
    this.nextGeneration(path);
    this.fire({ all: false, paths: this.index.setNote(path, text) });
  }

  private deleteNote(path: string): void {
    // A note deleted while its document was still loaded must not come back with a pending edit's text.
    this.edits.get(path)?.dispose();
    this.edits.delete(path);
    this.queued.delete(path);
    this.stamps.delete(path);
    this.nextGeneration(path);
    this.fire({ all: false, paths: [path, ...this.index.deleteNote(path)] });
  }

  private scheduleEdit(path: string): void {
    if (!this.isNote(path)) return;
    let pending = this.edits.get(path);
    if (!pending) {
      pending = coalesced(() => this.applyEdit(path), this.options.editDelayMs);
      this.edits.set(path, pending);
    }
    pending.schedule();
  }

  /** Analyzes the open document's text as it is now (a closed one has left its text to the disk). */
  private applyEdit(path: string): void {
    this.edits.delete(path);
    const document = this.port.open(path);
    if (document) this.setText(path, document.text);
  }

  private nextGeneration(path: string): number {
    const generation = (this.generations.get(path) ?? 0) + 1;
    this.generations.set(path, generation);
    return generation;
  }

  /** The watcher, and the edits still waiting for the typing to pause. */
  private stopWatching(): void {
    for (const pending of this.edits.values()) pending.dispose();
    this.edits.clear();
    this.watcher?.dispose();
    this.watcher = undefined;
  }
}
