import * as vscode from 'vscode';
import type { GitHistory } from '../../git/gitHistory';
import type { MatrixComparison } from '../../shared/matrixMessages';
import { comparisonInSlices, readHistoryPoint, type ComparedPoint } from '../../workspace/historyPoint';
import { Disposable, LatestRun } from '../../workspace/lifecycle';
import type { ScopeRoots } from '../../workspace/scopeRoots';
import { coalesced } from '../../workspace/timeSlices';

/**
 * Compare with… and Stop Comparing: the current scope's notes at a branch, tag or commit, read from git's objects in
 * the background (a newer compare cancels an older one), against the notes as they are now, recomputed after each
 * change, in slices of the extension host's time: 2,000 products never hold it.
 */
export class MatrixComparer extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<undefined>());
  /** Fires when the comparison starts, stops, or is recomputed. */
  readonly onDidChange = this.emitter.event;
  private readonly runs = this.register(new LatestRun());
  private readonly computing = this.register(new LatestRun());
  private point: ComparedPoint | undefined;
  /** The changed cells of `point`'s scope, as last computed. */
  private computed: MatrixComparison | null = null;
  private readonly recompute = this.register(coalesced(() => void this.compute()));

  constructor(
    private readonly roots: ScopeRoots,
    private readonly history: GitHistory,
  ) {
    super();
    this.registerAll(
      vscode.commands.registerCommand('competitorScope.compareMatrix', (ref?: unknown) => this.compare(ref)),
      vscode.commands.registerCommand('competitorScope.stopComparing', () => this.stop()),
      roots.onDidChangeNotes(({ root }) => root.key === this.point?.rootKey && this.recompute.schedule()),
    );
  }

  /** What the matrix marks now: every changed cell of the current scope; null while not comparing it. */
  comparison(): MatrixComparison | null {
    const root = this.roots.current;
    return root && this.point?.rootKey === root.key ? this.computed : null;
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
    this.computed = null;
    void vscode.commands.executeCommand('setContext', 'competitorScope.comparing', true);
    // An edit meanwhile computes it again: the matrix compares all the same.
    await this.compute();
    return this.point === point;
  }

  stop(): void {
    this.runs.cancel();
    this.computing.cancel();
    this.recompute.cancel();
    this.point = undefined;
    this.computed = null;
    void vscode.commands.executeCommand('setContext', 'competitorScope.comparing', false);
    this.emitter.fire(undefined);
  }

  /** The comparison with the notes as they are now; false when a newer one overtook it. */
  private async compute(): Promise<boolean> {
    const run = this.computing.start();
    const point = this.point;
    const root = point && this.roots.all.find((r) => r.key === point.rootKey);
    if (!point || !root) return false;
    const comparison = await comparisonInSlices(point, root.notes.index, run);
    if (!comparison || !run.current()) return false;
    this.computed = comparison;
    this.emitter.fire(undefined);
    return true;
  }
}
