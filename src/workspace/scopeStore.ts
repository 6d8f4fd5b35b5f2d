import * as vscode from 'vscode';
import { SCOPE_FILE_NAME, type Scope, type ScopeProblem } from '../core/scopeModel';
import { parseScope } from '../core/scopeParser';
import { exists, openDocument, readText } from './workspaceFiles';

/** What the tree, the diagnostics and the analysis see of the scope at a given moment. */
export interface ScopeState {
  /** The scope in force: the file's, its last valid version while it is broken, or the built-in default. */
  readonly scope: Scope;
  readonly source: 'file' | 'default';
  /** The scope file, where the workspace has one. */
  readonly fileUri?: vscode.Uri;
  /** The folder that the notes glob is relative to; none when no folder is open. */
  readonly folderUri?: vscode.Uri;
  /** The scope file's problems as it is now; when there are any, `scope` is the last valid one. */
  readonly problems: readonly ScopeProblem[];
  /** True while the scope file is broken and an older scope is shown. */
  readonly stale: boolean;
}

const EDIT_DEBOUNCE_MS = 300;

/**
 * Finds, reads and watches the workspace's scope file (the first workspace folder that has one),
 * keeps the last valid scope while the file is broken, and falls back to the built-in scope.
 * Unsaved edits count: the scope follows the editor, like VS Code's own language features.
 */
export class ScopeStore implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ScopeState>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  /** Set by the first reload, which create() awaits. */
  private state!: ScopeState;
  private lastGood: Scope | undefined;
  private builtIn: Scope | undefined;
  private editTimer: NodeJS.Timeout | undefined;
  private generation = 0;

  private constructor(private readonly builtInText: string) {}

  static async create(extensionUri: vscode.Uri): Promise<ScopeStore> {
    const store = new ScopeStore((await readText(vscode.Uri.joinPath(extensionUri, 'scope', SCOPE_FILE_NAME))) ?? '');
    store.watch();
    await store.reload();
    return store;
  }

  /** The built-in scope, parsed only when a workspace needs it: most have their own. */
  private get defaultScope(): Scope {
    if (!this.builtIn) {
      const parsed = parseScope(this.builtInText);
      if (!parsed.ok) throw new Error(`The built-in scope is invalid: ${parsed.problems[0]?.message}`);
      this.builtIn = parsed.scope;
    }
    return this.builtIn;
  }

  get current(): ScopeState {
    return this.state;
  }

  /** Where a scope file is or would be created: the first workspace folder. */
  get defaultFileUri(): vscode.Uri | undefined {
    const root = vscode.workspace.workspaceFolders?.[0];
    return root && vscode.Uri.joinPath(root.uri, SCOPE_FILE_NAME);
  }

  /** Reads the scope file again (from its open editor if it has one) and tells listeners. */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    const fileUri = await this.findScopeFile();
    const text = fileUri && (openDocument(fileUri)?.getText() ?? (await readText(fileUri)));
    if (generation !== this.generation) return; // a later reload has started: its result wins
    this.apply(fileUri, text);
  }

  private apply(fileUri: vscode.Uri | undefined, text: string | undefined): void {
    if (!fileUri || text === undefined) {
      this.lastGood = undefined;
      this.publish({ scope: this.defaultScope, source: 'default', problems: [], stale: false, ...folder(undefined) });
      return;
    }
    const parsed = parseScope(text);
    if (parsed.ok) this.lastGood = parsed.scope;
    this.publish({
      scope: this.lastGood ?? this.defaultScope,
      source: this.lastGood ? 'file' : 'default',
      fileUri,
      problems: parsed.problems,
      stale: !parsed.ok,
      ...folder(fileUri),
    });
  }

  private publish(state: ScopeState): void {
    this.state = state;
    this.changeEmitter.fire(state);
  }

  private async findScopeFile(): Promise<vscode.Uri | undefined> {
    for (const root of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(root.uri, SCOPE_FILE_NAME);
      // An editor keeps a deleted file's document: only unsaved edits make it a scope file still.
      if ((await exists(uri)) || openDocument(uri)?.isDirty) return uri;
    }
    return undefined;
  }

  private watch(): void {
    const reload = () => void this.reload();
    // One watcher for every folder, also those added later; a nested file only costs a reload.
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${SCOPE_FILE_NAME}`);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!this.isScopeFile(event.document.uri) || event.contentChanges.length === 0) return;
        clearTimeout(this.editTimer);
        const document = event.document;
        this.editTimer = setTimeout(() => {
          ++this.generation;
          this.apply(document.uri, document.getText());
        }, EDIT_DEBOUNCE_MS);
      }),
      // Closing an unsaved editor reverts the scope to what is on disk.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.isScopeFile(document.uri)) reload();
      }),
    );
  }

  private isScopeFile(uri: vscode.Uri): boolean {
    return this.state.fileUri?.toString() === uri.toString() || this.defaultFileUri?.toString() === uri.toString();
  }

  dispose(): void {
    clearTimeout(this.editTimer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function folder(fileUri: vscode.Uri | undefined): { folderUri?: vscode.Uri } {
  const folderUri = fileUri ? vscode.Uri.joinPath(fileUri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  return folderUri ? { folderUri } : {};
}
