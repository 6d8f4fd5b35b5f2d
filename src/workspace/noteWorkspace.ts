import * as vscode from 'vscode';
import type { LineDates } from '../core/evidence/sectionEvidence';
import type { NoteIndex } from '../core/index/noteIndex';
import { Disposable } from './lifecycle';
import type { FileEvent, NoteFileStat, NotesChange, NotesPort, OpenNote, Subscription } from './notesPort';
import { NoteSync } from './noteSync';
import type { ScopeStore } from './scopeStore';
import { openDocument } from './workspaceFiles';

export type { NotesChange } from './notesPort';

/**
 * Keeps the NoteIndex in step with the workspace (see NoteSync, which does the work): the notes of a scope's
 * folder, read from disk through workspace.fs and from their editors while they are open.
 */
export class NoteWorkspace extends Disposable {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<NotesChange>());
  readonly onDidChange = this.changeEmitter.event;
  private readonly engine: NoteSync;

  constructor(
    private readonly store: ScopeStore,
    log: vscode.LogOutputChannel,
    excluded: readonly string[] = [],
    /** A digest of a note's text that the index keeps for comparisons with history (see NoteIndexOptions). */
    fingerprint?: (text: string) => string,
  ) {
    super();
    const port = new WorkspaceNotes(store, (uri) => this.relativePath(uri));
    const fire = (change: NotesChange) => this.changeEmitter.fire(change);
    this.engine = this.register(new NoteSync(port, store.current.scope, log, fire, excluded, {}, fingerprint));
    this.register(store.onDidChange((state) => this.engine.setScope(state.scope)));
  }

  get index(): NoteIndex {
    return this.engine.index;
  }

  /** Resolves when the notes found by the latest scan have been read. */
  get ready(): Promise<void> {
    return this.engine.ready;
  }

  /** The note's path relative to the scope folder, when the URI is a note of the workspace. */
  pathOf(uri: vscode.Uri): string | undefined {
    const path = this.relativePath(uri);
    return path !== undefined && this.engine.isNote(path) ? path : undefined;
  }

  /** The URI's path relative to the scope folder, when it is in it. */
  private relativePath(uri: vscode.Uri): string | undefined {
    const folder = this.store.folderUri;
    if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return undefined;
    const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    return uri.path.startsWith(prefix) ? uri.path.slice(prefix.length) : undefined;
  }

  /**
   * Leaves the notes below other scopes' folders (nested scope files) to them; rescans when the folders changed.
   * `folders` are relative to this scope's folder.
   */
  setExcluded(folders: readonly string[]): void {
    this.engine.setExcluded(folders);
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
    return this.engine.notesFolder;
  }

  /** Records git's dates for notes' lines, with one change event for all of them (see NoteSync.setLineDates). */
  setLineDates(dated: Iterable<readonly [path: string, dates: LineDates | undefined]>): void {
    this.engine.setLineDates(dated);
  }

  /**
   * Brings the index up to the document's text now, ahead of the debounce, and returns the note's path: for
   * edits computed from the analysis (quick fixes, the fix-all on save, adding a section), whose positions
   * must be those of the text they apply to.
   */
  sync(document: vscode.TextDocument): string | undefined {
    const path = this.pathOf(document.uri);
    if (path) this.engine.sync(path);
    return path;
  }
}

/** The notes port on VS Code: workspace.fs, a file system watcher, findFiles and the open text documents. */
class WorkspaceNotes implements NotesPort {
  constructor(
    private readonly store: ScopeStore,
    private readonly relativePath: (uri: vscode.Uri) => string | undefined,
  ) {}

  private uriOf(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.store.folderUri, path);
  }

  private pattern(glob: string): vscode.RelativePattern {
    return new vscode.RelativePattern(this.store.folderUri, glob);
  }

  async find(glob: string): Promise<string[]> {
    const uris = await vscode.workspace.findFiles(this.pattern(glob), '**/{node_modules,.git}/**');
    return uris.flatMap((uri) => this.relativePath(uri) ?? []);
  }

  async stat(path: string): Promise<NoteFileStat | undefined> {
    const stat = await missingAsUndefined(vscode.workspace.fs.stat(this.uriOf(path)));
    return stat && { stamp: `${stat.mtime}/${stat.size}`, isFile: (stat.type & vscode.FileType.File) !== 0, size: stat.size };
  }

  staysInside(path: string): Promise<boolean> {
    return this.store.staysInside(this.uriOf(path));
  }

  read(path: string): Promise<Uint8Array | undefined> {
    return missingAsUndefined(vscode.workspace.fs.readFile(this.uriOf(path)));
  }

  watch(glob: string, on: (event: FileEvent) => void): Subscription {
    const watcher = vscode.workspace.createFileSystemWatcher(this.pattern(glob));
    const report = (kind: FileEvent['kind']) => (uri: vscode.Uri) => {
      const path = this.relativePath(uri);
      if (path !== undefined) on({ kind, path });
    };
    return vscode.Disposable.from(
      watcher,
      watcher.onDidCreate(report('created')),
      watcher.onDidChange(report('changed')),
      watcher.onDidDelete(report('deleted')),
    );
  }

  open(path: string): OpenNote | undefined {
    const document = openDocument(this.uriOf(path));
    // The text only when asked: most callers want to know whether there are unsaved edits.
    return (
      document && {
        dirty: document.isDirty,
        get text() {
          return document.getText();
        },
      }
    );
  }

  onDidEdit(on: (path: string) => void): Subscription {
    const edited = (document: vscode.TextDocument) => {
      const path = this.relativePath(document.uri);
      if (path !== undefined) on(path);
    };
    return vscode.Disposable.from(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) edited(e.document);
      }),
      // A note opened right after it was written may come before the file watcher's word of it.
      vscode.workspace.onDidOpenTextDocument(edited),
    );
  }

  onDidClose(on: (path: string) => void): Subscription {
    return vscode.workspace.onDidCloseTextDocument((document) => {
      const path = this.relativePath(document.uri);
      if (path !== undefined) on(path);
    });
  }
}

/** The result, or undefined when the file is not there; any other failure stays one. */
async function missingAsUndefined<T>(pending: Thenable<T>): Promise<T | undefined> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}
