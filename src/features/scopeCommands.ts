import * as vscode from 'vscode';
import { SCOPE_FILE_NAME } from '../core/scope/scopeModel';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { exists, readText, writeText } from '../workspace/workspaceFiles';

/**
 * Creating a scope file from the built-in one, and opening it: the scope's that the argument names (a scope's
 * node in the tree), else the current one's (the active note's).
 */
export function registerScopeCommands(roots: ScopeRoots, extensionUri: vscode.Uri): vscode.Disposable[] {
  const createScopeFile = async (scope?: unknown): Promise<vscode.TextEditor | undefined> => {
    const store = roots.of(scope)?.store;
    if (!store) {
      void vscode.window.showWarningMessage('Open a folder first: the scope file is created at its root.');
      return undefined;
    }
    const target = store.defaultFileUri;
    if (await exists(target)) {
      void vscode.window.showInformationMessage(`${SCOPE_FILE_NAME} exists already; it is opened instead.`);
    } else {
      const text = await readText(vscode.Uri.joinPath(extensionUri, 'scope', SCOPE_FILE_NAME));
      await writeText(target, text ?? '');
      await store.reload();
    }
    return vscode.window.showTextDocument(target);
  };

  const openScopeFile = async (scope?: unknown): Promise<vscode.TextEditor | undefined> => {
    const fileUri = roots.of(scope)?.store.current.fileUri;
    if (fileUri) return vscode.window.showTextDocument(fileUri);
    const create = 'Create Scope File';
    const answer = await vscode.window.showInformationMessage('This folder uses the built-in scope; it has no scope file yet.', create);
    return answer === create ? createScopeFile(scope) : undefined;
  };

  return [
    vscode.commands.registerCommand('competitorScope.createScopeFile', createScopeFile),
    vscode.commands.registerCommand('competitorScope.openScopeFile', openScopeFile),
  ];
}
