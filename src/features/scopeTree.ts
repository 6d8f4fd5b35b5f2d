import * as vscode from 'vscode';
import { teamMarkdown as markdown } from '../workspace/convert';
import { asOfText } from '../core/evidence/sectionEvidence';
import type { AxisStatus } from '../core/notes/findings';
import type { AxisCoverage, ProductCoverage } from '../core/index/noteIndex';
import type { Axis, Category, Product } from '../core/scope/scopeModel';
import type { ScopeNode } from '../workspace/scopeNodes';
import type { ScopeRoot, ScopeRoots } from '../workspace/scopeRoots';
import type { ScopeState } from '../workspace/scopeStore';

export const TREE_VIEW_ID = 'competitorScope.tree';

/**
 * Categories → products → axes, refreshed whenever the scope changes; with several scopes in the window (folders
 * of a multi-root workspace, nested scope files), a node per scope above them.
 */
export class ScopeTreeProvider implements vscode.TreeDataProvider<ScopeNode> {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly roots: ScopeRoots) {}

  refresh(): void {
    this.changeEmitter.fire();
  }

  getChildren(node?: ScopeNode): ScopeNode[] {
    const all = this.roots.all;
    if (!node && all.length > 1) return all.map((root) => ({ kind: 'root', root: root.key }));
    if (!node || node.kind === 'root') {
      const root = node ? this.roots.get(node.root) : all[0];
      return root ? root.store.current.scope.categories.map((category) => ({ kind: 'category', root: root.key, category })) : [];
    }
    const root = node.root;
    if (node.kind === 'category') {
      return node.category.products.map((product) => ({ kind: 'product', root, category: node.category, product }));
    }
    if (node.kind === 'product') {
      return node.category.axes.map((axis) => ({ kind: 'axis', root, category: node.category, product: node.product, axis }));
    }
    return [];
  }

  getParent(node: ScopeNode): ScopeNode | undefined {
    const root = this.roots.of(node)?.key;
    if (node.kind === 'category') return root !== undefined && this.roots.all.length > 1 ? { kind: 'root', root } : undefined;
    if (node.kind === 'product') return { kind: 'category', root, category: node.category };
    if (node.kind === 'axis') return { kind: 'product', root, category: node.category, product: node.product };
    return undefined;
  }

  getTreeItem(node: ScopeNode): vscode.TreeItem {
    const item = this.itemOf(node);
    // Ids are unique across scopes only with the scope's key; with one scope they stay as they always were.
    if (node.kind !== 'root' && this.roots.all.length > 1) item.id = `${this.roots.of(node)?.key}\u0000${item.id}`;
    return item;
  }

  private itemOf(node: ScopeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'root': {
        const root = this.roots.get(node.root);
        const state = root?.store.current;
        const item = new vscode.TreeItem(root?.label ?? node.root, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `root:${node.root}`;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.resourceUri = root?.folderUri;
        item.description = state && scopeDescription(state);
        item.tooltip =
          state &&
          markdown(
            root.label,
            state.fileUri ? vscode.workspace.asRelativePath(state.fileUri) : 'The built-in scope: this folder has no scope file.',
          );
        item.contextValue = state?.fileUri ? 'root' : 'root.builtIn';
        return item;
      }
      case 'category': {
        const item = new vscode.TreeItem(node.category.name, vscode.TreeItemCollapsibleState.Collapsed);
        const coverage = node.category.products.map((product) => this.coverage(node, node.category, product));
        const axes = coverage.flatMap((c) => c.axes);
        const [answered, total] = tally(axes);
        item.id = `category:${node.category.id}`;
        item.description = `${answered}/${total}${evidenceCounts(axes)}`;
        item.tooltip = markdown(
          node.category.name,
          `Goal: ${node.category.goal}`,
          `${count(coverage.length, 'product')}; ${answered} of ${total} axes answered${evidenceCounts(axes, ', ')}.`,
        );
        item.iconPath = statusIcon(worstStatus(axes));
        item.contextValue = 'category';
        return item;
      }
      case 'product': {
        const item = new vscode.TreeItem(node.product.name, vscode.TreeItemCollapsibleState.Collapsed);
        const coverage = this.coverage(node, node.category, node.product);
        const [answered, total] = tally(coverage.axes);
        item.id = `product:${node.category.id}/${node.product.id}`;
        item.description =
          coverage.notes.length > 0 ? `${answered}/${total}${evidenceCounts(coverage.axes)}` : `${answered}/${total} · no note`;
        item.tooltip = markdown(
          node.product.name,
          node.product.description,
          aliasLine(node.product),
          `${answered} of ${total} axes answered${evidenceCounts(coverage.axes, ', ')}.`,
          notesLine(coverage),
        );
        item.iconPath = statusIcon(worstStatus(coverage.axes));
        item.contextValue = coverage.notes.length > 0 ? 'product' : 'product.noNote';
        item.command = { command: 'competitorScope.openNote', title: 'Open Research Note', arguments: [node] };
        return item;
      }
      case 'axis': {
        const item = new vscode.TreeItem(node.axis.name, vscode.TreeItemCollapsibleState.None);
        const coverage = this.axisCoverage(node);
        item.id = `axis:${node.category.id}/${node.product.id}/${node.axis.id}`;
        item.description = [
          coverage.status,
          ...(coverage.evidence?.stale ? ['stale'] : []),
          ...(coverage.evidence?.sources.length === 0 ? ['unsourced'] : []),
        ].join(' · ');
        item.tooltip = markdown(
          node.axis.name,
          node.axis.description,
          aliasLine(node.axis),
          coverage.excerpt,
          coverage.evidence && asOfText(coverage.evidence),
        );
        item.iconPath = statusIcon(coverage.status);
        item.contextValue = `axis.${coverage.status}`;
        item.command = { command: 'competitorScope.openAxis', title: 'Go to Section', arguments: [node] };
        return item;
      }
    }
  }

  private coverage(node: ScopeNode, category: Category, product: Product): ProductCoverage {
    const target = { categoryId: category.id, productId: product.id };
    // A node the tree still shows while its scope has just left the window: nothing covered.
    return this.roots.of(node)?.notes.index.productCoverage(target) ?? { ...target, notes: [], axes: [] };
  }

  axisCoverage(node: Extract<ScopeNode, { kind: 'axis' }>): AxisCoverage {
    const coverage = this.coverage(node, node.category, node.product);
    return (
      coverage.axes.find((a) => a.axisId === node.axis.id) ?? {
        axisId: node.axis.id,
        status: 'missing',
        file: null,
        line: null,
        score: null,
      }
    );
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
  roots: ScopeRoots,
  dragAndDropController: vscode.TreeDragAndDropController<ScopeNode>,
  gitAvailable: boolean,
): { provider: ScopeTreeProvider; view: vscode.TreeView<ScopeNode>; disposables: vscode.Disposable[] } {
  const provider = new ScopeTreeProvider(roots);
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true, dragAndDropController });
  const describe = () => {
    const all = roots.all;
    const broken = all.filter((root) => root.store.current.stale);
    // With one scope the view's own description says which; with several, each scope's node does.
    view.description = all.length === 1 && all[0].store.current.source === 'default' ? 'built-in scope' : undefined;
    view.message = broken.length > 0 ? brokenMessage(broken, all.length) : datingNotice(gitAvailable);
    const current = roots.current?.store.current;
    void vscode.commands.executeCommand('setContext', 'competitorScope.hasScopeFile', current?.fileUri !== undefined);
    void vscode.commands.executeCommand('setContext', 'competitorScope.scopeInvalid', current?.stale ?? false);
    void vscode.commands.executeCommand('setContext', 'competitorScope.multipleScopes', all.length > 1);
  };
  describe();
  const refresh = () => {
    describe();
    provider.refresh();
  };
  const disposables = [
    view,
    roots.onDidChangeRoots(refresh),
    roots.onDidChangeScope(refresh),
    roots.onDidChangeCurrent(describe),
    roots.onDidChangeNotes(({ change }) => change.more || provider.refresh()),
    vscode.commands.registerCommand('competitorScope.refresh', async () => {
      await roots.discover();
      await Promise.all(roots.all.map((root) => root.store.reload()));
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(describe),
  ];
  return { provider, view, disposables };
}

function brokenMessage(broken: readonly ScopeRoot[], scopes: number): string {
  const problems = broken.reduce((sum, root) => sum + root.store.current.problems.length, 0);
  const which =
    scopes === 1
      ? 'The scope file has'
      : `The scope file${broken.length === 1 ? '' : 's'} of ${broken.map((root) => root.label).join(', ')} ${broken.length === 1 ? 'has' : 'have'}`;
  return `${which} ${count(problems, 'problem')}; showing the last valid scope, and editing from the tree is off, until they are fixed.`;
}

/** What a scope's node says beside its name: where its scope comes from, or that its file is broken. */
function scopeDescription(state: ScopeState): string {
  if (state.stale) return `${count(state.problems.length, 'problem')}`;
  return state.source === 'default' ? 'built-in scope' : '';
}

/** From best to worst: a product's or a category's icon is its worst axis's. */
const STATUS_ORDER: readonly AxisStatus[] = ['answered', 'placeholder', 'empty', 'missing'];

function worstStatus(axes: readonly AxisCoverage[]): AxisStatus {
  return axes.reduce<AxisStatus>(
    (worst, a) => (STATUS_ORDER.indexOf(a.status) > STATUS_ORDER.indexOf(worst) ? a.status : worst),
    'answered',
  );
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
  return [...(stale > 0 ? [`${stale} stale`] : []), ...(unsourced > 0 ? [`${unsourced} unsourced`] : [])]
    .map((part) => `${separator}${part}`)
    .join('');
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
