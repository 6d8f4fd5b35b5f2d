import * as vscode from 'vscode';
import type { NoteAnalysis } from '../core/notes/noteAnalyzer';
import type { TextEdit } from '../core/notes/noteEdits';
import type { ListKind } from '../core/scopeEdit/newItem';
import type { ScopeEditResult } from '../core/scopeEdit/scopeEdits';
import type { Category, Scope, ScopeItem } from '../core/scope/scopeModel';
import { toRange } from './convert';
import type { NoteWorkspace } from './noteWorkspace';
import type { ScopeStore } from './scopeStore';

/** What the tree's editing actions need of a node: its category, and the product or axis it stands for. */
export interface EditTarget {
  readonly kind: 'category' | 'product' | 'axis';
  readonly category: Category;
  readonly product?: ScopeItem;
  readonly axis?: ScopeItem;
}

/** Where a target stands in the scope as it is now, found by ids (the node may be older than the scope). */
export type LocatedPath =
  | { readonly category: number; readonly item: Category }
  | { readonly category: number; readonly list: ListKind; readonly index: number; readonly item: ScopeItem };

export function pathOf(scope: Scope, target: EditTarget): LocatedPath | undefined {
  const category = scope.categories.findIndex((c) => c.id === target.category.id);
  if (category === -1) return undefined;
  if (target.kind === 'category') return { category, item: scope.categories[category] };
  const list = target.kind === 'product' ? 'products' : 'axes';
  const id = (target.kind === 'product' ? target.product : target.axis)?.id;
  const index = scope.categories[category][list].findIndex((i) => i.id === id);
  return index === -1 ? undefined : { category, list, index, item: scope.categories[category][list][index] };
}

/** Notes' edits that go with a scope edit (an id rename), by note path. */
export type NoteEdits = ReadonlyArray<{ readonly path: string; readonly edits: readonly TextEdit[] }>;

/**
 * Applies an edit of the scope file as one WorkspaceEdit (one undo restores it) and saves the file.
 * Offers to create the scope file from the built-in scope where there is none, and refuses while the
 * file has problems, saying so.
 */
export class ScopeFileEditor {
  constructor(
    private readonly store: ScopeStore,
    private readonly notes: NoteWorkspace,
  ) {}

  /** Every note as the index has analyzed it. */
  analyses(): NoteAnalysis[] {
    return this.notes.index.paths().flatMap((path) => this.notes.index.note(path) ?? []);
  }

  /**
   * The scope file's document, once it is valid and exists (created on the user's word, or on
   * `createScopeFile` where a test answers for the user); undefined otherwise.
   */
  async editableDocument(createScopeFile?: boolean): Promise<vscode.TextDocument | undefined> {
    const state = this.store.current;
    if (!state.fileUri) {
      const create = 'Create Scope File';
      const answer =
        createScopeFile ??
        (await vscode.window.showInformationMessage(
          'This workspace uses the built-in scope. Create competitor-scope.yaml from it, to edit?',
          { modal: true },
          create,
        )) === create;
      if (!answer) return undefined;
      // The tree shows the built-in scope: its edit starts from it.
      await vscode.commands.executeCommand('competitorScope.createScopeFile', { root: this.store.folderUri.toString() }, 'builtin');
    }
    const { fileUri, stale, problems } = this.store.current;
    if (!fileUri) return undefined;
    if (stale) {
      void vscode.window.showWarningMessage(
        `The scope file has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} (see Problems): editing from the tree is off until ${problems.length === 1 ? 'it is' : 'they are'} fixed.`,
      );
      return undefined;
    }
    return vscode.workspace.openTextDocument(fileUri);
  }

  /** Makes the edit from the file's current text and applies it with the notes' edits; false when it did not happen. */
  async apply(
    make: (text: string, scope: Scope) => (ScopeEditResult & { readonly noteEdits?: NoteEdits }) | undefined,
    label: string,
    createScopeFile?: boolean,
  ): Promise<boolean> {
    const document = await this.editableDocument(createScopeFile);
    if (!document) return false;
    const result = make(document.getText(), this.store.current.scope);
    if (!result) return false;
    if (!result.ok) {
      void vscode.window.showErrorMessage(result.message);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) edit.replace(document.uri, toRange(e.range), e.newText, { needsConfirmation: false, label });
    for (const { path, edits } of result.noteEdits ?? []) {
      const uri = this.notes.uriOf(path);
      for (const e of edits) edit.replace(uri, toRange(e.range), e.newText, { needsConfirmation: false, label: 'Update research notes' });
    }
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    if (!(await document.save())) {
      void vscode.window.showWarningMessage(`${label}: the scope file could not be saved; the edit is in its editor, unsaved.`);
    }
    await this.store.reload();
    return true;
  }
}
