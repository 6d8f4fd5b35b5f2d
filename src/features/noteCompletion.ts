import * as vscode from 'vscode';
import { toRange } from '../workspace/convert';
import { noteCompletions, type Suggestion } from '../core/assist/noteCompletion';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { currentNote } from '../workspace/currentNote';

const KINDS: Record<Suggestion['kind'], vscode.CompletionItemKind> = {
  axis: vscode.CompletionItemKind.Reference,
  product: vscode.CompletionItemKind.Value,
  category: vscode.CompletionItemKind.Module,
  score: vscode.CompletionItemKind.EnumMember,
};

/** Axis headings after `#`s, products and categories in front matter, scores after `Score:`. */
export function registerNoteCompletion(roots: ScopeRoots): vscode.Disposable[] {
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(document, position) {
      const note = currentNote(roots, document);
      if (!note) return undefined;
      return noteCompletions(note.analysis, note.notes.index.scope, document.lineAt(position.line).text, position).map((s) => {
        const item = new vscode.CompletionItem({ label: s.label, ...(s.detail ? { description: s.detail } : {}) }, KINDS[s.kind]);
        item.detail = s.detail;
        item.documentation = s.documentation;
        item.insertText = s.insertText;
        item.filterText = s.filterText;
        item.range = toRange(s.range);
        item.sortText = s.sortText;
        return item;
      });
    },
  };
  // Markdown has no quick suggestions by default: the `#` and the space after `product:` ask for them.
  return [vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, provider, '#', ' ', ':')];
}
