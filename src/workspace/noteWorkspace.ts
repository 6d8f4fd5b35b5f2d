import * as vscode from 'vscode';
import type { LineDates } from '../core/evidence/sectionEvidence';
import { NotesRule } from '../core/scope/notesRule';
import type { FileRefusal } from '../core/fileRefusal';
import { decodeNote, MAX_NOTE_BYTES, refusedNoteReason } from '../core/notes/decodeNote';
import { NoteIndex } from '../core/index/noteIndex';
import type { ScopeState, ScopeStore } from './scopeStore';
import { coalesced, inSlices, yieldToEventLoop } from './timeSlices';
import { fileRefusal, openDocument } from './workspaceFiles';

const EDIT_DEBOUNCE_MS = 300;
const READ_BATCH = 64;
/** File events in a row that make a burst (a branch switch, a pull), after which the notes on disk are checked. */
const BURST_EVENTS = 64;
/** How long the watcher must be quiet after a burst before the check. */
const BURST_QUIET_MS = 500;

/**
 * Which notes changed: their paths relative to the scope folder, or every note after a scope change or rescan.
 * `more` says that this is one slice of a batch (a scan, a branch switch) and more of it follows: what reads
 * the whole workspace (counts, the scope file's gaps) may wait for the last slice.
 */
export type NotesChange = ({ readonly all: true } | { readonly all: false; readonly paths: readonly string[] }) & { readonly more?: boolean };

/** A note read from disk, with the generation it was read for: its bytes, or why they were not read. */
type DiskRead = {
  readonly path: string;
  readonly generation: number;
  /** The file's stamp before it was read (see `stampOf`). */
  readonly stamp: string;
} & ({ readonly bytes: Uint8Array } | { readonly refusal: FileRefusal });

/** What tells one version of a file from the next without reading it. */
const stampOf = (stat: vscode.FileStat) => `${stat.mtime}/${stat.size}`;

/**
 * Keeps the NoteIndex in step with the workspace: every note matched by the scope's notes glob, read from
 * disk, and from its editor while it is open (as the user types, debounced per document). A read that
 * finishes after a newer version of the note arrived is dropped (a generation per note).
 *
 * Notes changed on disk (a branch switch rewrites thousands at once) are queued, read in batches and analyzed
 * in time slices that yield to the event loop, with one change event per slice. The file watcher may drop events
 * when thousands of files change at once: after such a burst, every note's file is checked against the stamp it
 * had when it was read, and what changed unreported is read again.
 */
export class NoteWorkspace implements vscode.Disposable {
  readonly index: NoteIndex;
  private readonly changeEmitter = new vscode.EventEmitter<NotesChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private watcher: vscode.Disposable | undefined;
  /** Which files are notes: the glob, less the notes below other scopes' folders (nested scope files). */
  private rule: NotesRule;
  private readonly generations = new Map<string, number>();
  private readonly editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private scan: Promise<void> = Promise.resolve();
  /** Notes changed on disk and not read yet, by path; drained by one loop at a time. */
  private readonly queued = new Map<string, vscode.Uri>();
  private draining: Promise<void> | undefined;
  /** Each note's file stamp when it was read from disk, by path: what a check after a burst compares. */
  private readonly stamps = new Map<string, string>();
  /** File events with no quiet time between them; the check runs once the watcher has been quiet after a burst. */
  private burstEvents = 0;
  private readonly checkWhenQuiet = coalesced(() => {
    const burst = this.burstEvents >= BURST_EVENTS;
    this.burstEvents = 0;
    if (burst) void this.checkAfterBurst();
  }, BURST_QUIET_MS);

