import * as vscode from 'vscode';
import { productPicks } from '../core/assist/productPicks';
import type { NoteNavigator } from '../workspace/noteNavigation';
import type { NoteWorkspace } from '../workspace/noteWorkspace';

/** "Go to Product…": every product with its category and coverage; opens its note, or creates it from the template. */
export function registerGoToProduct(notes: NoteWorkspace, navigator: NoteNavigator): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('competitorScope.goToProduct', async () => {
      await notes.ready;
      const picks = productPicks(notes.index.scope, notes.index.coverage());
      const chosen = await vscode.window.showQuickPick(picks, { title: 'Go to Product', placeHolder: 'Type a product or category name', matchOnDescription: true });
      return chosen && navigator.createNote(chosen.target);
    }),
  ];
}
