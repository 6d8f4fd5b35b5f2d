import type { ScopeProblem } from '../core/scope/scopeModel';
import type { ScopeFile } from '../core/scope/scopeSchema';
import type { CommitFiles } from './commitIndex';

/** Where a scope lives in the repository: its file and folder on disk, and the folder whose notes are compared. */
export interface ScopePlace {
  readonly scopePath: string;
  /** The scope file's folder, which git runs in and which the commit's paths are relative to. */
  readonly notesRoot: string;
  /** The notes compared are those under it (relative to notesRoot, '' for all), as `check FOLDER` checks. */
  readonly under: string;
}

/** A point of history to compare with: a branch, a tag or a recent commit, as a picker lists it. */
export interface HistoryPoint {
  readonly kind: 'branch' | 'tag' | 'commit';
  /** What git is asked for: the branch's or tag's name, or the commit's full id. */
  readonly ref: string;
  readonly label: string;
  /** The commit's short id, day and subject. */
  readonly detail: string;
}

/** A commit that changed a note: its full id, day (YYYY-MM-DD), author and subject. */
export interface NoteCommit {
  readonly commit: string;
  readonly day: string;
  readonly author: string;
  readonly subject: string;
}

/** A ref's commit and its files, open for reading; or why there are none. Its reader is closed by the caller. */
export type OpenedCommit =
  | { readonly ok: true; readonly commit: string; readonly files: CommitFiles; close(): void }
  | { readonly ok: false; readonly reason: string };

/** A scope file's text checked (see parseScopeFile): its schema's output when it is valid, else its problems. */
export type CheckedScopeText = { readonly file: ScopeFile } | { readonly problems: readonly ScopeProblem[] };

/**
 * The scope's history, read from git's objects (see indexCommit for its analysis). The Node build runs git; a build without it (the web) has none and
 * says so, and the editor asks only in a trusted workspace.
 */
export interface GitHistory {
  readonly available: boolean;
  /** The branches, tags and recent commits of the repository that holds `folder`; none outside a repository. */
  points(folder: string, signal?: AbortSignal): Promise<HistoryPoint[]>;
  /** The files of `ref`'s commit under `folder` that `wanted` says (see commitFileWanted), from its objects only. */
  openCommit(folder: string, ref: string, wanted: (path: string) => boolean, signal?: AbortSignal): Promise<OpenedCommit>;
  /** The last `count` commits of HEAD that changed `note` (relative to `folder`), newest first; undefined when git fails. */
  noteCommits(folder: string, note: string, count: number, signal?: AbortSignal): Promise<NoteCommit[] | undefined>;
  /** A digest of a note's text, kept by the notes' index so that a comparison passes over the notes that did not change. */
  readonly fingerprint?: (text: string) => string;
  /**
   * A commit's scope file checked off the caller's thread, as parseScopeFile checks it: a scope of 2,000 products
   * takes longer to parse than the extension host may be held. Rejects when it cannot run; the caller then parses.
   */
  readonly checkScopeText?: (text: string, signal?: AbortSignal) => Promise<CheckedScopeText>;
}

const NO_GIT = 'comparing needs git, in a trusted workspace on the desktop or a server';

export const noGitHistory: GitHistory = {
  available: false,
  points: () => Promise.resolve([]),
  openCommit: () => Promise.resolve({ ok: false, reason: NO_GIT }),
  noteCommits: () => Promise.resolve(undefined),
};
