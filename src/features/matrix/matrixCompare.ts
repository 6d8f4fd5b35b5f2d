import * as vscode from 'vscode';
import { kindsWords, stateWords } from '../../core/history/changeWords';
import { comparePictures } from '../../core/history/pictureChange';
import type { NoteIndex } from '../../core/index/noteIndex';
import { commitFileWanted } from '../../git/commitIndex';
import type { GitHistory, HistoryPoint } from '../../git/gitHistory';
import type { MatrixComparison } from '../../shared/matrixMessages';
import { readCommitIndex, scopeName } from '../../workspace/commitReading';
import { Disposable, LatestRun } from '../../workspace/lifecycle';
import type { ScopeRoots } from '../../workspace/scopeRoots';

/** The point the matrix is compared with: its name, the scope it was read for, and that scope's analysis at it. */
interface ComparedPoint {
  readonly label: string;
  readonly rootKey: string;
  readonly index: NoteIndex;
}

const NEEDS_GIT =
  'Comparing the matrix with a branch, tag or commit needs git: open the folder in a trusted workspace on the desktop or a server.';

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
    const changes = comparePictures(point.index, root.notes.index).changes.map((change) => ({
      categoryId: change.category.id,
      productId: change.product.id,
      axisId: change.axis.id,
      kinds: change.kinds,
      what: kindsWords(change),
      before: stateWords(change.before, true),
      after: stateWords(change.after, true),
    }));
    return { label: point.label, changes };
  }

  /** Compares with `ref` (a branch, tag or commit), or with the one the user picks. True once the matrix compares. */
  async compare(ref?: unknown): Promise<boolean> {
    const root = this.roots.current;
    const scopeFile = root?.store.current.fileUri;
    if (!this.history.available || !vscode.workspace.isTrusted || !root || scopeFile?.scheme !== 'file') {
      void vscode.window.showInformationMessage(root && !scopeFile ? 'Comparing needs a scope file, committed to git.' : NEEDS_GIT);
      return false;
    }
    const folder = vscode.Uri.joinPath(scopeFile, '..').fsPath;
    const run = this.runs.start();
    const picked = typeof ref === 'string' && ref !== '' ? { ref, label: ref } : await this.pick(folder, run.signal);
    if (!picked || !run.current()) return false;
    const read = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Reading ${picked.label} from git` },
      () => readCommitIndex(this.history, folder, scopeName(scopeFile), picked.ref, commitFileWanted, run.signal),
    );
    if (!run.current()) return false;
    if (!read.ok) {
      void vscode.window.showWarningMessage(`Cannot compare with ${picked.label}: ${read.reason}.`);
      return false;
    }
    const short = read.commit.slice(0, 7);
    // A commit picked from the list is named by its short id and subject already.
    const label = picked.label.startsWith(short) ? picked.label : read.commit.startsWith(picked.ref) ? short : `${picked.label} (${short})`;
    this.point = { label, rootKey: root.key, index: read.index };
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

  private async pick(folder: string, signal: AbortSignal): Promise<{ ref: string; label: string } | undefined> {
    const items = this.history.points(folder, signal).then((points) => {
      const kinds: ReadonlyArray<[HistoryPoint['kind'], string]> = [
        ['branch', 'Branches'],
        ['tag', 'Tags'],
        ['commit', 'Recent commits'],
      ];
      return kinds.flatMap(([kind, title]) => {
        const of = points.filter((p) => p.kind === kind);
        const separator = { label: title, kind: vscode.QuickPickItemKind.Separator };
        return of.length === 0 ? [] : [separator, ...of.map((p) => ({ label: p.label, detail: p.detail, point: p }))];
      });
    });
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Compare the Matrix with…',
      placeHolder: 'A branch, tag or recent commit: the matrix marks every cell that changed since',
      matchOnDetail: true,
    });
    return picked && 'point' in picked ? { ref: picked.point.ref, label: picked.point.label } : undefined;
  }
}
