import * as vscode from 'vscode';
import type { GitHistory } from '../../git/gitHistory';
import type { MatrixComparison } from '../../shared/matrixMessages';
import { Disposable } from '../../workspace/lifecycle';
import { LiveComparison } from '../../workspace/liveComparison';
import type { ScopeRoots } from '../../workspace/scopeRoots';

/**
 * Compare with… and Stop Comparing: the current scope's notes at a branch, tag or commit against the notes as they
 * are now (see LiveComparison: read in the background, computed again after each change, in slices).
 */
export class MatrixComparer extends Disposable {
  private readonly live: LiveComparison;
  /** Fires when the comparison starts, stops, or is recomputed. */
  readonly onDidChange: vscode.Event<undefined>;

  constructor(
    private readonly roots: ScopeRoots,
    history: GitHistory,
  ) {
    super();
    // The title bar offers Stop Comparing from when the point is read.
    const comparing = (on: boolean) => void vscode.commands.executeCommand('setContext', 'competitorScope.comparing', on);
    this.live = this.register(new LiveComparison(history, (key) => roots.all.find((root) => root.key === key), comparing));
    this.onDidChange = this.live.onDidChange;
    this.registerAll(
      vscode.commands.registerCommand('competitorScope.compareMatrix', (ref?: unknown) => this.compare(ref)),
      vscode.commands.registerCommand('competitorScope.stopComparing', () => this.stop()),
      roots.onDidChangeNotes(({ root }) => this.live.notesChanged(root)),
    );
  }

  /** What the matrix marks now: every changed cell of the current scope; null while not comparing it. */
  comparison(): MatrixComparison | null {
    const root = this.roots.current;
    return root && this.live.rootKey === root.key ? this.live.changes : null;
  }

  /** Compares with `ref` (a branch, tag or commit), or with the one the user picks. True once the matrix compares. */
  compare(ref?: unknown): Promise<boolean> {
    const picker = {
      title: 'Compare the Matrix with…',
      placeHolder: 'A branch, tag or recent commit: the matrix marks every cell that changed since',
    };
    return this.live.compare(this.roots.current, ref, picker);
  }

  stop(): void {
    this.live.stop();
  }
}
