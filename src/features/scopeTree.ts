import * as vscode from 'vscode';
import { teamMarkdown as markdown } from '../workspace/convert';
import { asOfText } from '../core/evidence/sectionEvidence';
import type { AxisStatus } from '../core/notes/findings';
import type { AxisCoverage, ProductCoverage } from '../core/notes/noteIndex';
import type { Axis, Category, Product } from '../core/scopeModel';
import type { NoteWorkspace } from '../workspace/noteWorkspace';
import type { ScopeState, ScopeStore } from '../workspace/scopeStore';

export type ScopeNode =
  | { readonly kind: 'category'; readonly category: Category }
  | { readonly kind: 'product'; readonly category: Category; readonly product: Product }
  | { readonly kind: 'axis'; readonly category: Category; readonly product: Product; readonly axis: Axis };

export const TREE_VIEW_ID = 'competitorScope.tree';

/** Categories → products → axes, refreshed whenever the scope changes. */
export class ScopeTreeProvider implements vscode.TreeDataProvider<ScopeNode> {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(
    private readonly store: ScopeStore,
    private readonly notes: NoteWorkspace,
  ) {}

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
        const coverage = node.category.products.map((product) => this.coverage(node.category, product));
        const axes = coverage.flatMap((c) => c.axes);
        const [answered, total] = tally(axes);
        item.id = `category:${node.category.id}`;
        item.description = `${answered}/${total}${evidenceCounts(axes)}`;
        item.tooltip = markdown(node.category.name, `Goal: ${node.category.goal}`, `${count(coverage.length, 'product')}; ${answered} of ${total} axes answered${evidenceCounts(axes, ', ')}.`);
        item.iconPath = statusIcon(worstStatus(axes));
        item.contextValue = 'category';
        return item;
      }
      case 'product': {
        const item = new vscode.TreeItem(node.product.name, vscode.TreeItemCollapsibleState.Collapsed);
        const coverage = this.coverage(node.category, node.product);
        const [answered, total] = tally(coverage.axes);
        item.id = `product:${node.category.id}/${node.product.id}`;
        item.description = coverage.notes.length > 0 ? `${answered}/${total}${evidenceCounts(coverage.axes)}` : `${answered}/${total} · no note`;
        item.tooltip = markdown(node.product.name, node.product.description, aliasLine(node.product), `${answered} of ${total} axes answered${evidenceCounts(coverage.axes, ', ')}.`, notesLine(coverage));
        item.iconPath = statusIcon(worstStatus(coverage.axes));
        item.contextValue = coverage.notes.length > 0 ? 'product' : 'product.noNote';
        item.command = { command: 'competitorScope.openNote', title: 'Open Research Note', arguments: [node] };
        return item;
      }
      case 'axis': {
        const item = new vscode.TreeItem(node.axis.name, vscode.TreeItemCollapsibleState.None);
        const coverage = this.axisCoverage(node);
        item.id = `axis:${node.category.id}/${node.product.id}/${node.axis.id}`;
        item.description = [coverage.status, ...(coverage.evidence?.stale ? ['stale'] : []), ...(coverage.evidence?.sources.length === 0 ? ['unsourced'] : [])].join(' · ');
        item.tooltip = markdown(node.axis.name, node.axis.description, aliasLine(node.axis), coverage.excerpt, coverage.evidence && asOfText(coverage.evidence));
        item.iconPath = statusIcon(coverage.status);
        item.contextValue = `axis.${coverage.status}`;
        item.command = { command: 'competitorScope.openAxis', title: 'Go to Section', arguments: [node] };
        return item;
      }
    }
  }

  private coverage(category: Category, product: Product): ProductCoverage {
    return this.notes.index.productCoverage({ categoryId: category.id, productId: product.id });
  }

  axisCoverage(node: Extract<ScopeNode, { kind: 'axis' }>): AxisCoverage {
    const coverage = this.coverage(node.category, node.product);
    return coverage.axes.find((a) => a.axisId === node.axis.id) ?? { axisId: node.axis.id, status: 'missing', file: null, line: null, score: null };
  }
}

/** Why answers are not dated by git here, when they are not: said once, above the tree. */
function datingNotice(gitAvailable: boolean): string | undefined {
  const markersOnly = 'answers are dated by their "As of" lines and reviewed: dates only, not by git.';
  if (!gitAvailable) return `Git is not available in this editor: ${markersOnly}`;
  return vscode.workspace.isTrusted ? undefined : `Untrusted workspace: ${markersOnly}`;
}

/** Registers the tree view, its title actions and the messages that say which scope it shows. */
export function registerScopeTree(
  store: ScopeStore,
  notes: NoteWorkspace,
  dragAndDropController: vscode.TreeDragAndDropController<ScopeNode>,
  gitAvailable: boolean,
): { provider: ScopeTreeProvider; view: vscode.TreeView<ScopeNode>; disposables: vscode.Disposable[] } {
  const provider = new ScopeTreeProvider(store, notes);
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true, dragAndDropController });
  const describe = (state: ScopeState) => {
    view.description = state.source === 'default' && state.folderUri ? 'built-in scope' : undefined;
    view.message = state.stale
      ? `The scope file has ${count(state.problems.length, 'problem')}; showing the last valid scope, and editing from the tree is off, until they are fixed.`
      : datingNotice(gitAvailable);
    void vscode.commands.executeCommand('setContext', 'competitorScope.hasScopeFile', state.fileUri !== undefined);
    void vscode.commands.executeCommand('setContext', 'competitorScope.scopeInvalid', state.stale);
  };
  describe(store.current);
  const disposables = [
    view,
    store.onDidChange((state) => {
      describe(state);
      provider.refresh();
    }),
    notes.onDidChange((change) => change.more || provider.refresh()),
    vscode.commands.registerCommand('competitorScope.refresh', () => store.reload()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => describe(store.current)),
  ];
  return { provider, view, disposables };
}

/** From best to worst: a product's or a category's icon is its worst axis's. */
const STATUS_ORDER: readonly AxisStatus[] = ['answered', 'placeholder', 'empty', 'missing'];

function worstStatus(axes: readonly AxisCoverage[]): AxisStatus {
  return axes.reduce<AxisStatus>((worst, a) => (STATUS_ORDER.indexOf(a.status) > STATUS_ORDER.indexOf(worst) ? a.status : worst), 'answered');
}

function statusIcon(status: AxisStatus): vscode.ThemeIcon {
  switch (status) {
    case 'answered':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
    case 'placeholder':
    case 'empty':
      return new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground'));
    case 'missing':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.errorForeground'));
  }
}

/** " · 2 stale · 1 unsourced": the answers that are older than their limit or cite nothing; '' when none. */
function evidenceCounts(axes: readonly AxisCoverage[], separator = ' · '): string {
  const stale = axes.filter((a) => a.evidence?.stale).length;
  const unsourced = axes.filter((a) => a.evidence && a.evidence.sources.length === 0).length;
  return [...(stale > 0 ? [`${stale} stale`] : []), ...(unsourced > 0 ? [`${unsourced} unsourced`] : [])].map((part) => `${separator}${part}`).join('');
}

function tally(axes: readonly AxisCoverage[]): [answered: number, total: number] {
  return [axes.filter((a) => a.status === 'answered').length, axes.length];
}

function notesLine(coverage: ProductCoverage): string {
  return coverage.notes.length > 0 ? `Notes: ${coverage.notes.join(', ')}` : 'No research note yet.';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function aliasLine(item: Product | Axis): string | undefined {
  return item.aliases.length > 0 ? `Also: ${item.aliases.join(', ')}` : undefined;
}
