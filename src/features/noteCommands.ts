import * as vscode from 'vscode';
import { notePathFor, noteTemplate } from '../core/noteTemplate';
import type { ScopeStore } from '../scopeStore';
import { exists, writeText } from '../workspaceFiles';
import type { ScopeNode } from './scopeTree';

type ProductNode = Extract<ScopeNode, { kind: 'product' }>;

/** Opening a product's research note from the tree, and creating it from the template when there is none. */
export function registerNoteCommands(store: ScopeStore): vscode.Disposable[] {
  const noteUri = (node: ProductNode) => {
    const { folderUri, scope } = store.current;
    return folderUri && vscode.Uri.joinPath(folderUri, notePathFor(scope.notes, node.product));
  };

  const createNote = async (node: ProductNode): Promise<vscode.TextEditor | undefined> => {
    const uri = noteUri(node);
    if (!uri) return undefined;
    // Never overwrite: a note that appeared in the meantime is opened as it is.
    if (!(await exists(uri))) {
      await writeText(uri, noteTemplate(node.category, node.product));
    }
    return vscode.window.showTextDocument(uri);
  };

  const openNote = async (node: ProductNode): Promise<vscode.TextEditor | undefined> => {
    const uri = noteUri(node);
    if (!uri) {
      void vscode.window.showInformationMessage('Open a folder to keep research notes in it.');
      return undefined;
    }
    if (await exists(uri)) return vscode.window.showTextDocument(uri, { preview: true });
    const create = 'Create Note';
    const answer = await vscode.window.showInformationMessage(
      `There is no research note for ${node.product.name} yet (${vscode.workspace.asRelativePath(uri)}).`,
      create,
    );
    return answer === create ? createNote(node) : undefined;
  };

  return [
    vscode.commands.registerCommand('competitorScope.openNote', openNote),
    vscode.commands.registerCommand('competitorScope.createNote', createNote),
  ];
}
