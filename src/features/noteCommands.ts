import * as vscode from 'vscode';
import type { NoteNavigator, ScopeRef } from '../workspace/noteNavigation';
import type { ScopeNode } from './scopeTree';

/** A product's or an axis's tree node, or plain ids: the tree passes nodes, the lenses and other callers pass ids. */
export type Target = Exclude<ScopeNode, { kind: 'category' }> | ScopeRef;

export function refOf(target: Target): ScopeRef {
  if (!('kind' in target)) return target;
  const ref = { categoryId: target.category.id, productId: target.product.id };
  return target.kind === 'axis' ? { ...ref, axisId: target.axis.id } : ref;
}

/** The commands that go from the scope to the research notes. */
export function registerNoteCommands(navigator: NoteNavigator): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('competitorScope.openNote', (t: Target) => navigator.openProduct(refOf(t))),
    vscode.commands.registerCommand('competitorScope.createNote', (t: Target) => navigator.createNote(refOf(t))),
    vscode.commands.registerCommand('competitorScope.openAxis', (t: Target) => navigator.openAxis(refOf(t))),
    vscode.commands.registerCommand('competitorScope.addSection', (t: Target) => navigator.addSection(refOf(t))),
  ];
}
