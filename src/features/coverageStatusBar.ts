import * as vscode from 'vscode';
import type { NoteWorkspace } from '../workspace/noteWorkspace';
import type { ScopeStore } from '../workspace/scopeStore';

/** The workspace's coverage at a glance; a click shows where the gaps are. */
export function registerCoverageStatusBar(store: ScopeStore, notes: NoteWorkspace, command: string): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('competitorScope.coverage', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Competitor Scope Coverage';
  item.command = command;
  const update = () => {
    if (!store.current.folderUri) {
      item.hide();
      return;
    }
    const s = notes.index.summary();
    item.text = `$(checklist) ${s.answered}/${s.axes}`;
    item.tooltip = `Competitor Scope: ${s.answered} of ${s.axes} axes answered across ${s.products} products (${s.missing} missing, ${s.empty} empty, ${s.placeholder} placeholder).`;
    item.show();
  };
  update();
  // The counts read every product: once a batch of notes (a branch switch) is through.
  return [item, notes.onDidChange((change) => change.more || update())];
}
