import * as vscode from 'vscode';
import { registerCoverageStatusBar } from './features/coverageStatusBar';
import { registerMatrixPanel, type MatrixPanelHandle } from './features/matrixPanel';
import { registerNoteCodeActions } from './features/noteCodeActions';
import { registerNoteCommands } from './features/noteCommands';
import { registerNoteDiagnostics } from './features/noteDiagnostics';
import { registerScopeCommands } from './features/scopeCommands';
import { registerScopeDiagnostics } from './features/scopeDiagnostics';
import { registerScopeTree, type ScopeNode } from './features/scopeTree';
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
  readonly matrix: MatrixPanelHandle;
}

export async function activate(context: vscode.ExtensionContext): Promise<CompetitorScopeApi> {
  const homepage = String(context.extension.packageJSON.homepage ?? '');
  const log = vscode.window.createOutputChannel('Competitor Scope', { log: true });
  const store = await ScopeStore.create(context.extensionUri);
  const notes = new NoteWorkspace(store, log);
  const navigator = new NoteNavigator(store, notes);
  const tree = registerScopeTree(store, notes);
  const matrix = registerMatrixPanel(context.extensionUri, {
    onDidChange: notes.onDidChange,
    scope: () => store.current,
    coverage: () => [...notes.index.subjectCoverage(), ...notes.index.coverage()],
  }, navigator);
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
    ...matrix.disposables,
    ...registerCoverageStatusBar(store, notes, 'competitorScope.showMatrix'),
  );
  return { scope: () => store.current, notes: () => notes.index, ready: () => notes.ready, scopeTree: tree.provider, matrix };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
