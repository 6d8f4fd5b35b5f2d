// The desktop entry (package.json `main`), bundled for Node: VS Code desktop and the VS Code server's Node
// extension host. Everything it starts is disposed through context.subscriptions, so there is no deactivate.
export { activateCompetitorScope as activate, type CompetitorScopeApi } from './activate';
