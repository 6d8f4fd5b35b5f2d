import * as vscode from 'vscode';
import { newNonce, webviewPageHtml, type WebviewPage } from '../shared/webviewPage';
import { Disposable, LatestRun, type Run } from './lifecycle';
import { coalesced, SLICE_MS, yieldToEventLoop } from './timeSlices';

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

/** A message to post and what the page has once it has it (no message: it has that already). */
export interface LiveStep<T, M> {
  readonly message?: M;
  readonly shown: T;
}

/**
 * Content too large to send at once (the matrix at thousands of products): the steps that bring the page from
 * `shown` (undefined: it has nothing yet) up to date, each one posted as soon as it is produced. The steps are
 * produced in slices: the producer checks `sliceDone()` and yields (undefined when it has nothing to post) so
 * that the host's event loop runs before the next slice.
 */
export interface StagedContent<T, M> {
  sync(shown: T | undefined, sliceDone: () => boolean): Iterator<LiveStep<T, M> | undefined, void, void>;
}

/**
 * The host side of a page that follows the workspace: the page says when it is ready (on load, and when it is
 * shown again after being hidden and unloaded) and gets everything; after that, a burst of changes (typing, a
 * branch switch) becomes one update. A newer change or the page being hidden stops the update under way.
 */
export class LivePage<T, M> extends Disposable {
  /** What the page has; undefined until it says it is ready, and again while it is hidden (and unloaded). */
  shown: T | undefined;
  private readonly later = this.register(coalesced(() => this.refresh(), UPDATE_DEBOUNCE_MS));
  /** A run that sees a newer one (or the page hidden) stops. */
  private readonly runs = this.register(new LatestRun());
  /** The run under way, if any. */
  private running: Run | undefined;
  private readonly content: StagedContent<T, M>;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    changes: vscode.Event<{ readonly more?: boolean } | undefined>,
    content: LiveContent<T, M> | StagedContent<T, M>,
  ) {
    super();
    this.content = 'sync' in content ? content : inOneStep(content);
    this.registerAll(
      // A batch of changes (a scan, a branch switch) comes in slices; only its last one asks for an update.
      changes((change) => {
        if (!change?.more) this.later.schedule();
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible) return;
        this.shown = undefined;
        this.runs.cancel();
      }),
    );
  }

  /** True while an update is being sent in steps. */
  get syncing(): boolean {
    return this.running !== undefined;
  }

  /** The page is ready: it gets all of it. */
  sendWhole(): void {
    this.shown = undefined;
    void this.run();
  }

  /** Builds the content again now (the scope or a note changed), and sends what changed. */
  refresh(): void {
    this.later.cancel();
    if (this.shown === undefined) return; // the page gets all of it when it is ready again
    void this.run();
  }

  post(message: M): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private async run(): Promise<void> {
    const run = this.runs.start();
    this.running = run;
    let started = performance.now();
    const steps = this.content.sync(this.shown, () => performance.now() - started >= SLICE_MS);
    try {
      for (let next = steps.next(); !next.done; next = steps.next()) {
        if (next.value) {
          this.shown = next.value.shown;
          if (next.value.message !== undefined) void this.post(next.value.message);
        }
        if (performance.now() - started < SLICE_MS) continue;
        await yieldToEventLoop();
        if (!run.current()) return;
        started = performance.now();
      }
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }
}

/** Small content goes in one message: all of it to a page that has nothing, else the update, if anything changed. */
function inOneStep<T, M>(content: LiveContent<T, M>): StagedContent<T, M> {
  return {
    *sync(shown) {
      const next = content.build();
      yield { message: shown === undefined ? content.whole(next) : content.update(shown, next), shown: next };
    },
  };
}
