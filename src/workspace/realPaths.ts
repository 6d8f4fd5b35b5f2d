/**
 * What workspace.fs does not say of a file on the local disk: where it really is, every link resolved. The desktop
 * build answers with Node's realpath (see src/extension.ts); the browser build has no local disk to ask, and a note
 * or scope file it reads through a link is read as the file system serves it.
 */
export interface RealPaths {
  /** Whether `file`, links resolved, is inside `folder` (a local path each); false for a link that leads nowhere. */
  staysInside(folder: string, file: string): Promise<boolean>;
  /**
   * A note's text read now, without waiting (within the note size limit, and only while its real path stays in
   * `folder`); undefined when it cannot be. What an answer's excerpt is read from (see NoteIndexOptions.readText).
   */
  readNote?(folder: string, file: string): string | undefined;
}
