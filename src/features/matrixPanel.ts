import * as vscode from 'vscode';
import { webUrl } from '../core/evidence/inlineLinks';
import { diffMatrix } from '../core/matrix/matrixDiff';
import { buildMatrix, type MatrixModel } from '../core/matrix/matrixModel';
import { MATRIX_PAGE } from '../shared/webviewPage';
import { parseFromWebview, type FromWebview, type ToWebview } from '../shared/matrixMessages';
import { createPanel, LivePage, loadPage } from '../workspace/webviewHost';
import { registerMatrixExport } from './matrixExport';
import type { MatrixSource } from './matrixSource';

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
export function registerMatrixPanel(extensionUri: vscode.Uri, source: MatrixSource): MatrixPanelHandle {
  const currentModel = () => buildMatrix(source.scope().scope, source.coverage());
  let current: MatrixPanel | undefined;
  const adopt = (panel: vscode.WebviewPanel) => {
    current = new MatrixPanel(panel, extensionUri, source, currentModel);
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

class MatrixPanel implements vscode.Disposable {
  /** The whole model when the page is ready, then small patches after each burst of changes. */
  private readonly live: LivePage<MatrixModel, ToWebview>;
  private pendingReveal: Extract<ToWebview, { type: 'reveal' }> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly source: MatrixSource,
    buildModel: () => MatrixModel,
  ) {
    loadPage(panel, extensionUri, MATRIX_PAGE);
    this.live = new LivePage<MatrixModel, ToWebview>(panel, source.onDidChange, {
      build: () => {
        // With several scopes in the window, the title says whose matrix this is.
        panel.title = source.label === undefined ? MATRIX_PAGE.title : `${MATRIX_PAGE.title}: ${source.label}`;
        return buildModel();
      },
      whole: (model) => ({ type: 'model', model }),
      update: (shown, next) => {
        const patch = diffMatrix(shown, next);
        return patch ? { type: 'patch', patch } : undefined;
      },
    });
    this.disposables.push(
      this.live,
      panel.webview.onDidReceiveMessage((message) => void this.handle(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The model the webview has; undefined until it says it is ready, and again when it is hidden (and unloaded). */
  get shownModel(): MatrixModel | undefined {
    return this.live.shown;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Scrolls the webview to a product's row, once it has the model. */
  revealProduct(categoryId: string, productId: string): void {
    this.pendingReveal = { type: 'reveal', categoryId, productId };
    if (this.shownModel) this.sendReveal();
  }

  private sendReveal(): void {
    if (this.pendingReveal) void this.live.post(this.pendingReveal);
    this.pendingReveal = undefined;
  }

  async handle(raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    if (!message) return; // not a message this page sends: ignored, never acted on
    if (message.type === 'ready') {
      this.live.sendWhole();
      return this.sendReveal();
    }
    await this.act(message);
  }

  private async act(message: Exclude<FromWebview, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      // Ids from the webview are resolved against the scope by the navigator: unknown ones do nothing.
      case 'openCell':
        return void (await this.source.navigator?.openAxis(message, { beside: true, ifMissing: 'add' }));
      case 'openProduct':
        return void (await this.source.navigator?.openProduct(message, { beside: true }));
      case 'openSource':
        return this.openSource(message);
      case 'export':
        await vscode.commands.executeCommand('competitorScope.exportMatrix');
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

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
    this.disposables.length = 0;
    this.panel.dispose();
  }
}
