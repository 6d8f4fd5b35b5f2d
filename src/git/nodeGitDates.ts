import { spawn } from 'node:child_process';
import type { LineDates } from '../core/evidence/sectionEvidence';
import type { GitDates, NoteLines } from './gitDates';
import { blameDates, LineDateTracker } from './historyDates';

/**
 * Options that keep a repository's own configuration from running anything or changing the output read here:
 * no file system monitor hook, no pager, no external diff or text conversion, unquoted paths, no signatures.
 */
const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', '-c', 'log.showSignature=false', '--no-pager', '--literal-pathspecs'];
const DIFF_OPTIONS = ['-U0', '--no-renames', '--no-ext-diff', '--no-textconv', '--no-color', '--relative', '--src-prefix=a/', '--dst-prefix=b/'];
/** Past this, git's answer is not worth waiting for: the notes keep their markers' dates. */
const TIMEOUT_MS = 120_000;

/** Runs git (never through a shell) in `cwd`; its standard output, or undefined when it fails. */
function git(cwd: string, args: readonly string[], signal?: AbortSignal, input?: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('git', [...SAFE_CONFIG, ...args], {
      cwd,
      shell: false,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'],
      timeout: TIMEOUT_MS,
      ...(signal ? { signal } : {}),
    });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks).toString('utf8') : undefined));
    // git may exit before reading its input (not a repository): that is its answer, not an error to throw.
    child.stdin?.on('error', () => undefined);
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Git dates by spawning git: one `git log -p` pass for all notes, `git blame` for the note being edited. */
export const nodeGitDates: GitDates = {
  available: true,
  async notesDates(folder: string, pathspec: string, notes: readonly NoteLines[], today: string, signal?: AbortSignal): Promise<Map<string, LineDates>> {
    if ((await git(folder, ['rev-parse', '--is-inside-work-tree'], signal))?.trim() !== 'true') return new Map();
    const tracker = new LineDateTracker(notes);
    const worktree = await git(folder, ['diff', ...DIFF_OPTIONS, 'HEAD', '--', pathspec], signal);
    // No HEAD yet: nothing is committed, every line is today's.
    if (worktree === undefined) return tracker.result(today);
    tracker.read(worktree, today);
    const history = await git(folder, ['log', '-p', ...DIFF_OPTIONS, '--first-parent', '--diff-merges=first-parent', '--format=%x01%aI', '--', pathspec], signal);
    if (history === undefined) return new Map();
    tracker.read(history, today);
    return tracker.result(today);
  },

  async noteDates(folder: string, path: string, text: string, today: string, signal?: AbortSignal): Promise<LineDates | undefined> {
    const output = await git(folder, ['blame', '--porcelain', '--contents', '-', '--', path], signal, text);
    return output === undefined ? undefined : blameDates(output, today);
  },
};
