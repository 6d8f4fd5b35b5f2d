import * as vscode from 'vscode';
import { Glob } from '../core/glob';
import { decodeNote } from '../core/notes/decodeNote';
import { NoteIndex } from '../core/notes/noteIndex';
import type { ScopeState, ScopeStore } from './scopeStore';
import { openDocument } from './workspaceFiles';

const EDIT_DEBOUNCE_MS = 300;
const READ_BATCH = 64;

/** Which notes changed: their paths relative to the scope folder, or every note after a scope change or rescan. */
export type NotesChange = { readonly all: true } | { readonly all: false; readonly paths: readonly string[] };

/**
 * Keeps the NoteIndex in step with the workspace: every note matched by the scope's notes glob, read from
 * disk, and from its editor while it is open (as the user types, debounced per document). A read that
 * finishes after a newer version of the note arrived is dropped (a generation per note).
 */
export class NoteWorkspace implements vscode.Disposable {
  readonly index: NoteIndex;
  private readonly changeEmitter = new vscode.EventEmitter<NotesChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private watcher: vscode.Disposable | undefined;
  private folderUri: vscode.Uri | undefined;
  private glob: Glob;
  private readonly generations = new Map<string, number>();
  private readonly editTimers = new Map<string, NodeJS.Timeout>();
  private scan: Promise<void> = Promise.resolve();

  constructor(
    store: ScopeStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.index = new NoteIndex(store.current.scope);
    this.glob = new Glob(store.current.scope.notes);
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
        if (path) void this.readNote(path, document.uri);
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
    const folder = this.folderUri;
    if (!folder || uri.scheme !== folder.scheme || uri.authority !== folder.authority) return undefined;
    const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    if (!uri.path.startsWith(prefix)) return undefined;
    const path = uri.path.slice(prefix.length);
    return this.glob.matches(path) ? path : undefined;
  }

  uriOf(path: string): vscode.Uri | undefined {
    return this.folderUri && vscode.Uri.joinPath(this.folderUri, path);
  }

  private onScope(state: ScopeState): void {
    const sameFiles = state.folderUri?.toString() === this.folderUri?.toString() && state.scope.notes === this.glob.pattern;
    if (sameFiles) {
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
    this.generations.clear();
    this.index.setScope(state.scope);
    this.folderUri = state.folderUri;
    this.glob = new Glob(state.scope.notes);
    this.changeEmitter.fire({ all: true });
    const folder = this.folderUri;
    if (!folder) return;

    const pattern = new vscode.RelativePattern(folder, state.scope.notes);
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onDisk = (uri: vscode.Uri) => {
      const path = this.pathOf(uri);
      // An open editor's text is newer than the file; VS Code reports its reload as a document change.
      if (path && !openDocument(uri)) void this.readNote(path, uri);
    };
    this.watcher = vscode.Disposable.from(
      watcher,
      watcher.onDidCreate(onDisk),
      watcher.onDidChange(onDisk),
      watcher.onDidDelete((uri) => {
        const path = this.pathOf(uri);
        if (path) this.deleteNote(path);
      }),
    );
    this.scan = this.readAll(pattern);
  }

  private async readAll(pattern: vscode.RelativePattern): Promise<void> {
    const started = Date.now();
    const uris = await vscode.workspace.findFiles(pattern, '**/node_modules/**');
    for (let i = 0; i < uris.length; i += READ_BATCH) {
      await Promise.all(uris.slice(i, i + READ_BATCH).map((uri) => {
        const path = this.pathOf(uri);
        const document = openDocument(uri);
        if (!path) return undefined;
        return document ? this.setText(path, document.getText()) : this.readNote(path, uri, false);
      }));
    }
    this.log.info(`Read ${uris.length} research notes in ${Date.now() - started} ms.`);
    this.changeEmitter.fire({ all: true });
  }

  private async readNote(path: string, uri: vscode.Uri, notify = true): Promise<void> {
    const generation = this.nextGeneration(path);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      // Gone from disk (the watcher may report it late, or not at all for a file created and deleted at once).
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound' && this.generations.get(path) === generation && this.index.note(path)) this.deleteNote(path);
      return;
    }
    if (this.generations.get(path) !== generation) return; // a newer version arrived while reading
    const decoded = decodeNote(bytes);
    if (!decoded.ok) this.log.warn(`${path} is not analyzed: ${decoded.reason}.`);
    const affected = decoded.ok ? this.index.setNote(path, decoded.text) : this.index.setUnreadable(path, decoded.reason);
    if (notify) this.changeEmitter.fire({ all: false, paths: affected });
  }

  private setText(path: string, text: string): void {
    this.nextGeneration(path);
    this.changeEmitter.fire({ all: false, paths: this.index.setNote(path, text) });
  }

  private deleteNote(path: string): void {
    // A note deleted while its document was still loaded must not come back with a pending edit's text.
    const key = this.uriOf(path)?.toString();
    if (key !== undefined) {
      clearTimeout(this.editTimers.get(key));
      this.editTimers.delete(key);
    }
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
    this.watcher?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
