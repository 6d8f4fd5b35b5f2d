import * as vscode from 'vscode';
import { briefAnswer } from '../core/brief/agentTools';
import type { Selection } from '../core/brief/scopeFacts';
import type { NoteWorkspace } from '../workspace/noteWorkspace';
import type { ScopeRoots } from '../workspace/scopeRoots';
import type { ScopeNode } from '../workspace/scopeNodes';

import { RESEARCH_BRIEF_COMMAND } from '../workspace/commandIds';

/**
 * Competitor Scope: Research Brief. From the tree (a category or a product node), a note's lens and the
 * matrix's row menu (ids: `{categoryId, productId?}`), or the palette (a quick pick of every gap, the
 * categories and the products). The brief opens as an untitled Markdown document and goes to the clipboard.
 */
export function registerResearchBrief(roots: ScopeRoots): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(RESEARCH_BRIEF_COMMAND, async (target?: unknown) => {
      const notes = (await roots.whenReady(target))?.notes;
      if (!notes) return undefined;
      const selection = target === undefined ? await pickSelection(notes) : selectionOf(target);
      if (!selection) return undefined;
      const brief = briefAnswer(notes.index, selection);
      if (!brief.ok) return void vscode.window.showWarningMessage(brief.message);
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: brief.value });
      await vscode.window.showTextDocument(document, { preview: false });
      await vscode.env.clipboard.writeText(brief.value);
      vscode.window.setStatusBarMessage('$(copy) Research brief copied to the clipboard', 5000);
      return document;
    }),
  ];
}

/**
 * What a caller names. Tree nodes carry the scope's objects; the lens and the matrix's row menu pass ids, and
 * the matrix's come from the webview (`data-vscode-context`), so they are checked here and then looked up
 * like any name: an id that names nothing gets the look-up's message.
 */
function selectionOf(target: unknown): Selection | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  if ('kind' in target) {
    const node = target as ScopeNode;
    if (node.kind === 'root') return {};
    return node.kind === 'category' ? { category: node.category.id } : { product: node.product.id, category: node.category.id };
  }
  const { categoryId, productId } = target as { categoryId?: unknown; productId?: unknown };
  if (!isId(categoryId)) return undefined;
  if (productId === undefined) return { category: categoryId };
  return isId(productId) ? { product: productId, category: categoryId } : undefined;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

type SelectionItem = vscode.QuickPickItem & { readonly selection?: Selection };

async function pickSelection(notes: NoteWorkspace): Promise<Selection | undefined> {
  const { scope } = notes.index;
  const summary = notes.index.summary();
  const items: SelectionItem[] = [
    {
      label: '$(checklist) Every gap',
      description: `${summary.axes - summary.answered} of ${summary.axes} axes unanswered`,
      selection: {},
    },
    { label: 'Categories', kind: vscode.QuickPickItemKind.Separator },
    ...scope.categories.map((c): SelectionItem => ({
      label: `$(symbol-namespace) ${c.name}`,
      description: c.goal,
      selection: { category: c.id },
    })),
    { label: 'Products', kind: vscode.QuickPickItemKind.Separator },
    ...scope.categories.flatMap((c) =>
      c.products.map((p): SelectionItem => ({
        label: `$(package) ${p.name}`,
        description: c.name,
        selection: { product: p.id, category: c.id },
      })),
    ),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Research Brief',
    placeHolder: 'A brief for every gap, a category or a product',
    matchOnDescription: true,
  });
  return picked?.selection;
}
