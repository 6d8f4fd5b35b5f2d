import * as vscode from 'vscode';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { coalesced } from '../workspace/timeSlices';

/** The current scope's coverage at a glance (the active note's, with several scopes); a click shows where the gaps are. */
export function registerCoverageStatusBar(roots: ScopeRoots, command: string): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('competitorScope.coverage', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Competitor Scope Coverage';
  item.command = command;
  const update = () => {
    const root = roots.current;
    if (!root) {
      item.hide();
      return;
    }
    const s = root.notes.index.summary();
    const where = roots.all.length > 1 ? ` in ${root.label}` : '';
    item.text = `$(checklist) ${s.answered}/${s.axes}`;
    item.tooltip = `Competitor Scope: ${s.answered} of ${s.axes} axes answered across ${s.products} products${where} (${s.missing} missing, ${s.empty} empty, ${s.placeholder} placeholder).`;
    item.show();
  };
  update();
  // The counts read every product: once a batch of notes (a branch switch) is through, and after the note's own diagnostics.
  const later = coalesced(update);
  return [
    item,
    later,
    roots.onDidChangeNotes(({ root, change }) => root === roots.current && !change.more && later.schedule()),
    roots.onDidChangeCurrent(update),
    roots.onDidChangeRoots(update),
  ];
}
