import * as vscode from 'vscode';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { refOf, type Target } from '../workspace/scopeNodes';

/** The commands that go from the scope to the research notes, in the scope the target names (the current one by default). */
export function registerNoteCommands(roots: ScopeRoots): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('competitorScope.openNote', (t: Target) => roots.of(t)?.navigator.openProduct(refOf(t))),
    vscode.commands.registerCommand('competitorScope.createNote', (t: Target) => roots.of(t)?.navigator.createNote(refOf(t))),
    vscode.commands.registerCommand('competitorScope.openAxis', (t: Target) => roots.of(t)?.navigator.openAxis(refOf(t))),
    vscode.commands.registerCommand('competitorScope.addSection', (t: Target) => roots.of(t)?.navigator.addSection(refOf(t))),
  ];
}
