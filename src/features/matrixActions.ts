import * as vscode from 'vscode';
import { toRange } from '../convert';
import { noteTemplate, notePathFor } from '../core/noteTemplate';
import { addSectionsEdits } from '../core/notes/noteEdits';
import type { Axis, Category, Product } from '../core/scopeModel';
import { slugify } from '../core/text';
import { exists } from '../workspaceFiles';
import type { ScopeNode } from './scopeTree';
import type { MatrixSource } from './matrixSource';

interface Target {
  readonly category: Category;
  readonly product: Product;
}

/**
 * What a click in the matrix does. The ids come from the webview: they are looked up in the scope,
 * and only notes inside the workspace are opened or edited.
 */
export class MatrixActions {
  constructor(private readonly source: MatrixSource) {}

  /** Opens the section that decides the cell; a missing one is added to the product's note first (the note created when there is none). */
  async openCell(categoryId: string, productId: string, axisId: string): Promise<void> {
    const target = this.target(categoryId, productId);
    const axis = target?.category.axes.find((a) => a.id === axisId);
    if (!target || !axis) return;
    const entry = this.coverageOf(categoryId, productId);
    const cell = entry?.axes.find((a) => a.axisId === axisId);
    if (cell && cell.status !== 'missing' && cell.file !== null && cell.line !== null) {
      const uri = this.noteUri(cell.file);
      if (uri) await showAt(uri, cell.line);
      return;
    }
    const note = entry?.notes[0];
    await (note === undefined ? this.createNoteAt(target, axis) : this.addSection(note, target, axis));
  }

  /** Opens the product's note, or offers to create it as the tree does. */
  async openProduct(categoryId: string, productId: string): Promise<void> {
    const target = this.target(categoryId, productId);
    if (!target) return;
    const note = this.coverageOf(categoryId, productId)?.notes[0];
    const uri = note === undefined ? undefined : this.noteUri(note);
    if (uri) await showAt(uri, 0);
    else if (note === undefined) {
      const node: ScopeNode = { kind: 'product', category: target.category, product: target.product };
      await vscode.commands.executeCommand('competitorScope.openNote', node);
    }
  }

  private async addSection(note: string, target: Target, axis: Axis): Promise<void> {
    const uri = this.noteUri(note);
    const analysis = this.source.note(note);
    if (!uri || !analysis) return;
    const edits = addSectionsEdits(analysis, this.source.scope().scope, target.category.id, [axis.id]);
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
    if (edits.length > 0 && !(await vscode.workspace.applyEdit(edit))) return;
    // The new heading starts after the line breaks that lead the inserted text.
    const first = edits[0];
    const lead = first ? first.newText.slice(0, first.newText.indexOf('#')).split('\n').length - 1 : 0;
    await showAt(uri, first ? first.range.start.line + lead : 0, true);
  }

  private async createNoteAt(target: Target, axis: Axis): Promise<void> {
    const path = notePathFor(this.source.scope().scope.notes, target.product);
    const uri = this.noteUri(path);
    if (!uri) {
      void vscode.window.showInformationMessage('Open a folder to keep research notes in it.');
      return;
    }
    // A file that is there already but not about this product is opened as it is, never overwritten.
    if (await exists(uri)) return void (await showAt(uri, 0));
    const text = noteTemplate(target.category, target.product);
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
    if (!(await vscode.workspace.applyEdit(edit))) return;
    const line = text.split('\n').indexOf(`## ${axis.name}`);
    await showAt(uri, Math.max(line, 0), true);
  }

  /** The category and product of the ids, or the scope's subject where the coverage has it; undefined for anything else. */
  private target(categoryId: string, productId: string): Target | undefined {
    const { scope } = this.source.scope();
    const category = scope.categories.find((c) => c.id === categoryId);
    if (!category) return undefined;
    const product = category.products.find((p) => p.id === productId);
    if (product) return { category, product };
    const subject = scope.subject;
    if (!subject || slugify(subject) !== productId || !this.coverageOf(categoryId, productId)) return undefined;
    return { category, product: { id: productId, name: subject, aliases: [], range: category.range } };
  }

  private coverageOf(categoryId: string, productId: string) {
    return this.source.coverage().find((c) => c.categoryId === categoryId && c.productId === productId);
  }

  /** A note path (relative, '/'-separated) as a URI inside the workspace; undefined for one that would leave it. */
  private noteUri(path: string): vscode.Uri | undefined {
    const folder = this.source.scope().folderUri;
    const parts = path.split('/');
    if (!folder || path.startsWith('/') || parts.some((p) => p === '..' || p === '' || p.includes('\\'))) return undefined;
    const uri = vscode.Uri.joinPath(folder, ...parts);
    return vscode.workspace.getWorkspaceFolder(uri) ? uri : undefined;
  }
}

/** Opens a note beside the matrix with the cursor on a line (0-based), at its end for a heading just added. */
async function showAt(uri: vscode.Uri, line: number, endOfLine = false): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const shown = document.lineAt(Math.min(line, document.lineCount - 1)).range;
  const at = endOfLine ? shown.end : shown.start;
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, selection: new vscode.Range(at, at) });
}
