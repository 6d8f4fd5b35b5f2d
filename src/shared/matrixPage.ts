import { escapeHtml } from '../core/matrix/exportHtml';

/** What the matrix page needs from the webview: the URIs of its two files and the origin they are served from. */
export interface MatrixPageResources {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** A fresh random value per render: only the script that carries it runs. */
  readonly nonce: string;
}

/** A fresh nonce for one render: 16 random bytes from Web Crypto (the same API in Node and in a web worker), as base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The matrix webview's HTML: an empty shell that the bundled script fills once the extension
 * posts the model. Pure, so that the browser tests load exactly the page that the panel shows.
 */
export function matrixPageHtml(resources: MatrixPageResources): string {
  const csp = [
    "default-src 'none'",
    `style-src ${resources.cspSource}`,
    `font-src ${resources.cspSource}`,
    `img-src ${resources.cspSource}`,
    `script-src 'nonce-${resources.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(resources.styleUri)}">
<title>Comparison Matrix</title>
</head>
<body>
<div id="app"><p class="loading">Loading the comparison matrix…</p></div>
<script nonce="${resources.nonce}" src="${escapeHtml(resources.scriptUri)}"></script>
</body>
</html>
`;
}
