import { createHash } from 'node:crypto';
import type { CommitFiles } from './commitIndex';
import { nulRecords, spawnGit, streamGit, type GitChild } from './gitProcess';

/** A file of a commit's tree: its blob's id and size in bytes. */
export interface TreeBlob {
  readonly id: string;
  readonly size: number;
}

/**
 * The regular files HEAD holds under `pathspec` (relative to `cwd`), by path relative to `cwd`, keeping those
 * `wanted` says; undefined when there is no HEAD (nothing committed yet) or git fails. `ls-tree -z`: paths as they
 * are, whatever characters they hold.
 */
export function headBlobs(
  cwd: string,
  pathspec: string,
  wanted: (path: string) => boolean,
  signal?: AbortSignal,
): Promise<Map<string, TreeBlob> | undefined> {
  return treeBlobs(cwd, 'HEAD', pathspec, wanted, signal);
}

/** headBlobs of another commit, named by its full id (a validated ref, never an option). */
export async function treeBlobs(
  cwd: string,
  commit: string,
  pathspec: string,
  wanted: (path: string) => boolean,
  signal?: AbortSignal,
): Promise<Map<string, TreeBlob> | undefined> {
  const blobs = new Map<string, TreeBlob>();
  const split = nulRecords((record) => {
    // <mode> SP <type> SP <id> SP+ <size> TAB <path>
    const tab = record.indexOf(9);
    const path = record.subarray(tab + 1).toString('utf8');
    if (tab === -1 || !wanted(path)) return;
    const [mode, type, id, size] = record
      .subarray(0, tab)
      .toString('latin1')
      .split(' ')
      .filter((field) => field !== '');
    if (type === 'blob' && (mode === '100644' || mode === '100755')) blobs.set(path, { id, size: Number(size) });
  });
  const end = await streamGit(
    cwd,
    ['ls-tree', '-r', '-l', '-z', commit, '--', `:(literal)${pathspec}`],
    (chunk) => (split(chunk), true),
    signal,
  ).end;
  return end === 'done' ? blobs : undefined;
}

/** The id git gives `bytes` as a blob: SHA-1, or SHA-256 in a repository whose ids are that long. */
export function blobId(bytes: Uint8Array, idLength: number): string {
  return createHash(idLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}

/** Blobs by id, from one `git cat-file --batch`: the objects as stored, through no filter or conversion. */
export class BlobReader {
  private readonly child: GitChild;
  private readonly waiting: ((blob: Buffer | undefined) => void)[] = [];
  private closed = false;
  /** What came after the last whole answer: the start of a header, or of a blob's bytes. */
  private parts: Buffer[] = [];
  private partsLength = 0;
  /** The size of the blob being received, once its header was read. */
  private size: number | undefined;

  constructor(cwd: string, signal?: AbortSignal) {
    this.child = spawnGit(cwd, ['cat-file', '--batch'], signal);
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    const end = () => {
      this.closed = true;
      for (const resolve of this.waiting.splice(0)) resolve(undefined);
    };
    this.child.on('error', end);
    this.child.on('close', end);
  }

  /** The blob's bytes; undefined when it is missing or git failed. Asked one after another, answered in order. */
  read(id: string): Promise<Buffer | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin.write(`${id}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private receive(chunk: Buffer): void {
    this.parts.push(chunk);
    this.partsLength += chunk.length;
    for (;;) {
      if (this.size === undefined) {
        const pending = this.pending();
        const lineEnd = pending.indexOf(10);
        if (lineEnd === -1) return this.keep(pending);
        // <id> blob <size>, or <id> missing
        const size = pending.subarray(0, lineEnd).toString('latin1').split(' ')[2];
        this.keep(pending.subarray(lineEnd + 1));
        if (size === undefined) this.waiting.shift()?.(undefined);
        else this.size = Number(size);
      } else {
        // The blob's bytes, then a line feed.
        if (this.partsLength < this.size + 1) return;
        const pending = this.pending();
        const blob = pending.subarray(0, this.size);
        this.keep(pending.subarray(this.size + 1));
        this.size = undefined;
        this.waiting.shift()?.(blob);
      }
    }
  }

  private pending(): Buffer {
    return this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
  }

  private keep(rest: Buffer): void {
    this.parts = rest.length > 0 ? [rest] : [];
    this.partsLength = rest.length;
  }
}

/** The files of a commit under `cwd` that `wanted` says, read from its objects; close() ends git's reader. */
export interface OpenCommitFiles extends CommitFiles {
  close(): void;
}

/** A commit's tree listed and its blobs read on demand (`ls-tree`, `cat-file --batch`); undefined when git fails. */
export async function commitFiles(
  cwd: string,
  commit: string,
  wanted: (path: string) => boolean,
  signal?: AbortSignal,
): Promise<OpenCommitFiles | undefined> {
  const listed = await treeBlobs(cwd, commit, '.', wanted, signal);
  if (listed === undefined) return undefined;
  const reader = new BlobReader(cwd, signal);
  return {
    sizes: new Map([...listed].map(([path, blob]) => [path, blob.size])),
    read: (path) => {
      const blob = listed.get(path);
      return blob ? reader.read(blob.id) : Promise.resolve(undefined);
    },
    close: () => reader.close(),
  };
}
