// The desktop entry (package.json `main`), bundled for Node: VS Code desktop and the VS Code server's Node
// extension host. Everything it starts is disposed through context.subscriptions, so there is no deactivate.
// Its bundle holds git's Node side (dates, and the history the matrix compares with) and the resolving of links only, and loads the features from the browser entry's bundle (dist/web.js,
// which runs in Node as well: it uses no Node module and no browser-only global), so the VSIX carries them once.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { CompetitorScopeApi } from './activate';
import { staysInside } from './node/realPaths';
import { nodeGitDates } from './git/nodeGitDates';
import { nodeGitHistory } from './git/nodeGitHistory';
import { activate as activateCompetitorScope } from './web';

export type { CompetitorScopeApi } from './activate';

/**
 * The Node build dates answers and compares with history through git (in a trusted workspace only; see NoteDating),
 * reads no file through a link out of its scope's folder, and offers agents the MCP server of the command line
 * bundled beside it (dist/cli.js).
 */
export function activate(context: vscode.ExtensionContext): Promise<CompetitorScopeApi> {
  const node = { execPath: process.execPath, versions: process.versions, cliPath: path.join(__dirname, 'cli.js') };
  return activateCompetitorScope(context, nodeGitDates, { staysInside }, nodeGitHistory, node);
}
