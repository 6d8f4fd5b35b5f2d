import * as vscode from 'vscode';
import { localDay } from '../core/dates';
import { answerHistory, type AnswerKey, type AnswerVersion } from '../core/history/answerHistory';
import { kindsWords, stateWords } from '../core/history/changeWords';
import { NoteIndex } from '../core/index/noteIndex';
import { decodeNote, MAX_NOTE_BYTES } from '../core/notes/decodeNote';
import type { GitHistory, NoteCommit } from '../git/gitHistory';
import { readCommitIndex, scopeName, type KnownScope } from '../workspace/commitReading';
import { ANSWER_HISTORY_COMMAND, type AnswerHistoryTarget } from '../workspace/commandIds';
import { historyAllowed } from '../workspace/historyAccess';
import type { ScopeRoots } from '../workspace/scopeRoots';

/** Notes at a commit, read from git's objects for a diff: `competitor-scope-git:/<note>?<query>`. */
const SCHEME = 'competitor-scope-git';
/** How far back the history looks: the note's last commits. */
const MAX_COMMITS = 50;

/** One commit of the history, as the pick lists it. */
export interface AnswerHistoryItem extends vscode.QuickPickItem {
  readonly commit: string;
}

/**
 * History of this answer: the commits of the note where the answer changed, newest first, each opening the diff of
 * the note at that commit; the note is read at each commit from git's objects, with the scope that commit holds.
 */
export function registerAnswerHistory(roots: ScopeRoots, history: GitHistory): vscode.Disposable[] {
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: (uri, token) => noteAtCommit(roots, history, uri, token),
  };
  return [
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.commands.registerCommand(ANSWER_HISTORY_COMMAND, (target?: AnswerHistoryTarget) => showHistory(roots, history, target)),
  ];
}

/** The listed commits, once one is picked and its diff opened (or none picked); undefined when there is no history to list. */
async function showHistory(
  roots: ScopeRoots,
  history: GitHistory,
  target?: AnswerHistoryTarget,
): Promise<readonly AnswerHistoryItem[] | undefined> {
  if (!historyAllowed(history)) return undefined;
  const noteUri = typeof target?.note === 'string' ? vscode.Uri.parse(target.note) : undefined;
  const root = noteUri ? roots.forUri(noteUri) : roots.of(target);
  const scopeFile = root?.store.current.fileUri;
  if (!root || scopeFile?.scheme !== 'file') {
    void vscode.window.showInformationMessage(
      root && !scopeFile
        ? 'The history of an answer needs a scope file, committed to git.'
        : 'The history of an answer needs a folder on disk, in a git repository.',
    );
    return undefined;
  }
  if (typeof target?.categoryId !== 'string' || typeof target.productId !== 'string' || typeof target.axisId !== 'string') {
    void vscode.window.showInformationMessage(
      'Ask for the history of an answer from its cell in the matrix (its context menu, or H) or from its heading in a note (its hover).',
    );
    return undefined;
  }
  const answering = root.notes.index.productCoverage(target).axes.find((axis) => axis.axisId === target.axisId)?.file;
  const note = noteUri ? root.notes.pathOf(noteUri) : (answering ?? undefined);
  if (note === undefined) {
    void vscode.window.showInformationMessage('No note answers this axis yet: it has no history.');
    return undefined;
  }
  const folder = vscode.Uri.joinPath(scopeFile, '..').fsPath;
  const items = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Reading the history of ${note} from git`, cancellable: true },
    (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return historyItems(history, folder, scopeName(scopeFile), note, target, controller.signal, (text) =>
        root.store.scopeParsedFrom(text),
      );
    },
  );
  if (typeof items === 'string') {
    void vscode.window.showInformationMessage(items);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `History of this answer (${note})`,
    placeHolder: 'The commits where it changed, newest first: pick one to see its diff',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked) {
    const at = (ref: string) => vscode.Uri.from({ scheme: SCHEME, path: `/${note}`, query: JSON.stringify({ folder, ref, note }) });
    const short = picked.commit.slice(0, 7);
    await vscode.commands.executeCommand('vscode.diff', at(`${picked.commit}^`), at(picked.commit), `${note} (${short}^ ↔ ${short})`);
  }
  return items;
}

/** The commits where the answer changed, as pick items; a sentence saying why there are none. */
async function historyItems(
  history: GitHistory,
  folder: string,
  scope: string,
  note: string,
  answer: AnswerKey,
  signal: AbortSignal,
  known: KnownScope,
): Promise<AnswerHistoryItem[] | string> {
  // One more than is shown: the oldest shown is compared with the one before it.
  const commits = await history.noteCommits(folder, note, MAX_COMMITS + 1, signal);
  if (commits === undefined) return signal.aborted ? 'Reading the history was cancelled.' : `git could not list the commits of ${note}.`;
  const versions: AnswerVersion<NoteCommit>[] = [];
  let before: NoteIndex | undefined;
  for (const commit of commits) {
    const read = await readCommitIndex(history, folder, scope, commit.commit, (file) => file === note, signal, known);
    if (signal.aborted) return 'Reading the history was cancelled.';
    // The scope cannot be read there: the history goes no further back.
    if (!read.ok && versions.length === 0) return `Cannot read ${note} at ${commit.commit.slice(0, 7)}: ${read.reason}.`;
    if (!read.ok) break;
    if (versions.length === MAX_COMMITS) before = read.index;
    else versions.push({ commit, index: read.index });
  }
  const oldest = versions.at(-1);
  if (before === undefined && oldest && versions.length === commits.length) {
    // The note's whole history: before its first commit, the scope with the note as its parent had it, if any.
    const parent = await readCommitIndex(history, folder, scope, `${oldest.commit.commit}^`, (file) => file === note, signal, known);
    before = parent.ok ? parent.index : new NoteIndex(oldest.index.scope, { today: localDay });
  }
  const steps = answerHistory(versions, before, answer);
  if (steps.length === 0) return `No commit changed this answer in the last ${versions.length} commits of ${note}.`;
  return steps.map(({ commit, change }) => ({
    commit: commit.commit,
    label: commit.subject,
    description: `${commit.day} · ${commit.author} · ${commit.commit.slice(0, 7)}`,
    detail: `${kindsWords(change)}: ${stateWords(change.after, true)}`,
  }));
}

/** A note as a commit holds it, read from git's objects; empty where the commit has no such note. */
async function noteAtCommit(roots: ScopeRoots, history: GitHistory, uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
  const { folder, ref, note } = parsedQuery(uri.query);
  if (typeof folder !== 'string' || typeof ref !== 'string' || typeof note !== 'string') return '';
  // Only a scope's folder of this window is read: a crafted link opens nothing else.
  const root = roots.forUri(vscode.Uri.file(folder));
  if (!vscode.workspace.isTrusted || root?.store.folderUri.fsPath !== folder) return '';
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  const opened = await history.openCommit(folder, ref, (file) => file === note, controller.signal);
  if (!opened.ok) return '';
  try {
    const size = opened.files.sizes.get(note);
    if (size === undefined) return '';
    if (size > MAX_NOTE_BYTES) return `(${note} is too large to show here: ${size} bytes.)`;
    const bytes = await opened.files.read(note);
    const decoded = bytes && decodeNote(bytes);
    return decoded?.ok ? decoded.text : `(${note} cannot be shown: ${decoded?.reason ?? 'git could not read it'}.)`;
  } finally {
    opened.close();
  }
}

function parsedQuery(query: string): { folder?: unknown; ref?: unknown; note?: unknown } {
  try {
    const parsed: unknown = JSON.parse(query);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}
