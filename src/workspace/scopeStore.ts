import * as vscode from 'vscode';
import { SCOPE_FILE_NAME, SCOPE_FILE_NAMES, type Scope, type ScopeParseResult, type ScopeProblem } from '../core/scope/scopeModel';
import { MAX_SCOPE_FILE_BYTES, parseScopeFile, refusedScope, scopeFromFile } from '../core/scope/scopeParser';
import type { ScopeFile } from '../core/scope/scopeSchema';
import { Disposable, LatestRun, type Run } from './lifecycle';
import type { RealPaths } from './realPaths';
import type { ScopeCache } from './scopeCache';
import { coalesced } from './timeSlices';
import { fileRefusal, openDocument, readText, statOf } from './workspaceFiles';

/** What the tree, the diagnostics and the analysis see of the scope at a given moment. */
export interface ScopeState {
  /** The scope in force: the file's, its last valid version while it is broken, or the built-in default. */
  readonly scope: Scope;
  readonly source: 'file' | 'default';
  /** The scope file, where the workspace has one. */
  readonly fileUri?: vscode.Uri;
  /** A `competitor-scope.yml` beside the `competitor-scope.yaml` in force: not read, as on the command line. */
  readonly ignoredFileUri?: vscode.Uri;
  /** The folder that the notes glob is relative to: the scope file's, or the workspace folder's for the built-in scope. */
  readonly folderUri: vscode.Uri;
  /** The scope file's problems as it is now; when there are any, `scope` is the last valid one. */
  readonly problems: readonly ScopeProblem[];
  /** True while the scope file is broken and an older scope is shown. */
  readonly stale: boolean;
  /** The scope file's model came from the cache of an earlier activation (see ScopeCache), not yet checked again. */
  readonly fromCache?: true;
}

const EDIT_DEBOUNCE_MS = 300;

/** The scope file's names as one glob (`competitor-scope.{yaml,yml}`), for watchers, searches and document selectors. */
export const SCOPE_FILE_GLOB = `{${SCOPE_FILE_NAMES.join(',')}}`;

/** A scope file found in the folder, parsed. */
interface ReadScope {
  readonly fileUri: vscode.Uri;
  readonly parsed: ScopeParseResult;
  readonly ignoredFileUri?: vscode.Uri;
  /** The text `parsed` is of, where the file's text was read. */
  readonly text?: string;
  /** Where `parsed` came from the cache: what the background check parses and compares. */
  readonly cached?: CachedRead;
}

/** A scope file's text whose checked model came from the cache. */
interface CachedRead {
  readonly text: string;
  readonly hash: string;
  readonly file: ScopeFile;
}

/**
 * Reads and watches one folder's scope file (`folder/competitor-scope.yaml`, else `.yml`), keeps the last valid scope while
 * the file is broken, and falls back to the built-in scope where there is no file. Unsaved edits count: the
 * scope follows the editor, like VS Code's own language features. ScopeRoots keeps one per scope in the window.
 */
