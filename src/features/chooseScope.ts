import * as vscode from 'vscode';
import type { ScopeRoots } from '../workspace/scopeRoots';

/**
 * Competitor Scope: Choose Scope… — with several scopes in the window (folders of a multi-root workspace, nested
 * scope files), which one the matrix, the status bar and the palette's commands show until a note of another is
 * active. On the matrix's title bar, and in the palette.
 */
export function registerChooseScope(roots: ScopeRoots): vscode.Disposable[] {
  const choose = async (key?: unknown): Promise<boolean> => {
    const given = typeof key === 'string' ? roots.get(key) : undefined;
    const current = roots.current;
    const picked =
      given ??
      (
        await vscode.window.showQuickPick(
          roots.all.map((root) => ({
            label: root.label,
            description: root === current ? 'current' : root.store.current.source === 'default' ? 'built-in scope' : undefined,
            detail: `${root.notes.index.summary().products} products · ${vscode.workspace.asRelativePath(root.store.current.fileUri ?? root.store.defaultFileUri)}`,
            root,
          })),
          { title: 'Choose Scope', placeHolder: 'The scope the matrix and the commands show' },
        )
      )?.root;
    if (!picked) return false;
    roots.choose(picked);
    return true;
  };
  return [vscode.commands.registerCommand('competitorScope.chooseScope', choose)];
}