  constructor(
    private readonly store: ScopeStore,
    private readonly log: vscode.LogOutputChannel,
    excluded: readonly string[] = [],
  ) {
    this.index = new NoteIndex(store.current.scope);
    this.rule = new NotesRule(store.current.scope.notes, excluded);
    this.disposables.push(
      store.onDidChange((state) => this.onScope(state)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.scheduleEdit(e.document);
      }),
      // A note opened right after it was written may come before the file watcher's word of it.
      vscode.workspace.onDidOpenTextDocument((document) => this.scheduleEdit(document)),
      // An editor closed without saving leaves the file as it is on disk.
      vscode.workspace.onDidCloseTextDocument((document) => {
        const path = this.pathOf(document.uri);
        if (path) this.enqueue(path, document.uri);
      }),
    );
    this.rescan(store.current);
  }

  /** Resolves when the notes found by the latest scan have been read. */
  get ready(): Promise<void> {
    return this.scan;
  }

  /** The note's path relative to the scope folder, when the URI is a note of the workspace. */
  pathOf(uri: vscode.Uri): string | undefined {
    const folder = this.store.folderUri;
    if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return undefined;
    const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    if (!uri.path.startsWith(prefix)) return undefined;
    const path = uri.path.slice(prefix.length);
    return this.rule.isNote(path) ? path : undefined;
  }

  /**
   * Leaves the notes below other scopes' folders (nested scope files) to them; rescans when the folders changed.
   * `folders` are relative to this scope's folder.
   */
  setExcluded(folders: readonly string[]): void {
    if (this.rule.leavesOutSame(folders)) return;
    this.rule = new NotesRule(this.rule.pattern, folders);
    this.rescan(this.store.current);
  }

  uriOf(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.store.folderUri, path);
  }

  /** The scope folder on the local disk, where git can run; undefined in a virtual workspace. */
  get folderPath(): string | undefined {
    const folder = this.store.folderUri;
    return folder.scheme === 'file' ? folder.fsPath : undefined;
  }

  /** The notes glob's fixed folder (`research`), or '.': where git reads history. */
  get notesFolder(): string {
    return this.rule.base || '.';
  }

  /**
   * Records git's dates for notes' lines (see NoteIndex.setLineDates) and tells the views once: a history pass
   * dates every note at the same time, and a change event per note would refresh every view per note.
   */
  setLineDates(dated: Iterable<readonly [path: string, dates: LineDates | undefined]>): void {
    const affected = new Set<string>();
    for (const [path, dates] of dated) for (const changed of this.index.setLineDates(path, dates)) affected.add(changed);
    if (affected.size > 0) this.changeEmitter.fire({ all: false, paths: [...affected] });
  }

  private onScope(state: ScopeState): void {
    // A store's folder never changes: only another notes glob means other files.
    if (state.scope.notes === this.rule.pattern) {
      // Same notes, new scope: re-read them against it from the parses the index keeps.
      this.index.setScope(state.scope);
      this.changeEmitter.fire({ all: true });
    } else {
      this.rescan(state);
    }
  }

  private rescan(state: ScopeState): void {
    this.watcher?.dispose();
    for (const path of this.index.paths()) this.index.deleteNote(path);
    // Generations go on counting (not cleared): a read still under way from the old scan must not match a new one.
    this.queued.clear();
    this.stamps.clear();
    this.checkWhenQuiet.dispose();
    this.burstEvents = 0;
    this.index.setScope(state.scope);
    this.rule = new NotesRule(state.scope.notes, this.rule.nestedScopes);
    this.changeEmitter.fire({ all: true });

    const watcher = vscode.workspace.createFileSystemWatcher(this.notesPattern());
    const onDisk = (uri: vscode.Uri) => {
      const path = this.pathOf(uri);
      // Unsaved edits are newer than the file. A document without them is read from disk too: VS Code reloads one
      // with an editor (a document change, the same text), but not always one whose editor was closed and which it still holds.
      if (path && !openDocument(uri)?.isDirty) this.enqueue(path, uri);
      this.countEvent();
    };
    this.watcher = vscode.Disposable.from(
      watcher,
      watcher.onDidCreate(onDisk),
      watcher.onDidChange(onDisk),
      watcher.onDidDelete((uri) => {
        const path = this.pathOf(uri);
        if (path) this.deleteNote(path);
        this.countEvent();
      }),
    );
    this.scan = this.readAll();
  }

  /** The notes glob in the scope's folder: what the watcher watches and the searches find. */
  private notesPattern(): vscode.RelativePattern {
    return new vscode.RelativePattern(this.store.folderUri, this.rule.pattern);
  }

  /** The files the notes glob finds; pathOf keeps the notes among them (no hook in `.git`, no file that is not Markdown). */
  private findNotes(): Thenable<vscode.Uri[]> {
    return vscode.workspace.findFiles(this.notesPattern(), '**/{node_modules,.git}/**');
  }

  private async readAll(): Promise<void> {
    const started = Date.now();
    const uris = await this.findNotes();
    for (const uri of uris) {
      const path = this.pathOf(uri);
      const document = openDocument(uri);
      if (path && document) this.setText(path, document.getText());
      else if (path) this.enqueue(path, uri);
    }
    await this.draining;
    this.log.info(`Read ${uris.length} research notes in ${Date.now() - started} ms.`);
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
    const uris = await this.findNotes();
    // Rescanned or disposed meanwhile, or another burst began (its own check follows).
    if (this.watcher !== watcher || this.burstEvents > 0) return;
    const onDisk = new Map<string, vscode.Uri>();
    for (const uri of uris) {
      const path = this.pathOf(uri);
      if (path) onDisk.set(path, uri);
    }
    let missed = 0;
    const check = async (path: string, uri: vscode.Uri) => {
      if (this.queued.has(path) || openDocument(uri)?.isDirty) return;
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
      if (stat && this.stamps.get(path) === stampOf(stat)) return;
      missed++;
      this.enqueue(path, uri); // gone from disk: the read finds it missing and forgets the note
    };
    const all = [...onDisk, ...this.index.paths().filter((path) => !onDisk.has(path)).map((path) => [path, this.uriOf(path)] as const)];
    for (let i = 0; i < all.length; i += READ_BATCH) await Promise.all(all.slice(i, i + READ_BATCH).map(([path, uri]) => check(path, uri)));
    if (missed > 0) this.log.info(`${missed} of ${all.length} research notes changed on disk without a file event; they are read again.`);
  }

  /** Queues a note changed on disk; the drain loop reads it with the others that changed meanwhile. */
  private enqueue(path: string, uri: vscode.Uri): void {
    this.queued.set(path, uri);
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  /**
   * Reads the queued notes, a batch at a time, the next batch while this one is analyzed in slices; the last
   * slice's event says it is the last.
   */
  private async drain(): Promise<void> {
    // The watcher reports a branch switch's files over several messages: take them all before reading.
    await yieldToEventLoop();
    const readNext = () => (this.queued.size > 0 ? Promise.all(this.takeQueued(READ_BATCH).map(([path, uri]) => this.read(path, uri))) : undefined);
    let reading = readNext();
    while (reading) {
      const reads = await reading;
      reading = readNext();
      let affected = new Set<string>();
      const endSlice = (last: boolean) => {
        const paths = [...affected];
        affected = new Set();
        this.changeEmitter.fire({ all: false, paths, more: !last || reading !== undefined || this.queued.size > 0 });
      };
      await inSlices(reads, (read) => {
        if (!read) return;
        for (const path of this.analyze(read)) affected.add(path);
        this.index.prepareSummary(read.path);
      }, endSlice);
      reading ??= readNext();
      if (reading) await yieldToEventLoop();
    }
  }

  /** Takes up to `count` notes off the queue, oldest first. */
  private takeQueued(count: number): [string, vscode.Uri][] {
    const taken: [string, vscode.Uri][] = [];
    for (const entry of this.queued) {
      if (taken.length === count) break;
      taken.push(entry);
    }
    for (const [path] of taken) this.queued.delete(path);
    return taken;
  }

  /**
   * A queued note's bytes, or undefined when it is gone or a newer version arrives first (an open editor's text,
   * another read). Only a regular file within the size limit, and really in the scope's folder, is read.
   */
  private async read(path: string, uri: vscode.Uri): Promise<DiskRead | undefined> {
    // Edited in an editor since it was queued: that text is newer, and is analyzed as it is typed.
    if (openDocument(uri)?.isDirty) return undefined;
    const generation = this.nextGeneration(path);
    try {
      // The stamp first: a write after it changes the stamp, whichever version the read then gets.
      const stat = await vscode.workspace.fs.stat(uri);
      const stamp = stampOf(stat);
      const refusal = (await this.store.staysInside(uri)) ? fileRefusal(stat, MAX_NOTE_BYTES) : { kind: 'outside-folder' as const };
      if (refusal) return { path, generation, stamp, refusal };
      return { path, generation, stamp, bytes: await vscode.workspace.fs.readFile(uri) };
    } catch (error) {
      // Gone from disk (the watcher may report it late, or not at all for a file created and deleted at once).
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound' && this.generations.get(path) === generation && this.index.note(path)) this.deleteNote(path);
      return undefined;
    }
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
    this.changeEmitter.fire({ all: false, paths: this.index.setNote(path, text) });
  }

  private deleteNote(path: string): void {
    // A note deleted while its document was still loaded must not come back with a pending edit's text.
    const key = this.uriOf(path).toString();
    clearTimeout(this.editTimers.get(key));
    this.editTimers.delete(key);
    this.queued.delete(path);
    this.stamps.delete(path);
    this.nextGeneration(path);
    this.changeEmitter.fire({ all: false, paths: [path, ...this.index.deleteNote(path)] });
  }

  /**
   * Brings the index up to the document's text now, ahead of the debounce, and returns the note's path: for
   * edits computed from the analysis (quick fixes, the fix-all on save, adding a section), whose positions
   * must be those of the text they apply to.
   */
  sync(document: vscode.TextDocument): string | undefined {
    const path = this.pathOf(document.uri);
    const key = document.uri.toString();
    const pending = this.editTimers.get(key);
    if (path && pending) {
      clearTimeout(pending);
      this.editTimers.delete(key);
      this.setText(path, document.getText());
    }
    return path;
  }

  private scheduleEdit(document: vscode.TextDocument): void {
    const path = this.pathOf(document.uri);
    if (!path) return;
    const key = document.uri.toString();
    clearTimeout(this.editTimers.get(key));
    this.editTimers.set(key, setTimeout(() => {
      this.editTimers.delete(key);
      if (!document.isClosed) this.setText(path, document.getText());
    }, EDIT_DEBOUNCE_MS));
  }

  private nextGeneration(path: string): number {
    const generation = (this.generations.get(path) ?? 0) + 1;
    this.generations.set(path, generation);
    return generation;
  }

  dispose(): void {
    for (const timer of this.editTimers.values()) clearTimeout(timer);
    this.checkWhenQuiet.dispose();
    this.watcher?.dispose();
    this.watcher = undefined;
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
