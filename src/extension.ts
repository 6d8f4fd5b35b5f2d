import * as vscode from 'vscode';
import { registerCoverageStatusBar } from './features/coverageStatusBar';
import { registerNoteCodeActions } from './features/noteCodeActions';
import { registerNoteCommands } from './features/noteCommands';
import { registerNoteDiagnostics } from './features/noteDiagnostics';
import { registerScopeCommands } from './features/scopeCommands';
import { registerScopeDiagnostics } from './features/scopeDiagnostics';
import { registerScopeTree, type ScopeNode, TREE_VIEW_ID } from './features/scopeTree';
import { NoteNavigator } from './noteNavigation';
import { NoteWorkspace } from './noteWorkspace';
import { ScopeStore, type ScopeState } from './scopeStore';
import type { NoteIndex } from './core/notes/noteIndex';

/** What activate returns: read-only views of the extension's state, for integration tests and other extensions. */
export interface CompetitorScopeApi {
  readonly scope: () => ScopeState;
  readonly notes: () => NoteIndex;
  /** Resolves when the notes of the latest scan have been read and analyzed. */
  readonly ready: () => Promise<void>;
  readonly scopeTree: vscode.TreeDataProvider<ScopeNode>;
}

export async function activate(context: vscode.ExtensionContext): Promise<CompetitorScopeApi> {
  const homepage = String(context.extension.packageJSON.homepage ?? '');
  const log = vscode.window.createOutputChannel('Competitor Scope', { log: true });
  const store = await ScopeStore.create(context.extensionUri);
  const notes = new NoteWorkspace(store, log);
  const navigator = new NoteNavigator(store, notes);
  const tree = registerScopeTree(store, notes);
  context.subscriptions.push(
    log,
    store,
    notes,
    ...tree.disposables,
    ...registerScopeDiagnostics(store, homepage),
    ...registerScopeCommands(store, context.extensionUri),
    ...registerNoteCommands(navigator),
    ...registerNoteDiagnostics(notes, homepage),
    ...registerNoteCodeActions(notes),
    ...registerCoverageStatusBar(store, notes, `${TREE_VIEW_ID}.focus`),
  );
  return { scope: () => store.current, notes: () => notes.index, ready: () => notes.ready, scopeTree: tree.provider };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
