import * as vscode from 'vscode';
import { SCOPE_FILE_NAME, type Scope, type ScopeParseResult, type ScopeProblem } from '../core/scope/scopeModel';
import { MAX_SCOPE_FILE_BYTES, parseScope, refusedScope } from '../core/scope/scopeParser';
import { Disposable, LatestRun } from './lifecycle';
import type { RealPaths } from './realPaths';
import { coalesced } from './timeSlices';
import { fileRefusal, openDocument, readText, statOf } from './workspaceFiles';

/** What the tree, the diagnostics and the analysis see of the scope at a given moment. */
export interface ScopeState {
  /** The scope in force: the file's, its last valid version while it is broken, or the built-in default. */
  readonly scope: Scope;
  readonly source: 'file' | 'default';
  /** The scope file, where the workspace has one. */
  readonly fileUri?: vscode.Uri;
  /** The folder that the notes glob is relative to: the scope file's, or the workspace folder's for the built-in scope. */
  readonly folderUri: vscode.Uri;
  /** The scope file's problems as it is now; when there are any, `scope` is the last valid one. */
  readonly problems: readonly ScopeProblem[];
  /** True while the scope file is broken and an older scope is shown. */
  readonly stale: boolean;
}

const EDIT_DEBOUNCE_MS = 300;

/**
 * Reads and watches one folder's scope file (`folder/competitor-scope.yaml`), keeps the last valid scope while
 * the file is broken, and falls back to the built-in scope where there is no file. Unsaved edits count: the
 * scope follows the editor, like VS Code's own language features. ScopeRoots keeps one per scope in the window.
 */
export class ScopeStore extends Disposable {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<ScopeState>());
  readonly onDidChange = this.changeEmitter.event;
  /** Set by the first reload, which create() awaits. */
  private state!: ScopeState;
  private lastGood: Scope | undefined;
  /** A later reload's result wins over an earlier one's. */
  private readonly reloads = this.register(new LatestRun());
  /** Where the scope file is or would be created. */
  readonly defaultFileUri: vscode.Uri;

  private constructor(
    readonly folderUri: vscode.Uri,
    private readonly builtIn: () => Scope,
    private readonly realPaths: RealPaths | undefined,
  ) {
    super();
    this.defaultFileUri = vscode.Uri.joinPath(folderUri, SCOPE_FILE_NAME);
  }

  /**
   * The store of `folder`'s scope file; `builtIn` gives the built-in scope (parsed once, for every folder that needs
   * it), `realPaths` where links lead (absent in the browser).
   */
  static async create(folder: vscode.Uri, builtIn: () => Scope, realPaths?: RealPaths): Promise<ScopeStore> {
    const store = new ScopeStore(folder, builtIn, realPaths);
    store.watch();
    await store.reload();
    return store;
  }

  get current(): ScopeState {
    return this.state;
  }

  /** Reads the scope file again (from its open editor if it has one) and tells listeners. */
  async reload(): Promise<void> {
    const run = this.reloads.start();
    const parsed = await this.read();
    if (!run.current()) return;
    this.apply(parsed);
  }

  /**
   * The scope file parsed: an open editor's text (unsaved edits count), else the file's, read only when it is a
   * regular file within the size limit. A file that links out of the folder is refused whoever holds its text.
   * Undefined where there is no scope file.
   */
  private async read(): Promise<ScopeParseResult | undefined> {
    const uri = this.defaultFileUri;
    const stat = await statOf(uri);
    if (stat && !(await this.staysInside(uri))) return refusedScope({ kind: 'outside-folder' });
    const document = openDocument(uri);
    // An editor keeps a deleted file's document: only unsaved edits make it a scope file still.
    if (document && (stat || document.isDirty)) return parseScope(document.getText());
    if (!stat) return undefined;
    const refusal = fileRefusal(stat, MAX_SCOPE_FILE_BYTES);
    if (refusal) return refusedScope(refusal);
    const text = await readText(uri);
    return text === undefined ? undefined : parseScope(text);
  }

  /** Whether a file of the folder is really in it, links resolved; true where they cannot be (see RealPaths). */
  async staysInside(uri: vscode.Uri): Promise<boolean> {
    if (!this.realPaths || uri.scheme !== 'file' || this.folderUri.scheme !== 'file') return true;
    return this.realPaths.staysInside(this.folderUri.fsPath, uri.fsPath);
  }

  private apply(parsed: ScopeParseResult | undefined): void {
    if (!parsed) {
      this.lastGood = undefined;
      this.publish({ scope: this.builtIn(), source: 'default', problems: [], stale: false, folderUri: this.folderUri });
      return;
    }
    if (parsed.ok) this.lastGood = parsed.scope;
    this.publish({
      scope: this.lastGood ?? this.builtIn(),
      source: this.lastGood ? 'file' : 'default',
      fileUri: this.defaultFileUri,
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
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folderUri, SCOPE_FILE_NAME));
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
    return this.defaultFileUri.toString() === uri.toString();
  }
}
