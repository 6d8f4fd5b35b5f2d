// The browser entry (package.json `browser`), bundled for a web worker: vscode.dev, github.dev and the VS Code
// server's web extension host. The same features as the desktop entry; no Node module is reachable from here.
export { activateCompetitorScope as activate } from './activate';
