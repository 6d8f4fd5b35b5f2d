import { escapeHtml } from '../core/html';

/** One of the extension's webview pages: what it is called and which files of media/ it loads. */
export interface WebviewPage {
  /** The panel's view type, which its serializer is registered under. */
  readonly viewType: string;
  /** The page's title, and the panel's until it names its content. */
  readonly title: string;
  /** What the page says until the extension has sent what it shows. */
  readonly loading: string;
  /** The bundled script, in media/. */
  readonly script: string;
  /** The stylesheets, in media/, in order. */
  readonly styles: readonly string[];
}

export const MATRIX_PAGE: WebviewPage = {
  viewType: 'competitorScope.matrix',
  title: 'Comparison Matrix',
  loading: 'Loading the comparison matrix…',
  script: 'matrix.js',
  styles: ['webview.css', 'matrix.css', 'charts.css'],
};

export const BATTLECARD_PAGE: WebviewPage = {
  viewType: 'competitorScope.battlecard',
  title: 'Battlecard',
  loading: 'Loading the battlecard…',
  script: 'battlecard.js',
  styles: ['webview.css', 'battlecard.css', 'charts.css'],
};

/** Where the page's files are served from in the webview: a media/ file's URI, and the origin they come from. */
export interface PageResources {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** The webview URI of a file of media/ (`webview.asWebviewUri`). */
  readonly media: (file: string) => string;
  /** A fresh random value per render: only the script that carries it runs. */
  readonly nonce: string;
}

/** A fresh nonce for one render: 16 random bytes from Web Crypto (the same API in Node and in a web worker), as base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * A webview page's HTML: an empty shell that its bundled script fills once the extension posts what it
 * shows. It allows nothing by default and runs only the script with this render's nonce. Pure, so that
 * the browser tests load exactly the page that the panel shows.
 */
export function webviewPageHtml(page: WebviewPage, resources: PageResources): string {
  const csp = [
    "default-src 'none'",
    `style-src ${resources.cspSource}`,
    `font-src ${resources.cspSource}`,
    `img-src ${resources.cspSource}`,
    `script-src 'nonce-${resources.nonce}'`,
  ].join('; ');
  const styles = page.styles.map((file) => `<link rel="stylesheet" href="${escapeHtml(resources.media(file))}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${styles}
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<div id="app"><p class="loading">${escapeHtml(page.loading)}</p></div>
<script nonce="${resources.nonce}" src="${escapeHtml(resources.media(page.script))}"></script>
</body>
</html>
`;
}
