import * as vscode from 'vscode';
import { productPicks } from '../../core/assist/productPicks';
import { buildMatrix } from '../../core/matrix/matrixModel';
import { buildBattlecard, type Battlecard } from '../../core/matrix/battlecard';
import { subjectOf } from '../../core/scope/scopeModel';
import type { GitHistory } from '../../git/gitHistory';
import {
  battlecardStateSchema,
  parseFromBattlecard,
  type BattlecardComparison,
  type FromBattlecard,
  type ToBattlecard,
} from '../../shared/battlecardMessages';
import { BATTLECARD_PAGE } from '../../shared/webviewPage';
import type { ScopeRef } from '../../workspace/noteNavigation';
import type { ScopeRoot, ScopeRoots } from '../../workspace/scopeRoots';
import { Disposable } from '../../workspace/lifecycle';
import { LiveComparison } from '../../workspace/liveComparison';
import { createPanel, LivePage, loadPage } from '../../workspace/webviewHost';
import { registerBattlecardExport } from './battlecardExport';
import { coverageOf } from '../../workspace/matrixSource';
import { refOf, type Target } from '../../workspace/scopeNodes';

/** What activate hands to integration tests: the open cards, and a page's message handler as if its webview had posted. */
export interface BattlecardPanelHandle {
  readonly disposables: vscode.Disposable[];
  /** The card the open panel of a product shows; undefined while it is closed or has not said it is ready. */
  shown(ref: ScopeRef): Battlecard | undefined;
  /** Handles a message as from the product's page (validated like one); opens the panel first when it is closed. */
  postFromWebview(ref: ScopeRef, message: unknown): Promise<void>;
}

/** A card as its page shows it: with its changes while it is compared with a point of history. */
interface ShownCard {
  readonly card: Battlecard;
  readonly comparison: BattlecardComparison | null;
}

const keyOf = (ref: ScopeRef) => `${ref.root}\u0000${ref.categoryId}\u0000${ref.productId}`;

/**
 * Battlecards: one panel per competitor, restored after a reload, following its notes and the scope as the
 * matrix does. Opened from the tree, a note's lens, a matrix row or the palette. A card stays with the scope it was
 * opened in (the ref's, else the current one), where the window has several.
 */
export function registerBattlecardPanel(extensionUri: vscode.Uri, roots: ScopeRoots, history: GitHistory): BattlecardPanelHandle {
  const panels = new Map<string, BattlecardPanel>();
  /** The ref with its scope's key, and the scope; undefined without a folder. */
  const bind = (ref: ScopeRef): [ScopeRef, ScopeRoot] | undefined => {
    const root = roots.of(ref);
    return root && [{ ...ref, root: root.key }, root];
  };
  const cardOf = (ref: ScopeRef): Battlecard | undefined => {
    const root = roots.of(ref);
    if (!root) return undefined;
    const { scope } = root.store.current;
    const coverage = coverageOf(root.notes).filter((c) => c.categoryId === ref.categoryId);
    return buildBattlecard(scope, buildMatrix(scope, coverage), ref.categoryId, ref.productId);
  };
  const adopt = (panel: vscode.WebviewPanel, [ref, root]: [ScopeRef, ScopeRoot]) => {
    const card = new BattlecardPanel(panel, extensionUri, ref, root, history, () => cardOf(ref));
    panels.set(keyOf(ref), card);
    panel.onDidDispose(() => panels.delete(keyOf(ref)));
    return card;
  };
  const open = (unbound: ScopeRef): BattlecardPanel | undefined => {
    const bound = bind(unbound);
    if (!bound) return undefined;
    const [ref] = bound;
    const existing = panels.get(keyOf(ref));
    if (existing) return existing.reveal();
    const card = cardOf(ref);
    if (!card) {
      void vscode.window.showWarningMessage('A battlecard compares a competitor of the scope with our product; this is not one.');
      return undefined;
    }
    return adopt(createPanel(extensionUri, BATTLECARD_PAGE, `Battlecard: ${card.product}`), bound);
  };
  const pick = async (): Promise<ScopeRef | undefined> => {
    const root = await roots.whenReady();
    if (!root) return undefined;
    const { index } = root.notes;
    const subject = subjectOf(index.scope)?.id;
    const picks = productPicks(index.scope, index.coverage()).filter((p) => p.target.productId !== subject);
    const chosen = await vscode.window.showQuickPick(picks, {
      title: 'Open Battlecard',
      placeHolder: 'A competitor to compare with our product',
      matchOnDescription: true,
    });
    return chosen && { ...chosen.target, root: root.key };
  };
  /** The card of the active battlecard panel, for the export command run from the palette. */
  const active = () => [...panels.values()].find((p) => p.active)?.ref;
  return {
    disposables: [
      vscode.commands.registerCommand('competitorScope.openBattlecard', async (target?: Target) => {
        const ref = target && typeof target === 'object' ? refOf(target) : await pick();
        if (typeof ref?.categoryId === 'string' && typeof ref.productId === 'string') open(ref);
      }),
      vscode.window.registerWebviewPanelSerializer(BATTLECARD_PAGE.viewType, {
        // The page saved which card it shows; it came back from the webview, so it is parsed like a message.
        deserializeWebviewPanel: async (panel, state) => {
          // The page saves the card's ids, not its scope: it comes back in the current one.
          const saved = battlecardStateSchema.safeParse(state);
          const bound = saved.success ? bind(saved.data) : undefined;
          if (bound && !panels.has(keyOf(bound[0]))) adopt(panel, bound);
          else panel.dispose();
        },
      }),
      // Changed since… for the open card of a competitor (the active one from the palette); optional: a branch, tag or commit.
      vscode.commands.registerCommand('competitorScope.battlecardChangedSince', async (target?: Target, gitRef?: unknown) => {
        const ref = target && typeof target === 'object' ? refOf(target) : active();
        const card = ref && open(ref);
        if (!card) void vscode.window.showInformationMessage('Open a battlecard first: Changed since… compares the card shown.');
        return card ? card.compare(gitRef) : false;
      }),
      ...registerBattlecardExport(cardOf, active, pick, (ref) => roots.of(ref)?.folderUri),
      { dispose: () => [...panels.values()].forEach((p) => p.dispose()) },
    ],
    shown: (ref) => {
      const bound = bind(ref);
      return bound && panels.get(keyOf(bound[0]))?.shown;
    },
    postFromWebview: async (ref, message) => {
      await open(ref)?.handle(message);
    },
  };
}

