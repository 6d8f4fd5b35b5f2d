import * as vscode from 'vscode';
import type { Scope } from '../core/scope/scopeModel';
import { Disposable, type DisposableLike } from './lifecycle';
import { NoteNavigator } from './noteNavigation';
import { NoteWorkspace, type NotesChange } from './noteWorkspace';
import type { RealPaths } from './realPaths';
import type { ScopeCache } from './scopeCache';
import { ScopeFileEditor } from './scopeFileEditor';
import { SCOPE_FILE_GLOB, ScopeStore } from './scopeStore';
import { AFTER_SCAN_DELAY_MS, coalesced } from './timeSlices';

/** More scope files than this in one window is not a research repository: the rest are left out, and the log says so. */
const MAX_SCOPES = 64;
const DISCOVER_DEBOUNCE_MS = 100;

/** One scope in the window: a folder with its scope file (or the built-in scope), its notes, and what acts on them. */
export class ScopeRoot extends Disposable {
  readonly notes: NoteWorkspace;
  readonly navigator: NoteNavigator;
  readonly editor: ScopeFileEditor;

  constructor(
    /** The folder's URI as a string: how nodes, panels and commands name the scope. */
    readonly key: string,
    /** The workspace folder's name, with the path below it for a nested scope file. */
    readonly label: string,
    readonly store: ScopeStore,
    log: vscode.LogOutputChannel,
    excluded: readonly string[],
    fingerprint?: (text: string) => string,
  ) {
    super();
    this.notes = new NoteWorkspace(store, log, excluded, fingerprint);
    this.navigator = new NoteNavigator(store, this.notes);
    this.editor = new ScopeFileEditor(store, this.notes);
  }

  get folderUri(): vscode.Uri {
    return this.store.folderUri;
  }

  /** What runs for this scope alone (its diagnostics, its dating): disposed with it, before its notes and store. */
  own(disposables: readonly DisposableLike[]): void {
    this.registerAll(...disposables);
  }

  override dispose(): void {
    if (this.isDisposed) return;
    super.dispose();
    vscode.Disposable.from(this.notes, this.store).dispose();
  }
}

/** A change of one scope's notes. */
export interface RootNotesChange {
  readonly root: ScopeRoot;
  readonly change: NotesChange;
}

/**
 * Every scope of the window. Each workspace folder is one (its own scope file, or the built-in scope), and so is
 * every folder below that holds a `competitor-scope.yaml` (or `.yml`); a note belongs to the nearest scope file above it. A
 * workspace folder without a scope file of its own but with nested ones is only those (a monorepo of teams).
 */
export class ScopeRoots extends Disposable {
  private roots = new Map<string, ScopeRoot>();
  private readonly rootsEmitter = this.register(new vscode.EventEmitter<void>());
  private readonly notesEmitter = this.register(new vscode.EventEmitter<RootNotesChange>());
  private readonly scopeEmitter = this.register(new vscode.EventEmitter<ScopeRoot>());
  private readonly currentEmitter = this.register(new vscode.EventEmitter<void>());
  /** The set of scopes changed (a folder or a scope file came or went). */
  readonly onDidChangeRoots = this.rootsEmitter.event;
  readonly onDidChangeNotes = this.notesEmitter.event;
  readonly onDidChangeScope = this.scopeEmitter.event;
  /** The scope of the active note changed (see `current`). */
  readonly onDidChangeCurrent = this.currentEmitter.event;
  private lastCurrent: ScopeRoot | undefined;
  private discovering: Promise<void> = Promise.resolve();
  private readonly rediscover = this.register(coalesced(() => void this.discover(), DISCOVER_DEBOUNCE_MS));

  private constructor(
    private readonly builtIn: () => Scope,
    private readonly log: vscode.LogOutputChannel,
    private readonly realPaths: RealPaths | undefined,
    private readonly perRoot: (root: ScopeRoot) => vscode.Disposable[],
    private readonly cache: ScopeCache | undefined,
    private readonly fingerprint: ((text: string) => string) | undefined,
  ) {
    super();
    this.register({ dispose: () => this.roots.forEach((root) => root.dispose()) });
  }

