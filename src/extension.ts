// The desktop entry (package.json `main`), bundled for Node: VS Code desktop and the VS Code server's Node
// extension host. Everything it starts is disposed through context.subscriptions, so there is no deactivate.
import type * as vscode from 'vscode';
import { activateCompetitorScope, type CompetitorScopeApi } from './activate';
import { nodeGitDates } from './git/nodeGitDates';

export type { CompetitorScopeApi } from './activate';

/** The Node build dates answers with git (in a trusted workspace only; see NoteDating). */
export function activate(context: vscode.ExtensionContext): Promise<CompetitorScopeApi> {
  return activateCompetitorScope(context, nodeGitDates);
}
