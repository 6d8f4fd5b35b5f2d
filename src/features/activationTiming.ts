import type * as vscode from 'vscode';
import type { NoteWorkspace } from '../noteWorkspace';
import type { ScopeTreeProvider } from './scopeTree';

/**
 * Milliseconds from `activate` being called (`started`, a performance.now() reading) to the tree's first
 * items with every note analyzed: what the user waits for. Logged, and kept for the integration tests.
 */
export async function timeTreeReady(started: number, notes: NoteWorkspace, tree: ScopeTreeProvider, log: vscode.LogOutputChannel): Promise<number> {
  await notes.ready;
  const items = tree.getChildren().map((node) => tree.getTreeItem(node));
  const ms = performance.now() - started;
  log.info(`The tree's first ${items.length} items were ready ${ms.toFixed(1)} ms after activation started.`);
  return ms;
}
