import * as vscode from 'vscode';
import type { ScopeRef } from '../workspace/noteNavigation';
import type { ScopeRoots } from '../workspace/scopeRoots';
import type { ScopeNode } from './scopeTree';

/** A product's or an axis's tree node, or plain ids: the tree passes nodes, the lenses and other callers pass ids. */
export type Target = Exclude<ScopeNode, { kind: 'category' | 'root' }> | ScopeRef;

export function refOf(target: Target): ScopeRef {
  if (!('kind' in target)) return target;
  const ref = { root: target.root, categoryId: target.category.id, productId: target.product.id };
  return target.kind === 'axis' ? { ...ref, axisId: target.axis.id } : ref;
}

/** The commands that go from the scope to the research notes, in the scope the target names (the current one by default). */
export function registerNoteCommands(roots: ScopeRoots): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('competitorScope.openNote', (t: Target) => roots.of(t)?.navigator.openProduct(refOf(t))),
    vscode.commands.registerCommand('competitorScope.createNote', (t: Target) => roots.of(t)?.navigator.createNote(refOf(t))),
    vscode.commands.registerCommand('competitorScope.openAxis', (t: Target) => roots.of(t)?.navigator.openAxis(refOf(t))),
    vscode.commands.registerCommand('competitorScope.addSection', (t: Target) => roots.of(t)?.navigator.addSection(refOf(t))),
  ];
}
