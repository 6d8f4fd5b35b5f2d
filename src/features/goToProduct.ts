import * as vscode from 'vscode';
import { productPicks } from '../core/assist/productPicks';
import type { ScopeRoots } from '../workspace/scopeRoots';

/** "Go to Product…": every product of the current scope with its category and coverage; opens its note, or creates it from the template. */
export function registerGoToProduct(roots: ScopeRoots): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('competitorScope.goToProduct', async () => {
      const root = await roots.whenReady();
      if (!root) return undefined;
      const { notes, navigator } = root;
      const picks = productPicks(notes.index.scope, notes.index.coverage());
      const chosen = await vscode.window.showQuickPick(picks, {
        title: 'Go to Product',
        placeHolder: 'Type a product or category name',
        matchOnDescription: true,
      });
      return chosen && navigator.createNote(chosen.target);
    }),
  ];
}
