import * as vscode from 'vscode';
import { addSectionsEdits } from '../core/notes/noteEdits';
import { notePathFor, noteTemplate } from '../core/notes/noteTemplate';
import { productOf, type Axis, type Category, type Product } from '../core/scope/scopeModel';
import type { NoteWorkspace } from './noteWorkspace';
import type { ScopeStore } from './scopeStore';
import { toRange } from './convert';
import { exists } from './workspaceFiles';

/** A product, or one axis of it, by ids: what commands, the tree and the matrix name. */
export interface ScopeRef {
  /** The scope's key (see ScopeRoots), where the window has several; the current scope when absent. */
  readonly root?: string;
  readonly categoryId: string;
  readonly productId: string;
  readonly axisId?: string;
}

/** Where a note opens: in the active editor group (from the tree), or beside it (from the matrix). */
export interface ShowOptions {
  readonly beside?: boolean;
}

interface Resolved {
  readonly category: Category;
  readonly product: Product;
  readonly axis?: Axis;
}

/**
 * Going from the scope to the notes: open a product's note, go to an axis's heading, add a missing section,
 * create a note from the template. Refs are resolved against the current scope: unknown ids do nothing.
 */
export class NoteNavigator {
  constructor(
    private readonly store: ScopeStore,
    private readonly notes: NoteWorkspace,
  ) {}

  resolve(ref: ScopeRef): Resolved | undefined {
    const found = productOf(this.store.current.scope, ref);
    const axis = ref.axisId === undefined ? undefined : found?.category.axes.find((a) => a.id === ref.axisId);
    if (!found || (ref.axisId !== undefined && !axis)) return undefined;
    return { ...found, ...(axis ? { axis } : {}) };
  }

  /** The product's first note, or where a new one would go. */
  noteUri(ref: ScopeRef): { uri: vscode.Uri; exists: boolean } | undefined {
    const resolved = this.resolve(ref);
    const first = this.notes.index.notesOf(ref)[0];
    if (first !== undefined) return { uri: this.notes.uriOf(first), exists: true };
    return resolved && { uri: this.notes.uriOf(notePathFor(this.store.current.scope.notes, resolved.product)), exists: false };
  }

  async openProduct(ref: ScopeRef, options: ShowOptions = {}): Promise<vscode.TextEditor | undefined> {
    const note = this.noteUri(ref);
    const resolved = this.resolve(ref);
    if (!note || !resolved) return undefined;
    if (note.exists) return showAt(note.uri, 0, options);
    const create = 'Create Note';
    const answer = await vscode.window.showInformationMessage(
      `There is no research note for ${resolved.product.name} yet (${vscode.workspace.asRelativePath(note.uri)}).`,
      create,
    );
    return answer === create ? this.createNote(ref, options) : undefined;
  }

  /** Creates the product's note from the template, as an undoable edit that never overwrites a file, and opens it. */
  async createNote(ref: ScopeRef, options: ShowOptions = {}): Promise<vscode.TextEditor | undefined> {
    const note = this.noteUri(ref);
    const resolved = this.resolve(ref);
    if (!note || !resolved) return undefined;
    if (!note.exists && !(await exists(note.uri))) {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(note.uri, {
        ignoreIfExists: true,
        contents: new TextEncoder().encode(noteTemplate(resolved.category, resolved.product)),
      });
      await vscode.workspace.applyEdit(edit);
    }
    return showAt(note.uri, 0, options);
  }

  /**
   * Opens the note at the heading that answers the axis. For a missing axis, `ifMissing` says whether to ask
   * first (from the tree) or add its section straight away (a click on the matrix's missing cell).
   */
  async openAxis(ref: ScopeRef, options: ShowOptions & { ifMissing?: 'ask' | 'add' } = {}): Promise<vscode.TextEditor | undefined> {
    const resolved = this.resolve(ref);
    if (!resolved?.axis) return undefined;
    const coverage = this.notes.index.productCoverage(ref).axes.find((a) => a.axisId === ref.axisId);
    const uri = coverage?.file ? this.notes.uriOf(coverage.file) : undefined;
    if (uri && coverage?.line != null) return showAt(uri, coverage.line, options);
    if (options.ifMissing === 'add') return this.addSection(ref, options);
    const add = 'Add Section';
    const answer = await vscode.window.showInformationMessage(
      `No note of ${resolved.product.name} answers "${resolved.axis.name}" yet.`,
      add,
    );
    return answer === add ? this.addSection(ref, options) : undefined;
  }

  /** Adds the axis's section to the product's note where it belongs (creating the note when there is none) and opens it there. */
  async addSection(ref: ScopeRef, options: ShowOptions = {}): Promise<vscode.TextEditor | undefined> {
    const resolved = this.resolve(ref);
    const note = this.noteUri(ref);
    if (!resolved?.axis || !note) return undefined;
    if (!note.exists) {
      await this.createNote(ref, options);
    } else {
      const path = this.notes.sync(await vscode.workspace.openTextDocument(note.uri));
      const analysis = path ? this.notes.index.note(path) : undefined;
      const edits = analysis ? addSectionsEdits(analysis, this.store.current.scope, ref.categoryId, [resolved.axis.id]) : [];
      if (edits.length > 0) {
        const edit = new vscode.WorkspaceEdit();
        edit.set(
          note.uri,
          edits.map((e) => new vscode.TextEdit(toRange(e.range), e.newText)),
        );
        await vscode.workspace.applyEdit(edit);
      }
    }
    const document = await vscode.workspace.openTextDocument(note.uri);
    return showAt(note.uri, headingLine(document, resolved.axis), options);
  }
}

/** The line of the axis's heading in the document as it is now (just added or from the template). */
function headingLine(document: vscode.TextDocument, axis: Axis): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (
      /^#{2,6}\s/.test(document.lineAt(line).text) &&
      document
        .lineAt(line)
        .text.replace(/^#+\s*/, '')
        .trim() === axis.name
    ) {
      return line;
    }
  }
  return 0;
}

async function showAt(uri: vscode.Uri, line: number, { beside = false }: ShowOptions): Promise<vscode.TextEditor> {
  const position = new vscode.Position(line, 0);
  const editor = await vscode.window.showTextDocument(uri, {
    selection: new vscode.Range(position, position),
    ...(beside ? { viewColumn: vscode.ViewColumn.Beside, preview: false } : {}),
  });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
