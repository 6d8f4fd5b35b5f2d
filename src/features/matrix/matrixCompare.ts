import * as vscode from 'vscode';
import type { GitHistory } from '../../git/gitHistory';
import type { MatrixComparison } from '../../shared/matrixMessages';
import { comparisonSince, readHistoryPoint, type ComparedPoint } from '../../workspace/historyPoint';
import { Disposable, LatestRun } from '../../workspace/lifecycle';
import type { ScopeRoots } from '../../workspace/scopeRoots';

/**
 * Compare with… and Stop Comparing: the current scope's notes at a branch, tag or commit, read from git's objects in
 * the background (a newer compare cancels an older one), against the notes as they are now, recomputed at each change.
 */
export class MatrixComparer extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<undefined>());
  /** Fires when the comparison starts or stops. */
  readonly onDidChange = this.emitter.event;
  private readonly runs = this.register(new LatestRun());
  private point: ComparedPoint | undefined;

  constructor(
    private readonly roots: ScopeRoots,
    private readonly history: GitHistory,
  ) {
    super();
    this.registerAll(
      vscode.commands.registerCommand('competitorScope.compareMatrix', (ref?: unknown) => this.compare(ref)),
      vscode.commands.registerCommand('competitorScope.stopComparing', () => this.stop()),
    );
  }

  /** What the matrix marks now: every changed cell of the current scope; null while not comparing it. */
  comparison(): MatrixComparison | null {
    const root = this.roots.current;
    const point = this.point;
    if (!root || !point || point.rootKey !== root.key) return null;
    return comparisonSince(point, root.notes.index);
  }

  /** Compares with `ref` (a branch, tag or commit), or with the one the user picks. True once the matrix compares. */
  async compare(ref?: unknown): Promise<boolean> {
    const picker = {
      title: 'Compare the Matrix with…',
      placeHolder: 'A branch, tag or recent commit: the matrix marks every cell that changed since',
    };
    const point = await readHistoryPoint(this.history, this.roots.current, ref, picker, this.runs.start());
    if (!point) return false;
    this.point = point;
    this.changed();
    return true;
  }

  stop(): void {
    this.runs.cancel();
    this.point = undefined;
    this.changed();
  }

  private changed(): void {
    void vscode.commands.executeCommand('setContext', 'competitorScope.comparing', this.point !== undefined);
    this.emitter.fire(undefined);
  }
}
