import * as vscode from 'vscode';
import { diffMatrix } from '../core/matrix/matrixDiff';
import { buildMatrix, type MatrixModel } from '../core/matrix/matrixModel';
import { MATRIX_PAGE, newNonce, webviewPageHtml } from '../shared/webviewPage';
import { parseFromWebview, type FromWebview, type ToWebview } from '../shared/matrixMessages';
import type { NoteNavigator } from '../workspace/noteNavigation';
import { registerMatrixExport } from './matrixExport';
import type { MatrixSource } from './matrixSource';

export const MATRIX_VIEW_TYPE = 'competitorScope.matrix';
const UPDATE_DEBOUNCE_MS = 150;

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
export function registerMatrixPanel(extensionUri: vscode.Uri, source: MatrixSource, navigator: NoteNavigator): MatrixPanelHandle {
  const currentModel = () => buildMatrix(source.scope().scope, source.coverage());
  let current: MatrixPanel | undefined;
  const adopt = (panel: vscode.WebviewPanel) => {
    current = new MatrixPanel(panel, extensionUri, source, navigator, currentModel);
    panel.onDidDispose(() => (current = undefined));
    return current;
  };
  const show = () => {
    if (current) current.reveal();
    else adopt(vscode.window.createWebviewPanel(MATRIX_VIEW_TYPE, 'Comparison Matrix', vscode.ViewColumn.Active, panelOptions(extensionUri)));
    return current!;
  };
  return {
    disposables: [
      // With a product ({categoryId, productId}, from a note's lens), the matrix opens at its row.
      vscode.commands.registerCommand('competitorScope.showMatrix', (at?: { categoryId?: unknown; productId?: unknown }) => {
        const panel = show();
        if (typeof at?.categoryId === 'string' && typeof at.productId === 'string') panel.revealProduct(at.categoryId, at.productId);
      }),
      vscode.window.registerWebviewPanelSerializer(MATRIX_VIEW_TYPE, {
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

function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  // No retainContextWhenHidden: the webview keeps its state itself and gets the model again when shown.
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

class MatrixPanel implements vscode.Disposable {
  /** The model the webview has; undefined until it says it is ready, and again when it is hidden (and unloaded). */
  shownModel: MatrixModel | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pendingReveal: Extract<ToWebview, { type: 'reveal' }> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    source: MatrixSource,
    private readonly navigator: NoteNavigator,
    private readonly buildModel: () => MatrixModel,
  ) {
    const webview = panel.webview;
    webview.options = panelOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'competitor-scope.svg');
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
    webview.html = webviewPageHtml(MATRIX_PAGE, { cspSource: webview.cspSource, media, nonce: newNonce() });
    this.disposables.push(
      webview.onDidReceiveMessage((message) => void this.handle(message)),
      source.onDidChange(() => this.schedule()),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.shownModel = undefined;
      }),
      panel.onDidDispose(() => this.dispose()),
    );
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
    if (this.pendingReveal) void this.post(this.pendingReveal);
    this.pendingReveal = undefined;
  }

  async handle(raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    if (!message) return; // not a message this page sends: ignored, never acted on
    if (message.type === 'ready') return this.sendModel();
    await this.act(message);
  }

  private async act(message: Exclude<FromWebview, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      // Ids from the webview are resolved against the scope by the navigator: unknown ones do nothing.
      case 'openCell':
        return void (await this.navigator.openAxis(message, { beside: true, ifMissing: 'add' }));
      case 'openProduct':
        return void (await this.navigator.openProduct(message, { beside: true }));
      case 'export':
        await vscode.commands.executeCommand('competitorScope.exportMatrix');
    }
  }

  private sendModel(): void {
    this.shownModel = this.buildModel();
    void this.post({ type: 'model', model: this.shownModel });
    this.sendReveal();
  }

  /** Coalesces a burst of changes (typing, a branch switch) into one patch. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.shownModel) return; // the webview gets the whole model when it is ready again
      const next = this.buildModel();
      const patch = diffMatrix(this.shownModel, next);
      this.shownModel = next;
      if (patch) void this.post({ type: 'patch', patch });
    }, UPDATE_DEBOUNCE_MS);
  }

  private post(message: ToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
    this.disposables.length = 0;
    this.panel.dispose();
  }
}
