import type * as vscode from 'vscode';
import type { ScopeRoots } from '../workspace/scopeRoots';

export interface ActivationTiming {
  /** From `activate` being called to the tree's first items (the categories, which need no note). */
  readonly treeMs: number;
  /** From `activate` being called to every note read and analyzed (the tree's statuses and the diagnostics). */
  readonly notesMs: number;
  /** Whether the scope files' checked models came from the cache of an earlier activation (see ScopeCache). */
  readonly scopeFromCache: boolean;
}

/** What the user waits for after activation, in milliseconds from `started` (a performance.now() reading). Logged, and kept for the tests. */
export async function timeActivation(
  started: number,
  roots: ScopeRoots,
  firstItems: () => readonly unknown[],
  log: vscode.LogOutputChannel,
): Promise<ActivationTiming> {
  const items = firstItems();
  const treeMs = performance.now() - started;
  const scopeFromCache = roots.all.some((root) => root.store.current.fromCache);
  await roots.ready;
  const notesMs = performance.now() - started;
  log.info(
    `Activation: the tree's first ${items.length} items after ${treeMs.toFixed(1)} ms (the scope ${scopeFromCache ? 'from the cache' : 'parsed'}); ${roots.all.reduce((sum, root) => sum + root.notes.index.paths().length, 0)} notes analyzed after ${notesMs.toFixed(1)} ms.`,
  );
  return { treeMs, notesMs, scopeFromCache };
}