export class ScopeStore extends Disposable {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<ScopeState>());
  readonly onDidChange = this.changeEmitter.event;
  /** Set by the first reload, which create() awaits. */
  private state!: ScopeState;
  private lastGood: Scope | undefined;
  /** The text `lastGood` was parsed from. */
  private lastGoodText: string | undefined;
  /** A later reload's result wins over an earlier one's. */
  private readonly reloads = this.register(new LatestRun());
  /** The reload started last, which an earlier one it superseded waits for. */
  private latestReload: Promise<void> | undefined;
  /** Where the scope file is created when the folder has none. */
  readonly defaultFileUri: vscode.Uri;
  /** Where a scope file may be, the one read first when both are there. */
  readonly fileUris: readonly vscode.Uri[];
  /** The check of a scope served from the cache, until it has run or a newer read superseded it. */
  private uncheckedRead: { read: ReadScope & { cached: CachedRead }; current: () => boolean } | undefined;

  private constructor(
    readonly folderUri: vscode.Uri,
    private readonly builtIn: () => Scope,
    private readonly realPaths: RealPaths | undefined,
    private readonly cache: ScopeCache | undefined,
  ) {
    super();
    this.defaultFileUri = vscode.Uri.joinPath(folderUri, SCOPE_FILE_NAME);
    this.fileUris = SCOPE_FILE_NAMES.map((name) => vscode.Uri.joinPath(folderUri, name));
  }

  /**
   * The store of `folder`'s scope file; `builtIn` gives the built-in scope (parsed once, for every folder that needs
   * it), `realPaths` where links lead (absent in the browser), `cache` the checked models of earlier activations.
   */
  static async create(folder: vscode.Uri, builtIn: () => Scope, realPaths?: RealPaths, cache?: ScopeCache): Promise<ScopeStore> {
    const store = new ScopeStore(folder, builtIn, realPaths, cache);
    store.watch();
    // A reload the watcher starts meanwhile (the scope file written as the window opens) supersedes this one
    // unapplied: read until one applies, so that a store is never handed out without a scope.
    do await store.reload();
    while (!store.loaded);
    return store;
  }

  private get loaded(): boolean {
    return (this.state as ScopeState | undefined) !== undefined;
  }

  get current(): ScopeState {
    return this.state;
  }

  /** The scope in force, if it was parsed from `text`: a commit whose scope file reads the same needs no parse of its own. */
  scopeParsedFrom(text: string): Scope | undefined {
    return this.lastGoodText !== undefined && text === this.lastGoodText ? this.lastGood : undefined;
  }

  /**
   * Reads the scope file again (from its open editor if it has one) and tells listeners. A reload that a later one
   * supersedes (a file watcher's event arriving meanwhile) resolves with that one, so that once it resolves the
   * state is read from the files as they were when it was called, or later.
   */
  reload(): Promise<void> {
    const reload = this.readAndApply(this.reloads.start());
    this.latestReload = reload;
    return reload;
  }

  private async readAndApply(run: Run): Promise<void> {
    const found = await this.read();
    // Superseded: wait for the newer reload (none once the store is disposed).
    if (!run.current()) return this.isDisposed ? undefined : this.latestReload;
    this.uncheckedRead = found?.cached ? { read: { ...found, cached: found.cached }, current: run.current } : undefined;
    this.apply(found);
  }

  /**
   * Parses again a scope file whose model came from the cache, and shows the result if it differs (the cache
   * replaced): called once the notes are read, so that the first items and the notes wait for neither.
   */
  checkCached(): void {
    const unchecked = this.uncheckedRead;
    this.uncheckedRead = undefined;
    if (!unchecked?.current() || this.isDisposed) return;
    const { read } = unchecked;
    const { text, hash, file } = read.cached;
    const { result, file: checked } = parseScopeFile(text);
    if (checked && JSON.stringify(checked) === JSON.stringify(file)) {
      // The same scope: nothing to tell the listeners.
      this.state = { ...this.state, fromCache: undefined };
      return;
    }
    void (checked ? this.cache?.set(read.fileUri, hash, checked) : this.cache?.forget(read.fileUri));
    this.apply({ ...read, parsed: result, cached: undefined });
  }

  /**
   * The scope file in force, parsed: `competitor-scope.yaml`, else `.yml` (a `.yml` beside a `.yaml` is named, not
   * read). A file counts when it is on disk or has unsaved edits. Undefined where there is no scope file.
   */
  private async read(): Promise<ReadScope | undefined> {
    const files = await Promise.all(this.fileUris.map(async (uri) => ({ uri, stat: await statOf(uri) })));
    // An editor keeps a deleted file's document: only unsaved edits make it a scope file still.
    const [inForce, ignored] = files.filter(({ uri, stat }) => stat || openDocument(uri)?.isDirty);
    if (!inForce) return undefined;
    const read = await this.textOf(inForce.uri, inForce.stat);
    const parsed =
      read && 'text' in read ? { ...(await this.check(inForce.uri, read.text, read.onDisk)), text: read.text } : read && { parsed: read };
    return parsed && { fileUri: inForce.uri, ...parsed, ...(ignored ? { ignoredFileUri: ignored.uri } : {}) };
  }

  /**
   * A scope file's text checked: its model from the cache when it holds this text's, else parsed. The file's text on
   * disk (what the next activation reads) is cached when valid; an editor's unsaved text is not.
   */
  private async check(fileUri: vscode.Uri, text: string, onDisk: boolean): Promise<Pick<ReadScope, 'parsed' | 'cached'>> {
    const cached = await this.cache?.get(fileUri, text);
    if (cached?.file) return { parsed: scopeFromFile(text, cached.file), cached: { text, hash: cached.hash, file: cached.file } };
    const { result, file } = parseScopeFile(text);
    if (cached && onDisk) void (file ? this.cache?.set(fileUri, cached.hash, file) : this.cache?.forget(fileUri));
    return { parsed: result };
  }

  /**
   * A scope file's text: an open editor's (unsaved edits count), else the file's, read only when it is a regular
   * file within the size limit; else the problem of a file not read. A file that links out of the folder is refused
   * whoever holds its text.
   */
  private async textOf(
    uri: vscode.Uri,
    stat: vscode.FileStat | undefined,
  ): Promise<{ text: string; onDisk: boolean } | ScopeParseResult | undefined> {
    if (stat && !(await this.staysInside(uri))) return refusedScope({ kind: 'outside-folder' });
    const document = openDocument(uri);
    if (document) return { text: document.getText(), onDisk: !document.isDirty };
    if (!stat) return undefined;
    const refusal = fileRefusal(stat, MAX_SCOPE_FILE_BYTES);
    if (refusal) return refusedScope(refusal);
    const text = await readText(uri);
    return text === undefined ? undefined : { text, onDisk: true };
  }

  /** Whether a file of the folder is really in it, links resolved; true where they cannot be (see RealPaths). */
  async staysInside(uri: vscode.Uri): Promise<boolean> {
    if (!this.realPaths || uri.scheme !== 'file' || this.folderUri.scheme !== 'file') return true;
    return this.realPaths.staysInside(this.folderUri.fsPath, uri.fsPath);
  }

  /**
   * Reads a note of the folder now (see RealPaths.readNote), where the folder is on the local disk and the build
   * can (the desktop's); undefined where not, so that whoever keeps notes keeps their texts instead.
   */
  get noteReader(): ((uri: vscode.Uri) => string | undefined) | undefined {
    const { realPaths, folderUri } = this;
    if (!realPaths?.readNote || folderUri.scheme !== 'file') return undefined;
    return (uri) => (uri.scheme === 'file' ? realPaths.readNote?.(folderUri.fsPath, uri.fsPath) : undefined);
  }

  private apply(read: ReadScope | undefined): void {
    if (!read) {
      this.lastGood = this.lastGoodText = undefined;
      this.publish({ scope: this.builtIn(), source: 'default', problems: [], stale: false, folderUri: this.folderUri });
      return;
    }
    const { parsed, fileUri, ignoredFileUri, cached, text } = read;
    if (parsed.ok) [this.lastGood, this.lastGoodText] = [parsed.scope, text];
    this.publish({
      ...(cached ? { fromCache: true as const } : {}),
      scope: this.lastGood ?? this.builtIn(),
      source: this.lastGood ? 'file' : 'default',
      fileUri,
      ...(ignoredFileUri ? { ignoredFileUri } : {}),
      problems: parsed.problems,
      stale: !parsed.ok,
      folderUri: this.folderUri,
    });
  }

  private publish(state: ScopeState): void {
    this.state = state;
    this.changeEmitter.fire(state);
  }

  private watch(): void {
    const reload = () => void this.reload();
    const edited = coalesced(reload, EDIT_DEBOUNCE_MS);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folderUri, SCOPE_FILE_GLOB));
    this.registerAll(
      edited,
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!this.isScopeFile(event.document.uri) || event.contentChanges.length === 0) return;
        edited.schedule();
      }),
      // Closing an unsaved editor reverts the scope to what is on disk.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.isScopeFile(document.uri)) reload();
      }),
    );
  }

  private isScopeFile(uri: vscode.Uri): boolean {
    return this.fileUris.some((fileUri) => fileUri.toString() === uri.toString());
  }
}
