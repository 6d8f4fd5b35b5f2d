import * as vscode from 'vscode';
import { categoryChangeEdits } from '../core/scopeEdit/references';
import { moveItem } from '../core/scopeEdit/scopeEdits';
import type { Scope } from '../core/scope/scopeModel';
import { pathOf } from '../workspace/scopeFileEditor';
import type { ScopeRoots } from '../workspace/scopeRoots';
import type { ScopeNode } from '../workspace/scopeNodes';

const MIME = 'application/vnd.code.tree.competitorscope.tree';

/**
 * Drag and drop in the Scope tree: a product onto a product (it takes that product's place) or onto a
 * category (at the end of its products), in its own category or another; an axis likewise among axes; a
 * category onto another. Each drop is one edit of the scope file, with the notes that name the product's
 * old category in their front matter following it to the new one. A drop stays within one scope of the window.
 */
export class ScopeDragAndDrop implements vscode.TreeDragAndDropController<ScopeNode> {
  readonly dragMimeTypes = [MIME];
  readonly dropMimeTypes = [MIME];

  constructor(private readonly roots: ScopeRoots) {}

  handleDrag(source: readonly ScopeNode[], dataTransfer: vscode.DataTransfer): void {
    // One item at a time: a drop names one place.
    if (source.length === 1 && source[0].kind !== 'root') dataTransfer.set(MIME, new vscode.DataTransferItem(source[0]));
  }

  async handleDrop(target: ScopeNode | undefined, dataTransfer: vscode.DataTransfer): Promise<void> {
    const dragged = dataTransfer.get(MIME)?.value as ScopeNode | undefined;
    const root = dragged && this.roots.of(dragged);
    if (!root || !target || dragged.kind === 'root' || target.kind === 'root' || this.roots.of(target) !== root) return;
    const scope = root.store.current.scope;
    const from = pathOf(scope, dragged);
    const to = placeFor(scope, dragged, target);
    if (!from || !to) return;
    const notes =
      'list' in from && from.list === 'products' && to.category !== from.category
        ? categoryChangeEdits(root.editor.analyses(), from.item.id, scope.categories[from.category].id, scope.categories[to.category].id)
        : [];
    await root.editor.apply((text) => ({ ...moveItem(text, from, to), noteEdits: notes }), `Move "${from.item.name}"`);
  }
}

type ScopeItemNode = Exclude<ScopeNode, { kind: 'root' }>;

/** Where a drop of `dragged` onto `target` puts it: a category and an index in the dragged kind's list. */
function placeFor(scope: Scope, dragged: ScopeItemNode, target: ScopeItemNode): { category: number; index: number } | undefined {
  const category = scope.categories.findIndex((c) => c.id === target.category.id);
  if (category === -1) return undefined;
  // Within one list, what is dropped takes the target's place: after it when it came from above, else before it.
  const place = (from: number | undefined, to: number) => (from !== undefined && from < to ? to + 1 : to);
  if (dragged.kind === 'category') {
    return target.kind === 'category' ? { category, index: place(pathOf(scope, dragged)?.category, category) } : undefined;
  }
  const list = dragged.kind === 'product' ? 'products' : 'axes';
  const onSameKind = target.kind === dragged.kind ? pathOf(scope, target) : undefined;
  if (onSameKind && 'list' in onSameKind) {
    const from = pathOf(scope, dragged);
    return { category, index: place(from && 'list' in from && from.category === category ? from.index : undefined, onSameKind.index) };
  }
  // Onto a category (or, for an axis, onto a product of it): at the end of that category's list.
  if (target.kind === 'category' || (dragged.kind === 'axis' && target.kind === 'product')) {
    return { category, index: scope.categories[category][list].length };
  }
  return undefined;
}
