import * as vscode from 'vscode';
import type { NoteIndex } from '../core/index/noteIndex';
import { commitFileWanted } from '../git/commitIndex';
import type { GitHistory, HistoryPoint } from '../git/gitHistory';
import { readCommitIndex, scopeName } from './commitReading';
import { historyAllowed } from './historyAccess';
import type { Run } from './lifecycle';
import type { ScopeRoot } from './scopeRoots';

/** A point of history something is compared with: its name, the scope it was read for, and that scope's analysis at it. */
export interface ComparedPoint {
  readonly label: string;
  readonly rootKey: string;
  readonly index: NoteIndex;
}

/** What the picker says: its title and the line under it. */
export interface PointPicker {
  readonly title: string;
  readonly placeHolder: string;
}

/**
 * The scope's notes at `ref` (a branch, tag or commit), or at the one the user picks, read from git's objects in the
 * background; undefined when it cannot be read (the user is told why), was not picked, or `run` was overtaken.
 */
export async function readHistoryPoint(
  history: GitHistory,
  root: ScopeRoot | undefined,
  ref: unknown,
  picker: PointPicker,
  run: Run,
): Promise<ComparedPoint | undefined> {
  if (!historyAllowed(history)) return undefined;
  const scopeFile = root?.store.current.fileUri;
  if (!root || scopeFile?.scheme !== 'file') {
    void vscode.window.showInformationMessage(
      root && !scopeFile ? 'Comparing needs a scope file, committed to git.' : 'Comparing needs a folder on disk, in a git repository.',
    );
    return undefined;
  }
  const folder = vscode.Uri.joinPath(scopeFile, '..').fsPath;
  const picked = typeof ref === 'string' && ref !== '' ? { ref, label: ref } : await pick(history, folder, picker, run.signal);
  if (!picked || !run.current()) return undefined;
  const read = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Reading ${picked.label} from git` },
    () =>
      readCommitIndex(history, folder, scopeName(scopeFile), picked.ref, commitFileWanted, run.signal, (text) =>
        root.store.scopeParsedFrom(text),
      ),
  );
  if (!run.current()) return undefined;
  if (!read.ok) {
    void vscode.window.showWarningMessage(`Cannot compare with ${picked.label}: ${read.reason}.`);
    return undefined;
  }
  const short = read.commit.slice(0, 7);
  // A commit picked from the list is named by its short id and subject already.
  const label = picked.label.startsWith(short) ? picked.label : read.commit.startsWith(picked.ref) ? short : `${picked.label} (${short})`;
  return { label, rootKey: root.key, index: read.index };
}

async function pick(
  history: GitHistory,
  folder: string,
  picker: PointPicker,
  signal: AbortSignal,
): Promise<{ ref: string; label: string } | undefined> {
  const items = history.points(folder, signal).then((points) => {
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
  const picked = await vscode.window.showQuickPick(items, { ...picker, matchOnDetail: true });
  return picked && 'point' in picked ? { ref: picked.point.ref, label: picked.point.label } : undefined;
}
