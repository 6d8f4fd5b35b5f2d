import type { LineDates } from '../core/evidence/sectionEvidence';

/** A note whose lines git is asked to date: its path relative to the folder, and its current number of lines. */
export interface NoteLines {
  readonly path: string;
  readonly lineCount: number;
}

/**
 * The day each line of a note was last changed, from git. The Node build spawns git; a build without it (the
 * web, an untrusted workspace) has none, and dates then come from `As of` lines and `reviewed:` alone.
 */
export interface GitDates {
  /** Whether this build can run git at all: the web build cannot, and says so once in the tree. */
  readonly available: boolean;
  /**
   * Every note's line dates at once, from one pass over the history under `pathspec` (a folder relative to
   * `folder`). A note outside any repository is left out; a line not committed yet is `today`'s.
   */
  notesDates(folder: string, pathspec: string, notes: readonly NoteLines[], today: string, signal?: AbortSignal): Promise<Map<string, LineDates>>;
  /** One note's line dates with its text as the editor holds it (edits not saved are today's). */
  noteDates(folder: string, path: string, text: string, today: string, signal?: AbortSignal): Promise<LineDates | undefined>;
}

/** No git: every note is dated by its markers alone. */
export const noGitDates: GitDates = {
  available: false,
  notesDates: () => Promise.resolve(new Map()),
  noteDates: () => Promise.resolve(undefined),
};
