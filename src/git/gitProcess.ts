import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/**
 * Options that keep a repository's own configuration from running anything or changing the output read here: no
 * file system monitor hook, no pager, no signatures, no following of renames. The commands run here read objects
 * only (never the working tree or the index), so no filter, hook or attribute-named program applies.
 */
const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false', '-c', 'log.follow=false', '--no-pager'];
/** Past this, git's answer is not worth waiting for: the notes keep their markers' dates. */
const TIMEOUT_MS = 120_000;
/** The caller's own settings that would change how the pathspecs given here are read. */
const PATHSPEC_VARIABLES = ['GIT_LITERAL_PATHSPECS', 'GIT_GLOB_PATHSPECS', 'GIT_NOGLOB_PATHSPECS', 'GIT_ICASE_PATHSPECS'];

export type GitChild = ChildProcessByStdio<Writable, Readable, null>;

/** Starts git (never through a shell) in `cwd`, with no prompt, no optional lock and no fetch of objects missing here. */
export function spawnGit(cwd: string, args: readonly string[], signal?: AbortSignal): GitChild {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_LAZY_FETCH: '1',
    LC_ALL: 'C',
  };
  for (const name of PATHSPEC_VARIABLES) delete env[name];
  const child = spawn('git', [...SAFE_CONFIG, ...args], {
    cwd,
    shell: false,
    env,
    stdio: ['pipe', 'pipe', 'ignore'],
    timeout: TIMEOUT_MS,
    ...(signal ? { signal } : {}),
  });
  // git may exit before reading its input (not a repository): that is its answer, not an error to throw.
  child.stdin.on('error', () => undefined);
  return child;
}

/** How a run of git ended: it finished, it failed (or was cancelled), or it was stopped because enough was read. */
export type GitEnd = 'done' | 'failed' | 'stopped';

/** A running git whose output is being read. */
export interface GitStream {
  readonly end: Promise<GitEnd>;
  /** Stops git: its answer is no longer needed. */
  stop(): void;
}

/**
 * Runs git, handing its standard output to `onData` as it comes, never held whole. `onData` returns whether to go
 * on, or a promise of it: git waits (its output is not read) until the promise settles.
 */
export function streamGit(
  cwd: string,
  args: readonly string[],
  onData: (chunk: Buffer) => boolean | Promise<boolean>,
  signal?: AbortSignal,
): GitStream {
  const child = spawnGit(cwd, args, signal);
  child.stdin.end();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    child.kill();
  };
  child.stdout.on('data', (chunk: Buffer) => {
    if (stopped) return;
    const more = onData(chunk);
    if (more === false) stop();
    else if (more !== true) {
      child.stdout.pause();
      void more.then((goOn) => (goOn ? child.stdout.resume() : stop()));
    }
  });
  const end = new Promise<GitEnd>((resolve) => {
    child.on('error', () => resolve('failed'));
    child.on('close', (code) => resolve(stopped ? 'stopped' : code === 0 ? 'done' : 'failed'));
  });
  return { end, stop };
}

/** The most a short answer (`rev-parse`) is read: a few lines. */
const MAX_SHORT_OUTPUT = 64 * 1024;

/** The standard output of a git command that answers in a few lines, or undefined when it fails. */
export async function gitOutput(cwd: string, args: readonly string[], signal?: AbortSignal): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  const end = await streamGit(
    cwd,
    args,
    (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
      return size <= MAX_SHORT_OUTPUT;
    },
    signal,
  ).end;
  return end === 'done' ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/** Splits a stream into NUL-terminated records, handing each to `onRecord`; a record is held only until it ends. */
export function nulRecords(onRecord: (record: Buffer) => void): (chunk: Buffer) => void {
  let partial: Buffer[] = [];
  return (chunk) => {
    let start = 0;
    for (let end = chunk.indexOf(0, start); end !== -1; end = chunk.indexOf(0, start)) {
      const piece = chunk.subarray(start, end);
      onRecord(partial.length > 0 ? Buffer.concat([...partial, piece]) : piece);
      partial = [];
      start = end + 1;
    }
    if (start < chunk.length) partial.push(chunk.subarray(start));
  };
}
