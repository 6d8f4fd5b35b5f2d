import * as vscode from 'vscode';
import { productOf, subjectOf } from '../core/scope/scopeModel';
import { coverageLabel } from '../core/assist/coverageText';
import type { ScopeRef } from '../workspace/noteNavigation';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { currentNote } from '../workspace/currentNote';
import { RESEARCH_BRIEF_COMMAND } from '../workspace/commandIds';

/**
 * At the top of a note, for each product it is about: its coverage, the way to it in the matrix and the tree,
 * its research brief, and for a competitor of a scope with a subject, its battlecard.
 */
export function registerNoteCodeLens(roots: ScopeRoots): vscode.Disposable[] {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      const note = currentNote(roots, document);
      if (!note) return [];
      const { notes, analysis } = note;
      const top = new vscode.Range(0, 0, 0, 0);
      const subject = subjectOf(notes.index.scope)?.id;
      const root = roots.forUri(document.uri)?.key;
      return analysis.targets.flatMap((target) => {
        const found = productOf(notes.index.scope, target);
        if (!found) return [];
        const ref: ScopeRef = { root, categoryId: target.categoryId, productId: target.productId };
        const name = analysis.targets.length > 1 ? `${found.product.name} (${found.category.name})` : found.product.name;
        return [
          // A lens without a command is a label: the coverage is information, the two after it act.
          new vscode.CodeLens(top, { title: `${name}: ${coverageLabel(notes.index.productCoverage(target))}`, command: '' }),
          new vscode.CodeLens(top, { title: 'Show in Matrix', command: 'competitorScope.showMatrix', arguments: [ref] }),
          new vscode.CodeLens(top, { title: 'Reveal in Scope Tree', command: 'competitorScope.revealInTree', arguments: [ref] }),
          new vscode.CodeLens(top, { title: 'Research Brief', command: RESEARCH_BRIEF_COMMAND, arguments: [ref] }),
          ...(subject && subject !== target.productId
            ? [new vscode.CodeLens(top, { title: 'Open Battlecard', command: 'competitorScope.openBattlecard', arguments: [ref] })]
            : []),
        ];
      });
    },
  };
  return [
    changed,
    // Coverage counts every note of the product, so any note's change may change this one's lens.
    roots.onDidChangeNotes(({ change }) => change.more || changed.fire()),
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, provider),
  ];
}
