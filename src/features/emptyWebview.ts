import * as vscode from 'vscode';

/** Not contributed (so never in the command palette), and registered only when the extension runs under tests or in development. */
export const EMPTY_WEBVIEW_COMMAND = 'competitorScope.test.openEmptyWebview';

/**
 * The floor that the matrix's first paint is measured against: a webview panel opened the way the matrix is,
 * with a page of one element and no script, so that what it costs is VS Code's own webview start.
 */
export function registerEmptyWebview(extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(EMPTY_WEBVIEW_COMMAND, () => {
      const panel = vscode.window.createWebviewPanel('competitorScope.emptyWebview', 'Empty Webview', vscode.ViewColumn.Active, {
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
      });
      panel.webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p class="empty-webview">Empty</p></body></html>`;
    }),
  ];
}
