import * as vscode from 'vscode';
import { newNonce, webviewPageHtml, type WebviewPage } from '../shared/webviewPage';

const UPDATE_DEBOUNCE_MS = 150;

/**
 * Scripts on, and nothing but media/ to load from. No retainContextWhenHidden: each page keeps its own state
 * (getState/setState) and gets its content again when it is shown.
 */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

export function createPanel(extensionUri: vscode.Uri, page: WebviewPage, title = page.title): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(page.viewType, title, vscode.ViewColumn.Active, webviewOptions(extensionUri));
}

/** Loads a page into a panel, new or restored by its serializer: the options again, the icon, and the HTML with a fresh nonce. */
export function loadPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, page: WebviewPage): void {
  const webview = panel.webview;
  webview.options = webviewOptions(extensionUri);
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'competitor-scope.svg');
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  webview.html = webviewPageHtml(page, { cspSource: webview.cspSource, media, nonce: newNonce() });
}

/** What a live page shows, and the messages that carry it. */
export interface LiveContent<T, M> {
  build(): T;
  /** The message with all of it, for a page that has just said it is ready. */
  whole(content: T): M;
  /** The message that brings the page from `shown` to `next`; undefined when nothing it shows changed. */
  update(shown: T, next: T): M | undefined;
}

/**
 * The host side of a page that follows the workspace: the page says when it is ready (on load, and when it is
 * shown again after being hidden and unloaded) and gets everything; after that, a burst of changes (typing, a
 * branch switch) becomes one update.
 */
export class LivePage<T, M> implements vscode.Disposable {
  /** What the page has; undefined until it says it is ready, and again while it is hidden (and unloaded). */
  shown: T | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly panel: vscode.WebviewPanel,
    changes: vscode.Event<unknown>,
    private readonly content: LiveContent<T, M>,
  ) {
    this.disposables = [
      changes(() => this.schedule()),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.shown = undefined;
      }),
    ];
  }

  /** The page is ready: it gets all of it. */
  sendWhole(): void {
    this.shown = this.content.build();
    void this.post(this.content.whole(this.shown));
  }

  /** Builds the content again now (the scope or a note changed), and sends what changed. */
  refresh(): void {
    clearTimeout(this.timer);
    if (!this.shown) return; // the page gets all of it when it is ready again
    const next = this.content.build();
    const message = this.content.update(this.shown, next);
    this.shown = next;
    if (message) void this.post(message);
  }

  post(message: M): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), UPDATE_DEBOUNCE_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
