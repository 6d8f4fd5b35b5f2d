import * as vscode from 'vscode';
import { localDay } from '../core/dates';
import { SCOPE_FILE_NAME } from '../core/scope/scopeModel';
import { STARTER_NOTE_PATH, STARTER_SCOPE, starterNote } from '../core/scope/starterScope';
import type { ScopeRoots } from '../workspace/scopeRoots';
import type { ScopeStore } from '../workspace/scopeStore';
import { baseName, exists, readText, writeText } from '../workspace/workspaceFiles';

/** What a new scope file starts from: `competitor-scope init`'s starter, the built-in scope, or a Markdown document. */
export type ScopeFileStart = 'starter' | 'builtin' | 'markdown';

const STARTS: readonly (vscode.QuickPickItem & { start: ScopeFileStart })[] = [
  {
    label: 'Starter scope',
    description: 'as competitor-scope init writes it',
    detail: 'Your product, one example category with placeholders to replace, the notes folder, and an example note',
    start: 'starter',
  },
  {
    label: 'Built-in example scope',
    detail: 'The scope the tree shows while the folder has no scope file (Grid + Throughput Engine), to edit',
    start: 'builtin',
  },
  {
    label: 'From a Markdown document…',
    detail: 'The categories, products and axes of a Markdown scope document',
    start: 'markdown',
  },
];

/**
 * Creating a scope file, from the starter, the built-in scope or a Markdown document (a quick pick, unless `start`
 * says), and opening it: the scope's that the argument names (a scope's node in the tree), else the current one's.
 * Nothing is written over: an existing scope file is opened instead.
 */
export function registerScopeCommands(roots: ScopeRoots, extensionUri: vscode.Uri): vscode.Disposable[] {
  const createScopeFile = async (scope?: unknown, start?: ScopeFileStart): Promise<vscode.TextEditor | undefined> => {
    const store = roots.of(scope)?.store;
    if (!store) {
      void vscode.window.showWarningMessage('Open a folder first: the scope file is created at its root.');
      return undefined;
    }
    const existing = await firstExisting(store.fileUris);
    if (existing) {
      void vscode.window.showInformationMessage(`${baseName(existing)} exists already; it is opened instead.`);
      return vscode.window.showTextDocument(existing);
    }
    const chosen =
      start ??
      (await vscode.window.showQuickPick(STARTS, { title: 'Create Scope File', placeHolder: `What ${SCOPE_FILE_NAME} starts from` }))
        ?.start;
    switch (chosen) {
      case undefined:
        return undefined;
      case 'markdown':
        return importMarkdown(store);
      case 'builtin':
        await writeText(store.defaultFileUri, (await readText(vscode.Uri.joinPath(extensionUri, 'scope', SCOPE_FILE_NAME))) ?? '');
        break;
      case 'starter':
        if (!(await writeStarter(store))) return undefined;
    }
    await store.reload();
    return vscode.window.showTextDocument(store.defaultFileUri);
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

/** The starter scope file and its example note, as `competitor-scope init` writes them; false, writing nothing, when the note exists. */
async function writeStarter(store: ScopeStore): Promise<boolean> {
  const note = vscode.Uri.joinPath(store.folderUri, ...STARTER_NOTE_PATH.split('/'));
  if (await exists(note)) {
    void vscode.window.showErrorMessage(
      `${STARTER_NOTE_PATH} exists already; the starter writes over nothing, so no scope file was created.`,
    );
    return false;
  }
  await writeText(store.defaultFileUri, STARTER_SCOPE);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(note, '..'));
  await writeText(note, starterNote(localDay()));
  return true;
}

/** Create Scope File from Markdown… on a document the user picks in the scope's folder. */
async function importMarkdown(store: ScopeStore): Promise<vscode.TextEditor | undefined> {
  const [document] =
    (await vscode.window.showOpenDialog({
      defaultUri: store.folderUri,
      canSelectMany: false,
      filters: { Markdown: ['md', 'markdown'] },
      openLabel: 'Import',
      title: 'The Markdown scope document to import',
    })) ?? [];
  return document && vscode.commands.executeCommand<vscode.TextEditor | undefined>('competitorScope.createScopeFromMarkdown', document);
}

async function firstExisting(uris: readonly vscode.Uri[]): Promise<vscode.Uri | undefined> {
  for (const uri of uris) if (await exists(uri)) return uri;
  return undefined;
}
