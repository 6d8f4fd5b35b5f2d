import * as vscode from 'vscode';
import { webUrl } from '../../core/notes/inlineLinks';
import { applyPatch } from '../../core/matrix/matrixDiff';
import { buildMatrix, buildMatrixWithoutTexts, type MatrixModel, type MatrixWithoutTexts } from '../../core/matrix/matrixModel';
import { syncMatrix } from '../../core/matrix/matrixStaging';
import { MATRIX_PAGE } from '../../shared/webviewPage';
import { parseFromWebview, type FromWebview, type ToWebview } from '../../shared/matrixMessages';
import { ANSWER_HISTORY_COMMAND, type AnswerHistoryTarget } from '../../workspace/commandIds';
import { Disposable } from '../../workspace/lifecycle';
import { createPanel, LivePage, loadPage, type LiveStep } from '../../workspace/webviewHost';
import type { MatrixComparer } from './matrixCompare';
import { registerMatrixExport } from './matrixExport';
import type { MatrixSource } from '../../workspace/matrixSource';

/** What activate can hand to integration tests: the panel's message handler, as if the webview had posted. */
export interface MatrixPanelHandle {
  readonly disposables: vscode.Disposable[];
  /** Handles a message as from the webview (validated like one); opens the panel first when it is closed. */
  postFromWebview(message: unknown): Promise<void>;
  /** The model the open panel shows; undefined while it is closed. */
  model(): MatrixModel | undefined;
}

/**
 * The comparison matrix: one webview panel, restored after a reload, kept up to date with small
 * patches, and acting on the cells the user clicks.
 */
export function registerMatrixPanel(extensionUri: vscode.Uri, source: MatrixSource, comparer: MatrixComparer): MatrixPanelHandle {
  // The exports write every cell: the whole model. The panel sends its texts a slice at a time (see syncMatrix).
  const currentModel = () => buildMatrix(source.scope().scope, source.coverage());
  const stagedModel = () => buildMatrixWithoutTexts(source.scope().scope, source.coverage());
  let current: MatrixPanel | undefined;
  const adopt = (panel: vscode.WebviewPanel) => {
    current = new MatrixPanel(panel, extensionUri, source, comparer, stagedModel);
    panel.onDidDispose(() => (current = undefined));
    return current;
  };
  const show = () => {
    if (current) current.reveal();
    else adopt(createPanel(extensionUri, MATRIX_PAGE));
    return current!;
  };
  return {
    disposables: [
      // With a product ({categoryId, productId}, from a note's lens), the matrix opens at its row.
      vscode.commands.registerCommand('competitorScope.showMatrix', (at?: { categoryId?: unknown; productId?: unknown }) => {
        const panel = show();
        if (typeof at?.categoryId === 'string' && typeof at.productId === 'string') panel.revealProduct(at.categoryId, at.productId);
      }),
      vscode.window.registerWebviewPanelSerializer(MATRIX_PAGE.viewType, {
        // The webview's own state (view options, scroll, focus) comes back through its getState().
        deserializeWebviewPanel: async (panel) => void adopt(panel),
      }),
      ...registerMatrixExport(currentModel, () => source.scope().folderUri),
      { dispose: () => current?.dispose() },
    ],
    postFromWebview: (message) => show().handle(message),
    model: () => current?.shownModel,
  };
}

