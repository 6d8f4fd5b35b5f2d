import * as vscode from 'vscode';
import { toRange } from '../workspace/convert';
import { coverageLabel } from '../core/assist/coverageText';
import type { ScopeRef } from '../workspace/noteNavigation';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { SCOPE_FILE_GLOB } from '../workspace/scopeStore';

/** Over each product in the scope file: its coverage, and "Open Note" or "Create Note". */
export function registerScopeCodeLens(roots: ScopeRoots): vscode.Disposable[] {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      const root = roots.forScopeFile(document.uri);
      const state = root?.store.current;
      // While the file is broken the scope shown is an older one: its ranges would point at the wrong lines.
      if (!root || !state || state.source !== 'file' || state.stale) return [];
      return state.scope.categories.flatMap((category) =>
        category.products.flatMap((product) => {
          const ref: ScopeRef = { root: root.key, categoryId: category.id, productId: product.id };
          const coverage = root.notes.index.productCoverage(ref);
          const range = toRange(product.range);
          const open =
            coverage.notes.length > 0
              ? { title: 'Open Note', command: 'competitorScope.openNote', arguments: [ref] }
              : { title: 'Create Note', command: 'competitorScope.createNote', arguments: [ref] };
          return [new vscode.CodeLens(range, { title: coverageLabel(coverage), command: '' }), new vscode.CodeLens(range, open)];
        }),
      );
    },
  };
  return [
    changed,
    roots.onDidChangeScope(() => changed.fire()),
    roots.onDidChangeNotes(({ change }) => change.more || changed.fire()),
    vscode.languages.registerCodeLensProvider({ pattern: `**/${SCOPE_FILE_GLOB}` }, provider),
  ];
}
