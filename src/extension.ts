import * as vscode from 'vscode';
import { registerNoteCommands } from './features/noteCommands';
import { registerScopeCommands } from './features/scopeCommands';
import { registerScopeDiagnostics } from './features/scopeDiagnostics';
import { registerScopeTree, type ScopeNode } from './features/scopeTree';
import { ScopeStore, type ScopeState } from './scopeStore';

/** What activate returns: read-only views of the extension's state, for integration tests and other extensions. */
export interface CompetitorScopeApi {
  readonly scope: () => ScopeState;
  readonly scopeTree: vscode.TreeDataProvider<ScopeNode>;
}

export async function activate(context: vscode.ExtensionContext): Promise<CompetitorScopeApi> {
  const homepage = String(context.extension.packageJSON.homepage ?? '');
  const store = await ScopeStore.create(context.extensionUri);
  const tree = registerScopeTree(store);
  context.subscriptions.push(
    store,
    ...tree.disposables,
    ...registerScopeDiagnostics(store, homepage),
    ...registerScopeCommands(store, context.extensionUri),
    ...registerNoteCommands(store),
  );
  return { scope: () => store.current, scopeTree: tree.provider };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