class MatrixPanel extends Disposable {
  /** The first rows when the page is ready and the others in slices, then small patches after each burst of changes. */
  private readonly live: LivePage<MatrixModel, ToWebview>;
  private pendingReveal: Extract<ToWebview, { type: 'reveal' }> | undefined;
  /** The comparison the page has, as sent: only a different one is sent again. */
  private sentComparison = 'null';

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly source: MatrixSource,
    private readonly comparer: MatrixComparer,
    buildModel: () => MatrixWithoutTexts,
  ) {
    super();
    loadPage(panel, extensionUri, MATRIX_PAGE);
    const changes = this.register(new vscode.EventEmitter<{ readonly more?: boolean } | undefined>());
    this.live = new LivePage<MatrixModel, ToWebview>(panel, changes.event, {
      sync: (shown, sliceDone) => {
        // With several scopes in the window, the title says whose matrix this is.
        panel.title = source.label === undefined ? MATRIX_PAGE.title : `${MATRIX_PAGE.title}: ${source.label}`;
        return this.sync(shown, buildModel(), sliceDone);
      },
    });
    this.registerAll(
      source.onDidChange((change) => changes.fire(change)),
      comparer.onDidChange(() => this.postComparison(changes)),
      this.live,
      panel.webview.onDidReceiveMessage((message) => void this.handle(message)),
      panel.onDidDispose(() => this.dispose()),
      panel,
    );
  }

  /** The messages of syncMatrix's steps, each with the model the webview has once it has it. */
  private *sync(
    shown: MatrixModel | undefined,
    target: MatrixWithoutTexts,
    sliceDone: () => boolean,
  ): Generator<LiveStep<MatrixModel, ToWebview> | undefined, void, void> {
    let model = shown;
    if (shown === undefined) this.sentComparison = 'null';
    for (const step of syncMatrix(shown, target, sliceDone)) {
      if (!step) yield undefined;
      else if (step.kind === 'model') {
        yield { message: { type: 'model', model: step.model, loading: step.loading }, shown: (model = step.model) };
      } else if (step.kind === 'rows') yield { message: { type: 'patch', patch: step }, shown: (model = applyPatch(model!, step)) };
      else yield { message: { type: 'loaded' }, shown: model! };
    }
    // A product to show waits for every row: its own may come last.
    const reveal = this.takeReveal();
    if (reveal && model) yield { message: reveal, shown: model };
    const comparison = this.comparer.comparison();
    const sent = JSON.stringify(comparison);
    if (model && sent !== this.sentComparison) {
      this.sentComparison = sent;
      yield { message: { type: 'comparison', comparison }, shown: model };
    }
  }

  /**
   * A new comparison (or none) goes to the page on its own when the page has the model: the rows did not change, and
   * building them again for 2,000 products would only delay the marks. Otherwise the next sync sends it.
   */
  private postComparison(changes: vscode.EventEmitter<{ readonly more?: boolean } | undefined>): void {
    const comparison = this.comparer.comparison();
    const sent = JSON.stringify(comparison);
    if (!this.shownModel || this.live.syncing) return changes.fire(undefined);
    if (sent === this.sentComparison) return;
    this.sentComparison = sent;
    void this.live.post({ type: 'comparison', comparison });
  }

  /** The model the webview has; undefined until it says it is ready, and again when it is hidden (and unloaded). */
  get shownModel(): MatrixModel | undefined {
    return this.live.shown;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Scrolls the webview to a product's row, once it has every row. */
  revealProduct(categoryId: string, productId: string): void {
    this.pendingReveal = { type: 'reveal', categoryId, productId };
    const reveal = this.shownModel && !this.live.syncing && this.takeReveal();
    if (reveal) void this.live.post(reveal);
  }

  private takeReveal(): Extract<ToWebview, { type: 'reveal' }> | undefined {
    const reveal = this.pendingReveal;
    this.pendingReveal = undefined;
    return reveal;
  }

  async handle(raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    if (!message) return; // not a message this page sends: ignored, never acted on
    if (message.type === 'ready') return this.live.sendWhole();
    await this.act(message);
  }

  private async act(message: Exclude<FromWebview, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      // Ids from the webview are resolved against the scope by the navigator: unknown ones do nothing.
      case 'openCell':
        return void (await this.source.navigator?.openAxis(message, { beside: true, ifMissing: 'add' }));
      case 'answerHistory': {
        const target: AnswerHistoryTarget = { categoryId: message.categoryId, productId: message.productId, axisId: message.axisId };
        return void (await vscode.commands.executeCommand(ANSWER_HISTORY_COMMAND, target));
      }
      case 'openProduct':
        return void (await this.source.navigator?.openProduct(message, { beside: true }));
      case 'openSource':
        return this.openSource(message);
      case 'export':
        return void (await vscode.commands.executeCommand('competitorScope.exportMatrix'));
      case 'stopComparing':
        return this.comparer.stop();
    }
  }

  /** Opens a cell's source in the browser: only a URL the cell cites, and only http or https. */
  private async openSource(message: Extract<FromWebview, { type: 'openSource' }>): Promise<void> {
    const table = this.shownModel?.tables.find((t) => t.categoryId === message.categoryId);
    const index = table?.axes.findIndex((a) => a.id === message.axisId) ?? -1;
    const cell = table?.rows.find((r) => r.key === message.productId)?.cells[index];
    const url = webUrl(message.url);
    if (!cell || !url || !cell.sources.includes(url)) return;
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
  }
}
