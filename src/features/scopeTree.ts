import * as vscode from 'vscode';
import type { Axis, Category, Product } from '../core/scopeModel';
import type { ScopeState, ScopeStore } from '../scopeStore';

export type ScopeNode =
  | { readonly kind: 'category'; readonly category: Category }
  | { readonly kind: 'product'; readonly category: Category; readonly product: Product }
  | { readonly kind: 'axis'; readonly category: Category; readonly product: Product; readonly axis: Axis };

export const TREE_VIEW_ID = 'competitorScope.tree';

/** Categories → products → axes, refreshed whenever the scope changes. */
class ScopeTreeProvider implements vscode.TreeDataProvider<ScopeNode> {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly store: ScopeStore) {}

  refresh(): void {
    this.changeEmitter.fire();
  }

  getChildren(node?: ScopeNode): ScopeNode[] {
    const state = this.store.current;
    if (!node) return state.folderUri ? state.scope.categories.map((category) => ({ kind: 'category', category })) : [];
    if (node.kind === 'category') return node.category.products.map((product) => ({ kind: 'product', category: node.category, product }));
    if (node.kind === 'product') return node.category.axes.map((axis) => ({ kind: 'axis', category: node.category, product: node.product, axis }));
    return [];
  }

  getParent(node: ScopeNode): ScopeNode | undefined {
    if (node.kind === 'product') return { kind: 'category', category: node.category };
    if (node.kind === 'axis') return { kind: 'product', category: node.category, product: node.product };
    return undefined;
  }

  getTreeItem(node: ScopeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'category': {
        const item = new vscode.TreeItem(node.category.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `category:${node.category.id}`;
        item.description = count(node.category.products.length, 'product');
        item.tooltip = markdown(node.category.name, `Goal: ${node.category.goal}`);
        item.iconPath = new vscode.ThemeIcon('folder-library');
        item.contextValue = 'category';
        return item;
      }
      case 'product': {
        const item = new vscode.TreeItem(node.product.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `product:${node.category.id}/${node.product.id}`;
        item.tooltip = markdown(node.product.name, node.product.description, aliasLine(node.product));
        item.iconPath = new vscode.ThemeIcon('package');
        item.contextValue = 'product';
        item.command = { command: 'competitorScope.openNote', title: 'Open Research Note', arguments: [node] };
        return item;
      }
      case 'axis': {
        const item = new vscode.TreeItem(node.axis.name, vscode.TreeItemCollapsibleState.None);
        item.id = `axis:${node.category.id}/${node.product.id}/${node.axis.id}`;
        item.tooltip = markdown(node.axis.name, node.axis.description, aliasLine(node.axis));
        item.iconPath = new vscode.ThemeIcon('circle-outline');
        item.contextValue = 'axis';
        return item;
      }
    }
  }
}

/** Registers the tree view, its title actions and the messages that say which scope it shows. */
export function registerScopeTree(store: ScopeStore): { provider: vscode.TreeDataProvider<ScopeNode>; disposables: vscode.Disposable[] } {
  const provider = new ScopeTreeProvider(store);
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const describe = (state: ScopeState) => {
    view.description = state.source === 'default' && state.folderUri ? 'built-in scope' : undefined;
    view.message = state.stale
      ? `The scope file has ${count(state.problems.length, 'problem')}; showing the last valid scope until they are fixed.`
      : undefined;
    void vscode.commands.executeCommand('setContext', 'competitorScope.hasScopeFile', state.fileUri !== undefined);
  };
  describe(store.current);
  const disposables = [
    view,
    store.onDidChange((state) => {
      describe(state);
      provider.refresh();
    }),
    vscode.commands.registerCommand('competitorScope.refresh', () => store.reload()),
  ];
  return { provider, disposables };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function aliasLine(item: Product | Axis): string | undefined {
  return item.aliases.length > 0 ? `Also: ${item.aliases.join(', ')}` : undefined;
}

/** A tooltip from scope text: the text is the team's, so it is escaped, never run as Markdown or HTML. */
function markdown(title: string, ...paragraphs: Array<string | undefined>): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString().appendMarkdown('**').appendText(title).appendMarkdown('**');
  for (const paragraph of paragraphs) {
    if (paragraph) tooltip.appendMarkdown('\n\n').appendText(paragraph);
  }
  return tooltip;
}
