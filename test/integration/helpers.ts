// What integration tests commonly need. They run inside the extension host, on a fresh copy of example/: the
// Node one (test/integration) and the web worker (test/web), so nothing here imports a Node module.
import * as vscode from 'vscode';

export const extensionId = 'competitor-scope.competitor-scope';

/** The extension under test, activated. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded`);
  await extension.activate();
  return extension;
}

/** The workspace the tests run in: a throw-away copy of example/, so tests may edit it. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder;
}

/** A file of the workspace, from its parts relative to the folder; in the web worker it is a vscode-remote URI. */
export function workspaceUri(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...parts);
}

/** A path inside the workspace, from its parts relative to the folder (for Node's fs, in the Node host). */
export function workspacePath(...parts: string[]): string {
  return workspaceUri(...parts).fsPath;
}

/** Opens a workspace file in an editor and returns the editor. */
export async function openDocument(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document);
}

/**
 * Reverts every document with unsaved edits. `workbench.action.files.revert` acts on the active editor
 * only, and a webview that took the focus (the matrix) would leave a test's edits behind for the next test.
 */
export async function revertDirtyDocuments(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !document.isDirty, `${document.uri.path} to be reverted`);
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The ids of the commands the extension registered (competitorScope.*). */
export async function extensionCommands(): Promise<string[]> {
  return (await vscode.commands.getCommands(true)).filter((command) => command.startsWith('competitorScope.')).sort();
}

/**
 * Polls `condition` until it returns something truthy, and returns that. For what the extension does
 * asynchronously: diagnostics after an edit, a refreshed tree after the file watcher fired.
 */
export async function waitFor<T>(
  condition: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  { timeoutMs = 10_000, intervalMs = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