  /**
   * The workspace folders' scopes, at once; the scope files in subfolders follow from a search of the workspace
   * (`ready` waits for it), which the tree's first items do not wait for. `perRoot` starts what runs for each scope
   * alone; `cache` keeps the scope files' checked models between activations.
   */
  static async create(
    builtIn: () => Scope,
    log: vscode.LogOutputChannel,
    realPaths: RealPaths | undefined,
    perRoot: (root: ScopeRoot) => vscode.Disposable[],
    cache?: ScopeCache,
    fingerprint?: (text: string) => string,
  ): Promise<ScopeRoots> {
    const roots = new ScopeRoots(builtIn, log, realPaths, perRoot, cache, fingerprint);
    roots.watch();
    await roots.discover({ nested: false });
    void roots.discover();
    return roots;
  }

  /** In the order of the workspace folders, each followed by its nested scopes. */
  get all(): readonly ScopeRoot[] {
    return [...this.roots.values()];
  }

  get(key: string | undefined): ScopeRoot | undefined {
    return key === undefined ? undefined : this.roots.get(key);
  }

  /** The nearest scope at or above `uri`: one lookup per folder level. */
  forUri(uri: vscode.Uri): ScopeRoot | undefined {
    for (let folder = uri, depth = 0; depth < 256; depth++) {
      const root = this.roots.get(folder.toString());
      if (root) return root;
      const parent = vscode.Uri.joinPath(folder, '..');
      if (parent.path === folder.path) return undefined;
      folder = parent;
    }
    return undefined;
  }

  /** The scope whose scope file `uri` is (or would be): not a `.yml` that a `.yaml` beside it stands in for. */
  forScopeFile(uri: vscode.Uri): ScopeRoot | undefined {
    const root = this.roots.get(vscode.Uri.joinPath(uri, '..').toString());
    const fileUri = root && (root.store.current.fileUri ?? root.store.defaultFileUri);
    return fileUri?.toString() === uri.toString() ? root : undefined;
  }

  /** The notes of the scope a note belongs to, when `uri` is a research note. */
  notesFor(uri: vscode.Uri): NoteWorkspace | undefined {
    const notes = this.forUri(uri)?.notes;
    return notes?.pathOf(uri) === undefined ? undefined : notes;
  }

