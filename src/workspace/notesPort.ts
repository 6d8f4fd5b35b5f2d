/**
 * What the note engine (noteSync.ts) needs from the editor: the files of a scope's folder, their watcher and the
 * open documents. Paths are relative to the scope's folder, '/'-separated. No `vscode` here: the engine is tested
 * in plain Node against an in-memory port, and noteWorkspace.ts implements it with VS Code's file system.
 */
export interface NotesPort {
  /** The files in the scope's folder that the glob matches (outside node_modules and .git). */
  find(glob: string): Promise<string[]>;
  /** The file's stat, or undefined when there is no such file. */
  stat(path: string): Promise<NoteFileStat | undefined>;
  /** Whether the file's real path stays in the scope's folder (a link may lead out of it). */
  staysInside(path: string): Promise<boolean>;
  /** The file's bytes, or undefined when there is no such file. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Reports the files matching the glob that are created, changed or deleted, until disposed. */
  watch(glob: string, on: (event: FileEvent) => void): Subscription;
  /** The file's document when an editor holds it open. */
  open(path: string): OpenNote | undefined;
  /** An open document's text changed, or a document was opened. */
  onDidEdit(on: (path: string) => void): Subscription;
  /** A document was closed: what is on disk counts again. */
  onDidClose(on: (path: string) => void): Subscription;
}

export interface NoteFileStat {
  /** What tells one version of the file from the next without reading it (its time and size). */
  readonly stamp: string;
  readonly isFile: boolean;
  readonly size: number;
}

export interface FileEvent {
  readonly kind: 'created' | 'changed' | 'deleted';
  readonly path: string;
}

export interface OpenNote {
  readonly text: string;
  /** Whether it has edits not saved to disk. */
  readonly dirty: boolean;
}

export interface Subscription {
  dispose(): void;
}

/**
 * Which notes changed: their paths relative to the scope folder, or every note after a scope change or rescan.
 * `more` says that this is one slice of a batch (a scan, a branch switch) and more of it follows: what reads
 * the whole workspace (counts, the scope file's gaps) may wait for the last slice.
 */
export type NotesChange = ({ readonly all: true } | { readonly all: false; readonly paths: readonly string[] }) & {
  readonly more?: boolean;
};

export interface NoteSyncOptions {
  /** How long an open document's edits wait for the next keystroke before they are analyzed. */
  readonly editDelayMs?: number;
  /** How many notes are read from disk at once. */
  readonly readBatch?: number;
  /** File events in a row that make a burst (a branch switch, a pull), after which the notes on disk are checked. */
  readonly burstEvents?: number;
  /** How long the watcher must be quiet after a burst before the check. */
  readonly burstQuietMs?: number;
}

export interface NoteLog {
  info(message: string): void;
  warn(message: string): void;
}
