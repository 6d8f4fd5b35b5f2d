import * as vscode from 'vscode';
import { addSectionsEdits } from './core/notes/noteEdits';
import { notePathFor, noteTemplate } from './core/noteTemplate';
import type { Axis, Category, Product } from './core/scopeModel';
import type { NoteWorkspace } from './noteWorkspace';
import type { ScopeStore } from './scopeStore';
import { exists, writeText } from './workspaceFiles';
import { toRange } from './convert';

/** A product, or one axis of it, by ids: what commands, the tree and the matrix name. */
export interface ScopeRef {
  readonly categoryId: string;
  readonly productId: string;
  readonly axisId?: string;
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
    const category = this.store.current.scope.categories.find((c) => c.id === ref.categoryId);
    const product = category?.products.find((p) => p.id === ref.productId);
    const axis = ref.axisId === undefined ? undefined : category?.axes.find((a) => a.id === ref.axisId);
    if (!category || !product || (ref.axisId !== undefined && !axis)) return undefined;
    return { category, product, ...(axis ? { axis } : {}) };
  }

  /** The product's first note, or where a new one would go. */
  noteUri(ref: ScopeRef): { uri: vscode.Uri; exists: boolean } | undefined {
    const resolved = this.resolve(ref);
    const first = this.notes.index.notesOf(ref)[0];
    const firstUri = first === undefined ? undefined : this.notes.uriOf(first);
    if (firstUri) return { uri: firstUri, exists: true };
    const folder = this.store.current.folderUri;
    return resolved && folder && { uri: vscode.Uri.joinPath(folder, notePathFor(this.store.current.scope.notes, resolved.product)), exists: false };
  }

  async openProduct(ref: ScopeRef): Promise<vscode.TextEditor | undefined> {
    const note = this.noteUri(ref);
    const resolved = this.resolve(ref);
    if (!note || !resolved) return undefined;
    if (note.exists) return vscode.window.showTextDocument(note.uri, { preview: true });
    const create = 'Create Note';
    const answer = await vscode.window.showInformationMessage(
      `There is no research note for ${resolved.product.name} yet (${vscode.workspace.asRelativePath(note.uri)}).`,
      create,
    );
    return answer === create ? this.createNote(ref) : undefined;
  }

  /** Creates the product's note from the template (never over an existing file) and opens it. */
  async createNote(ref: ScopeRef): Promise<vscode.TextEditor | undefined> {
    const note = this.noteUri(ref);
    const resolved = this.resolve(ref);
    if (!note || !resolved) return undefined;
    if (!note.exists && !(await exists(note.uri))) await writeText(note.uri, noteTemplate(resolved.category, resolved.product));
    return vscode.window.showTextDocument(note.uri);
  }

  /** Opens the note at the heading that answers the axis; for a missing axis, offers to add its section. */
  async openAxis(ref: ScopeRef): Promise<vscode.TextEditor | undefined> {
    const resolved = this.resolve(ref);
    if (!resolved?.axis) return undefined;
    const coverage = this.notes.index.productCoverage(ref).axes.find((a) => a.axisId === ref.axisId);
    const uri = coverage?.file ? this.notes.uriOf(coverage.file) : undefined;
    if (uri && coverage?.line != null) return showAt(uri, coverage.line);
    const add = 'Add Section';
    const answer = await vscode.window.showInformationMessage(`No note of ${resolved.product.name} answers "${resolved.axis.name}" yet.`, add);
    return answer === add ? this.addSection(ref) : undefined;
  }

  /** Adds the axis's section to the product's note where it belongs (creating the note when there is none) and opens it there. */
  async addSection(ref: ScopeRef): Promise<vscode.TextEditor | undefined> {
    const resolved = this.resolve(ref);
    const note = this.noteUri(ref);
    if (!resolved?.axis || !note) return undefined;
    if (!note.exists) {
      await this.createNote(ref);
    } else {
      const path = this.notes.pathOf(note.uri);
      const document = await vscode.workspace.openTextDocument(note.uri);
      // The index may lag behind the editor by its debounce: analyze the text as it is now.
      if (path) this.notes.index.setNote(path, document.getText());
      const analysis = path ? this.notes.index.note(path) : undefined;
      const edits = analysis ? addSectionsEdits(analysis, this.store.current.scope, ref.categoryId, [resolved.axis.id]) : [];
      if (edits.length > 0) {
        const edit = new vscode.WorkspaceEdit();
        edit.set(note.uri, edits.map((e) => new vscode.TextEdit(toRange(e.range), e.newText)));
        await vscode.workspace.applyEdit(edit);
      }
    }
    const document = await vscode.workspace.openTextDocument(note.uri);
    const line = headingLine(document, resolved.axis);
    return showAt(note.uri, line);
  }
}

/** The line of the axis's heading in the document as it is now (just added or from the template). */
function headingLine(document: vscode.TextDocument, axis: Axis): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (/^#{2,6}\s/.test(document.lineAt(line).text) && document.lineAt(line).text.replace(/^#+\s*/, '').trim() === axis.name) return line;
  }
  return 0;
}

async function showAt(uri: vscode.Uri, line: number): Promise<vscode.TextEditor> {
  const position = new vscode.Position(line, 0);
  const editor = await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
