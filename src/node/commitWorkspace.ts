import * as path from 'node:path';
import { commitFileWanted, indexCommit, type CommitWorkspace } from '../git/commitIndex';
import { commitFiles } from '../git/gitObjects';
import type { ScopePlace } from '../git/gitHistory';
import { noteFingerprint } from '../git/noteFingerprint';

export type { CommitWorkspace } from '../git/commitIndex';
export type { ScopePlace } from '../git/gitHistory';

/**
 * A commit's scope and notes analyzed as `check` analyzes the working tree, read from git's objects only (`ls-tree`,
 * `cat-file --batch`): no filter, attribute or hook of the repository runs, and a file over its size limit is refused
 * from the tree's listing before any of it is read. Answers are dated by the notes' own dates (As of, reviewed:).
 */
export async function loadCommit(place: ScopePlace, commit: string, today: string, signal?: AbortSignal): Promise<CommitWorkspace> {
  const scopeName = path.basename(place.scopePath);
  const files = await commitFiles(place.notesRoot, commit, (file) => file === scopeName || commitFileWanted(file), signal);
  if (files === undefined) throw new Error(`git could not list the files of commit ${commit}.`);
  try {
    return await indexCommit(files, scopeName, place.under, today, { fingerprint: noteFingerprint });
  } finally {
    files.close();
  }
}