  /** The scope commands act on: the active editor's, else the last one that was, else the first; none without a folder. */
  get current(): ScopeRoot | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    const root = active && this.forUri(active);
    if (root) return root;
    return (this.lastCurrent && this.roots.get(this.lastCurrent.key)) ?? this.all[0];
  }

  /** The scope a command's argument names (`root`, carried by the tree's nodes and scope refs), else the current one. */
  of(target?: unknown): ScopeRoot | undefined {
    const key =
      typeof target === 'object' && target !== null && 'root' in target && typeof target.root === 'string' ? target.root : undefined;
    return this.get(key) ?? this.current;
  }

  /** `of(target)` once every scope's notes have been read: what a command that reads the analysis waits for. */
  async whenReady(target?: unknown): Promise<ScopeRoot | undefined> {
    await this.ready;
    return this.of(target);
  }

  /** Makes a scope the current one (the matrix's folder selector), until a note of another scope is active. */
  choose(root: ScopeRoot): void {
    if (root === this.current) return;
    this.lastCurrent = root;
    this.currentEmitter.fire();
  }

  /** Resolves when every scope's notes of the latest scan have been read and analyzed. */
  get ready(): Promise<void> {
    return this.discovering.then(() => Promise.all(this.all.map((root) => root.notes.ready))).then(() => undefined);
  }

  private watch(): void {
    const later = () => this.rediscover.schedule();
    // A scope file's edits are its store's; only files that come and go change the set of scopes.
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${SCOPE_FILE_GLOB}`, false, true, false);
    this.registerAll(
      watcher,
      watcher.onDidCreate(later),
      watcher.onDidDelete(later),
      vscode.workspace.onDidChangeWorkspaceFolders(later),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
    );
  }

  /** Remembers the scope of the active note as the current one, so that it stays current while a webview has the focus. */
  private follow(editor: vscode.TextEditor | undefined): void {
    const root = editor && this.forUri(editor.document.uri);
    if (!root || root === this.lastCurrent) return;
    this.lastCurrent = root;
    this.currentEmitter.fire();
  }

  /** Finds the scopes again (after any run still under way): keeps those still there, starts the new ones, disposes the gone ones. */
  discover({ nested = true } = {}): Promise<void> {
    this.discovering = this.discovering.then(async () => this.apply(await this.find(nested)));
    return this.discovering;
  }

  private async find(searchNested: boolean): Promise<{ uri: vscode.Uri; label: string }[]> {
    const workspaceFolders = vscode.workspace.workspaceFolders ?? [];
    if (workspaceFolders.length === 0) return [];
    if (!searchNested) return workspaceFolders.map((folder) => ({ uri: folder.uri, label: folder.name }));
    // A file system without search (some virtual ones) still has its folders' own scope files.
    const files = await Promise.resolve(vscode.workspace.findFiles(`**/${SCOPE_FILE_GLOB}`, '**/node_modules/**', MAX_SCOPES + 1)).catch(
      (error: unknown) => {
        this.log.warn(`Scope files in subfolders are not looked for: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      },
    );
    if (files.length > MAX_SCOPES) this.log.warn(`More than ${MAX_SCOPES} scope files in this window: only ${MAX_SCOPES} are used.`);
    const nested = files
      .slice(0, MAX_SCOPES)
      .map((file) => vscode.Uri.joinPath(file, '..'))
      .sort((a, b) => a.path.localeCompare(b.path));
    const found: { uri: vscode.Uri; label: string }[] = [];
    const taken = new Set<string>();
    const add = (uri: vscode.Uri, label: string) => {
      if (!taken.has(uri.toString())) found.push({ uri, label });
      taken.add(uri.toString());
    };
    for (const folder of workspaceFolders) {
      const inside = nested.filter((uri) => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === folder.uri.toString());
      const ownFile = inside.some((uri) => uri.toString() === folder.uri.toString());
      if (ownFile || inside.length === 0) add(folder.uri, folder.name);
      for (const uri of inside) add(uri, `${folder.name}/${vscode.workspace.asRelativePath(uri, false)}`);
    }
    return found;
  }

  private async apply(folders: readonly { uri: vscode.Uri; label: string }[]): Promise<void> {
    const next = new Map<string, ScopeRoot>();
    let changed = folders.length !== this.roots.size;
    for (const { uri, label } of folders) {
      const key = uri.toString();
      const excluded = foldersBelow(uri, folders);
      const kept = this.roots.get(key);
      if (kept) {
        kept.notes.setExcluded(excluded);
        next.set(key, kept);
        continue;
      }
      changed = true;
      const store = await ScopeStore.create(uri, this.builtIn, this.realPaths, this.cache);
      if (this.isDisposed) {
        for (const root of [store, ...[...next.values()].filter((r) => !this.roots.has(r.key))]) root.dispose();
        return;
      }
      next.set(key, this.start(key, label, store, excluded));
    }
    for (const [key, root] of this.roots) if (!next.has(key)) root.dispose();
    this.roots = next;
    if (changed) this.rootsEmitter.fire();
    // A note opened before its scope was found (at start-up, or before its scope file) is the current one now.
    this.follow(vscode.window.activeTextEditor);
  }

  private start(key: string, label: string, store: ScopeStore, excluded: readonly string[]): ScopeRoot {
    const root = new ScopeRoot(key, label, store, this.log, excluded, this.fingerprint);
    root.own([
      root.notes.onDidChange((change) => this.notesEmitter.fire({ root, change })),
      store.onDidChange(() => this.scopeEmitter.fire(root)),
      ...this.perRoot(root),
    ]);
    // A scope served from the cache is checked again once its notes are read: neither the first items nor the notes wait for it.
    const check = coalesced(() => store.checkCached(), AFTER_SCAN_DELAY_MS);
    root.own([check]);
    const later = () => check.schedule();
    void root.notes.ready.then(later, later);
    return root;
  }
}

/** The folders of the other scopes inside `folder`, relative to it. */
function foldersBelow(folder: vscode.Uri, folders: readonly { uri: vscode.Uri }[]): string[] {
  const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return folders
    .filter(({ uri }) => uri.scheme === folder.scheme && uri.authority === folder.authority && uri.path.startsWith(prefix))
    .map(({ uri }) => uri.path.slice(prefix.length).replace(/\/$/, ''));
}
