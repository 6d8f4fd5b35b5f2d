import * as vscode from 'vscode';
import { kindsWords, stateWords } from '../core/history/changeWords';
import { comparisonSteps, type PictureChange } from '../core/history/pictureChange';
import type { GitHistory } from '../git/gitHistory';
import type { MatrixComparison } from '../shared/matrixMessages';
import { readHistoryPoint, type ComparedPoint, type PointPicker } from './historyPoint';
import { Disposable, LatestRun } from './lifecycle';
import type { ScopeRoot } from './scopeRoots';
import { coalesced, stepsInSlices } from './timeSlices';

/**
 * A scope's notes compared with a point of history (a branch, tag or commit read from git's objects in the background;
 * a newer compare cancels an older one), computed again after each change of its notes, always in slices of the
 * extension host's time: 2,000 products never hold it. What the matrix's Compare with… and the battlecard's Changed
 * since… show.
 */
export class LiveComparison extends Disposable {
  private readonly emitter = this.register(new vscode.EventEmitter<undefined>());
  /** Fires when the comparison starts, stops, or is computed again. */
  readonly onDidChange = this.emitter.event;
  private readonly runs = this.register(new LatestRun());
  private readonly computing = this.register(new LatestRun());
  private point: ComparedPoint | undefined;
  /** The changed cells of `point`'s scope, as last computed. */
  private computed: MatrixComparison | null = null;
  private readonly recompute = this.register(coalesced(() => void this.compute()));

  /**
   * `rootOf`: the scope of a key, as it is now (a scope found again is a new ScopeRoot of the same key); `comparing`
   * is told when a point is read (before its changes are computed) and when the comparison stops.
   */
  constructor(
    private readonly history: GitHistory,
    private readonly rootOf: (key: string) => ScopeRoot | undefined,
    private readonly comparing: (on: boolean) => void = () => {},
  ) {
    super();
  }

  /** The key of the scope compared, while comparing. */
  get rootKey(): string | undefined {
    return this.point?.rootKey;
  }

  /** Every changed cell of the compared scope; null while not comparing, and until the first comparison is computed. */
  get changes(): MatrixComparison | null {
    return this.computed;
  }

  /** The notes of `root` changed: computed again, after a burst of changes, when it is the scope compared. */
  notesChanged(root: ScopeRoot): void {
    if (root.key === this.point?.rootKey) this.recompute.schedule();
  }

  /** Compares `root` with `ref` (a branch, tag or commit), or with the one the user picks. True once its changes are computed. */
  async compare(root: ScopeRoot | undefined, ref: unknown, picker: PointPicker): Promise<boolean> {
    const point = await readHistoryPoint(this.history, root, ref, picker, this.runs.start());
    if (!point) return false;
    this.point = point;
    this.computed = null;
    this.comparing(true);
    // An edit meanwhile computes it again: it compares all the same.
    await this.compute();
    return this.point === point;
  }

  stop(): void {
    this.runs.cancel();
    this.computing.cancel();
    this.recompute.cancel();
    this.point = undefined;
    this.computed = null;
    this.comparing(false);
    this.emitter.fire(undefined);
  }

  /** The comparison with the notes as they are now; false when a newer one overtook it. */
  private async compute(): Promise<boolean> {
    const run = this.computing.start();
    const point = this.point;
    const root = point && this.rootOf(point.rootKey);
    if (!point || !root) return false;
    const picture = await stepsInSlices(comparisonSteps(point.index, root.notes.index), () => !run.current());
    if (!picture || !run.current()) return false;
    this.computed = marked(point.label, picture);
    this.emitter.fire(undefined);
    return true;
  }
}

/** The changed cells as the matrix and the battlecard mark them: ids, kinds, and before → after in words. */
function marked(label: string, picture: PictureChange): MatrixComparison {
  const changes = picture.changes.map((change) => ({
    categoryId: change.category.id,
    productId: change.product.id,
    axisId: change.axis.id,
    kinds: change.kinds,
    what: kindsWords(change),
    before: stateWords(change.before, true),
    after: stateWords(change.after, true),
  }));
  return { label, changes };
}