class BattlecardPanel extends Disposable {
  private readonly live: LivePage<ShownCard | undefined, ToBattlecard>;
  /** The card's scope compared with a point of history, while Changed since… is on. */
  private readonly since: LiveComparison;
  /** The product's name as last shown, for the page to say that it has left the scope. */
  private product: string;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    readonly ref: ScopeRef,
    private readonly root: ScopeRoot,
    history: GitHistory,
    buildCard: () => Battlecard | undefined,
  ) {
    super();
    this.product = ref.productId;
    this.since = this.register(new LiveComparison(history, (key) => (key === root.key ? root : undefined)));
    loadPage(panel, extensionUri, BATTLECARD_PAGE);
    // The notes fire on a change of the scope too.
    this.live = new LivePage(panel, root.notes.onDidChange, {
      build: () => {
        const card = buildCard();
        if (card) this.product = card.product;
        panel.title = `Battlecard: ${this.product}`;
        return card && { card, comparison: this.comparison(card) };
      },
      // A product that left the scope (or became the subject) has no card: the page says so, and shows it again if it returns.
      whole: (card) => this.message(card),
      update: (shown, next) => (JSON.stringify(shown) === JSON.stringify(next) ? undefined : this.message(next)),
    });
    this.registerAll(
      this.live,
      root.notes.onDidChange(() => this.since.notesChanged(root)),
      this.since.onDidChange(() => this.live.refresh()),
      panel.webview.onDidReceiveMessage((message) => void this.handle(message)),
      panel.onDidDispose(() => this.dispose()),
      panel,
    );
  }

  private message(shown: ShownCard | undefined): ToBattlecard {
    return shown ? { type: 'card', ...shown } : { type: 'gone', product: this.product };
  }

  /** The card's changed cells since the point: its competitor's and our product's, on the card's axes. */
  private comparison(card: Battlecard): BattlecardComparison | null {
    const compared = this.since.changes;
    if (!compared) return null;
    const subjectId = subjectOf(this.root.store.current.scope)?.id ?? null;
    const axes = new Set(Object.values(card.sections).flatMap((axes) => axes.map((axis) => axis.id)));
    const changes = compared.changes.filter(
      (c) => c.categoryId === card.categoryId && (c.productId === card.productId || c.productId === subjectId) && axes.has(c.axisId),
    );
    return { label: compared.label, changes, subjectId };
  }

  /** Compares the card with `gitRef` (a branch, tag or commit), or with the one the user picks. True once it compares. */
  compare(gitRef?: unknown): Promise<boolean> {
    const picker = {
      title: `Battlecard: ${this.product}: Changed since…`,
      placeHolder: 'A branch, tag or recent commit: the card marks every answer that changed since',
    };
    return this.since.compare(this.root, gitRef, picker);
  }

  get shown(): Battlecard | undefined {
    return this.live.shown?.card;
  }

  get active(): boolean {
    return this.panel.active;
  }

  reveal(): this {
    this.panel.reveal();
    return this;
  }

  async handle(raw: unknown): Promise<void> {
    const message = parseFromBattlecard(raw);
    if (!message) return; // not a message this page sends: ignored, never acted on
    if (message.type === 'ready') return this.live.sendWhole();
    await this.act(message);
  }

  private async act(message: Exclude<FromBattlecard, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'openAxis': {
        // The subject's note or the competitor's; the navigator resolves the ids against the scope, so unknown ones do nothing.
        const subject = subjectOf(this.root.store.current.scope)?.id;
        const productId = message.side === 'ours' ? subject : this.ref.productId;
        if (productId) {
          await this.root.navigator.openAxis(
            { root: this.ref.root, categoryId: this.ref.categoryId, productId, axisId: message.axisId },
            { beside: true, ifMissing: 'add' },
          );
        }
        return;
      }
      case 'export':
        return void (await vscode.commands.executeCommand('competitorScope.exportBattlecard', this.ref));
      case 'copy':
        return void (await vscode.commands.executeCommand('competitorScope.exportBattlecard', this.ref, 'clipboard'));
      case 'compare':
        return void (await this.compare());
      case 'stopComparing':
        return this.since.stop();
    }
  }
}
