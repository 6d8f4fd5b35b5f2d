import * as vscode from 'vscode';
import { importScope } from '../core/scopeImport/scopeImport';
import { MAX_SCOPE_FILE_CHARS } from '../core/scope/scopeParser';
import { sizeOverLimit } from '../core/text';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { baseName, exists, openDocument, readText, writeText } from '../workspace/workspaceFiles';

/**
 * Competitor Scope: Create Scope File from Markdown… on a Markdown file in the Explorer or the active
 * editor: the scope file of the scope the document is in (a workspace folder's, or a nested scope's). `options.replace`
 * answers the question a test cannot click.
 */
export function registerScopeImportCommand(roots: ScopeRoots): vscode.Disposable[] {
  const createFromMarkdown = async (uri?: vscode.Uri, options: { replace?: boolean } = {}): Promise<vscode.TextEditor | undefined> => {
    const source = uri ?? vscode.window.activeTextEditor?.document.uri;
    const store = source && (roots.forUri(source) ?? roots.current)?.store;
    // The scope file in force is replaced (a competitor-scope.yml stays one), else competitor-scope.yaml is written.
    const target = store && (store.current.fileUri ?? store.defaultFileUri);
    if (!source || !store || !target) {
      void vscode.window.showWarningMessage('Open a folder and a Markdown scope document first.');
      return undefined;
    }
    const name = baseName(source);
    const targetName = baseName(target);
    // Far over the importer's 1 MB limit (4 bytes a character at most), a file is not read at all.
    const size = openDocument(source) ? 0 : (await vscode.workspace.fs.stat(source)).size;
    if (size > 4 * MAX_SCOPE_FILE_CHARS) {
      void vscode.window.showErrorMessage(`${name}: the document is ${sizeOverLimit(size, MAX_SCOPE_FILE_CHARS)} for scope documents.`);
      return undefined;
    }
    const markdown = openDocument(source)?.getText() ?? (await readText(source));
    const result = markdown === undefined ? { ok: false as const, message: 'The document cannot be read.' } : importScope(markdown);
    if (!result.ok) {
      void vscode.window.showErrorMessage(`${name}: ${result.message}`);
      return undefined;
    }
    if (await exists(target)) {
      const replace =
        options.replace ??
        (await vscode.window.showWarningMessage(
          `${targetName} exists already. Replace it with the scope of ${name}?`,
          { modal: true },
          'Replace',
        )) === 'Replace';
      if (!replace) return undefined;
    }
    await writeText(target, result.yaml);
    await store.reload();
    const editor = await vscode.window.showTextDocument(target);
    if (result.skippedCount > 0) {
      void vscode.window.showWarningMessage(
        `${targetName} is made from ${name}; ${result.skippedCount} thing${result.skippedCount === 1 ? ' was' : 's were'} left out${result.lostCount > 0 ? `, ${result.lostCount} of them sections, lists or labels that may hold categories, products or axes` : ''} (listed at the top of the file).`,
      );
    }
    return editor;
  };
  return [vscode.commands.registerCommand('competitorScope.createScopeFromMarkdown', createFromMarkdown)];
}
