import * as vscode from 'vscode';
import { SCOPE_FILE_NAME } from '../core/scopeModel';
import type { ScopeStore } from '../workspace/scopeStore';
import { exists, readText, writeText } from '../workspace/workspaceFiles';

/** Creating the workspace's scope file from the built-in one, and opening it. */
export function registerScopeCommands(store: ScopeStore, extensionUri: vscode.Uri): vscode.Disposable[] {
  const createScopeFile = async (): Promise<vscode.TextEditor | undefined> => {
    const target = store.defaultFileUri;
    if (!target) {
      void vscode.window.showWarningMessage('Open a folder first: the scope file is created at its root.');
      return undefined;
    }
    if (await exists(target)) {
      void vscode.window.showInformationMessage(`${SCOPE_FILE_NAME} exists already; it is opened instead.`);
    } else {
      const text = await readText(vscode.Uri.joinPath(extensionUri, 'scope', SCOPE_FILE_NAME));
      await writeText(target, text ?? '');
      await store.reload();
    }
    return vscode.window.showTextDocument(target);
  };

  const openScopeFile = async (): Promise<vscode.TextEditor | undefined> => {
    const { fileUri } = store.current;
    if (fileUri) return vscode.window.showTextDocument(fileUri);
    const create = 'Create Scope File';
    const answer = await vscode.window.showInformationMessage('This workspace uses the built-in scope; it has no scope file yet.', create);
    return answer === create ? createScopeFile() : undefined;
  };

  return [
    vscode.commands.registerCommand('competitorScope.createScopeFile', createScopeFile),
    vscode.commands.registerCommand('competitorScope.openScopeFile', openScopeFile),
  ];
}
