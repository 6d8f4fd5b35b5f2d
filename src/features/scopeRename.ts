import * as vscode from 'vscode';
import { toRange } from '../workspace/convert';
import { renameScopeSymbol, scopeSymbolAt } from '../core/assist/scopeRename';
import type { NoteAnalysis } from '../core/notes/noteAnalyzer';
import type { NoteWorkspace } from '../workspace/noteWorkspace';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { openDocument } from '../workspace/workspaceFiles';
import { SCOPE_FILE_GLOB } from '../workspace/scopeStore';

/**
 * F2 on a product's or axis's `id` (or `name`, which is the id when there is none) in the scope file: one
 * workspace edit renames it there and in every note that refers to it. The notes' edits ask for
 * confirmation, so VS Code shows them in its refactor preview before anything is written.
 */
export function registerScopeRename(roots: ScopeRoots): vscode.Disposable[] {
  const symbolAt = (document: vscode.TextDocument, position: vscode.Position) => {
    if (roots.forScopeFile(document.uri)?.store.current.fileUri === undefined) return undefined;
    return scopeSymbolAt(document.getText(), position);
  };
  const provider: vscode.RenameProvider = {
    prepareRename(document, position) {
      const symbol = symbolAt(document, position);
      if (!symbol) throw new Error('Only the id or the name of a product or an axis can be renamed here.');
      return { range: toRange(symbol.range), placeholder: symbol.value };
    },
    provideRenameEdits(document, position, newName) {
      const symbol = symbolAt(document, position);
      const root = roots.forScopeFile(document.uri);
      if (!symbol || !root) return undefined;
      const { notes } = root;
      const state = root.store.current;
      if (state.stale) throw new Error('The scope file has problems: fix them first, then rename.');
      const result = renameScopeSymbol(state.scope, symbol, newName, currentNotes(notes));
      if (!result.ok) throw new Error(result.message);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, toRange(result.scopeEdit.range), result.scopeEdit.newText, {
        needsConfirmation: false,
        label: 'Rename in the scope file',
      });
      const label = { needsConfirmation: true, label: 'Update research notes', description: `Notes that refer to "${symbol.value}"` };
      for (const { path, edits } of result.noteEdits) {
        const uri = notes.uriOf(path);
        for (const e of edits) edit.replace(uri, toRange(e.range), e.newText, label);
      }
      return edit;
    },
  };
  return [vscode.languages.registerRenameProvider({ pattern: `**/${SCOPE_FILE_GLOB}` }, provider)];
}

/** Every note's analysis, from its editor's text where it is open (the index may lag behind it by its debounce). */
function currentNotes(notes: NoteWorkspace): NoteAnalysis[] {
  return notes.index.paths().flatMap((path) => {
    const document = openDocument(notes.uriOf(path));
    const analysis = document ? notes.index.analyzeText(path, document.getText()) : notes.index.note(path);
    return analysis ? [analysis] : [];
  });
}
