import * as vscode from 'vscode';
import { toRange } from '../workspace/convert';
import { coverageLabel } from '../core/assist/coverageText';
import type { ScopeRef } from '../workspace/noteNavigation';
import type { NoteWorkspace } from '../workspace/noteWorkspace';
import type { ScopeStore } from '../workspace/scopeStore';

/** Over each product in the scope file: its coverage, and "Open Note" or "Create Note". */
export function registerScopeCodeLens(store: ScopeStore, notes: NoteWorkspace): vscode.Disposable[] {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      const state = store.current;
      // While the file is broken the scope shown is an older one: its ranges would point at the wrong lines.
      if (state.source !== 'file' || state.stale || state.fileUri?.toString() !== document.uri.toString()) return [];
      return state.scope.categories.flatMap((category) =>
        category.products.flatMap((product) => {
          const ref: ScopeRef = { categoryId: category.id, productId: product.id };
          const coverage = notes.index.productCoverage(ref);
          const range = toRange(product.range);
          const open = coverage.notes.length > 0
            ? { title: 'Open Note', command: 'competitorScope.openNote', arguments: [ref] }
            : { title: 'Create Note', command: 'competitorScope.createNote', arguments: [ref] };
          return [new vscode.CodeLens(range, { title: coverageLabel(coverage), command: '' }), new vscode.CodeLens(range, open)];
        }),
      );
    },
  };
  return [
    changed,
    store.onDidChange(() => changed.fire()),
    notes.onDidChange((change) => change.more || changed.fire()),
    vscode.languages.registerCodeLensProvider({ pattern: '**/competitor-scope.yaml' }, provider),
  ];
}
