import type { LineDates } from '../core/evidence/sectionEvidence';

/** What git told of the notes' lines. */
export interface GitDating {
  /** By note path (relative to the folder). A note left out is dated by its markers alone. */
  readonly dates: ReadonlyMap<string, LineDates>;
  /** Why some notes were left out, in one line of words: the history was too large to read whole. */
  readonly warning?: string;
}

/**
 * The day each line of a note was last changed, from git. The Node build runs git, reading objects only; a build
 * without it (the web, an untrusted workspace) has none, and dates then come from `As of` lines and `reviewed:` alone.
 */
export interface GitDates {
  /** Whether this build can run git at all: the web build cannot, and says so once in the tree. */
  readonly available: boolean;
  /**
   * Every note's line dates at once, its text as the file holds it, from one pass over the history of the files
   * under `notesFolder` (relative to `folder`) of the notes' kind (`*.md`). A note outside any repository is left
   * out; a line not committed yet is `today`'s.
   */
  notesDates(folder: string, notesFolder: string, notes: readonly string[], today: string, signal?: AbortSignal): Promise<GitDating>;
  /** One note's line dates with its text as the editor holds it (edits not saved are today's). */
  noteDates(folder: string, path: string, text: string, today: string, signal?: AbortSignal): Promise<GitDating>;
}

/** Nothing dated: outside a repository, or git failed. */
export const NO_DATES: GitDating = { dates: new Map() };

/** No git: every note is dated by its markers alone. */
export const noGitDates: GitDates = {
  available: false,
  notesDates: () => Promise.resolve(NO_DATES),
  noteDates: () => Promise.resolve(NO_DATES),
};
