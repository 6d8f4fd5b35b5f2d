import * as vscode from 'vscode';
import { toRange } from '../workspace/convert';
import { productOf, SCOPE_FILE_NAME, type ScopeItem } from '../core/scope/scopeModel';
import type { Range } from '../core/text';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { currentNote } from '../workspace/currentNote';

/**
 * From a note's `product:` value, or an axis heading, to the entry in the scope file. With the built-in
 * scope that is the extension's own scope/competitor-scope.yaml, where the built-in entries are written.
 */
export function registerNoteDefinition(roots: ScopeRoots, extensionUri: vscode.Uri): vscode.Disposable[] {
  const provider: vscode.DefinitionProvider = {
    provideDefinition(document, position) {
      const note = currentNote(roots, document);
      const state = roots.forUri(document.uri)?.store.current;
      if (!note || !state) return undefined;
      const { analysis } = note;
      const scopeUri =
        state.source === 'file' && state.fileUri ? state.fileUri : vscode.Uri.joinPath(extensionUri, 'scope', SCOPE_FILE_NAME);
      const link = (origin: Range, item: ScopeItem): vscode.LocationLink => ({
        originSelectionRange: toRange(origin),
        targetUri: scopeUri,
        targetRange: toRange(item.range),
      });
      const field = analysis.parsed.frontMatter?.product;
      if (field && toRange(field.valueRange).contains(position)) {
        // The subject has no entry of its own in a category; it is not linked.
        return analysis.targets.flatMap((t) => {
          const product = productOf(state.scope, t)?.category.products.find((p) => p.id === t.productId);
          return product ? [link(field.valueRange, product)] : [];
        });
      }
      const section = analysis.sections.find((s) => toRange(analysis.parsed.headings[s.headingIndex].range).contains(position));
      const axis = section && state.scope.categories.find((c) => c.id === section.categoryId)?.axes.find((a) => a.id === section.axisId);
      return section && axis ? [link(analysis.parsed.headings[section.headingIndex].textRange, axis)] : undefined;
    },
  };
  return [vscode.languages.registerDefinitionProvider({ language: 'markdown' }, provider)];
}
