import type { GitHistory, HistoryPoint, NoteCommit } from './gitHistory';
import { commitFiles } from './gitObjects';
import { gitOutput } from './gitProcess';
import { commitOf } from './gitRefs';
import { noteFingerprint } from './noteFingerprint';

/** How many recent commits the picker offers beside the branches and tags. */
const RECENT_COMMITS = 30;
/** At most this many branches and tags, the most recently made first. */
const MAX_REFS = 200;

/** The scope's history from git's objects: refs and recent commits listed, a commit's files read without a filter. */
export const nodeGitHistory: GitHistory = {
  available: true,
  fingerprint: noteFingerprint,
  points: async (folder, signal) => [...(await refPoints(folder, signal)), ...(await commitPoints(folder, signal))],
  openCommit: async (folder, ref, wanted, signal) => {
    if (ref.startsWith('-')) return { ok: false, reason: `"${ref}" is not taken as a ref: a ref cannot start with "-"` };
    const commit = await commitOf(folder, ref);
    if (commit === undefined) return { ok: false, reason: `${ref} names no commit in this repository` };
    const files = await commitFiles(folder, commit, wanted, signal);
    if (files === undefined) return { ok: false, reason: `git could not list the files of commit ${commit}` };
    return { ok: true, commit, files, close: () => files.close() };
  },
  noteCommits: async (folder, note, count, signal) => {
    const format = '--format=%H%x00%ad%x00%an%x00%s';
    const args = ['log', `-n${count}`, '--no-color', format, '--date=short', 'HEAD', '--', `:(literal)${note}`];
    const out = await gitOutput(folder, args, signal);
    if (out === undefined) return undefined;
    return lines(out).flatMap((line): NoteCommit[] => {
      const [commit, day, author, subject] = line.split('\0');
      return commit ? [{ commit, day: day ?? '', author: author ?? '', subject: subject ?? '' }] : [];
    });
  },
};

async function refPoints(folder: string, signal?: AbortSignal): Promise<HistoryPoint[]> {
  const format = '%(refname)%00%(refname:short)%00%(objectname:short)%00%(creatordate:short)%00%(subject)';
  const out = await gitOutput(
    folder,
    ['for-each-ref', `--count=${MAX_REFS}`, '--sort=-creatordate', `--format=${format}`, 'refs/heads', 'refs/tags'],
    signal,
  );
  return lines(out).flatMap((line) => {
    const [full, name, id, day, subject] = line.split('\0');
    if (!name || name.startsWith('-')) return [];
    const kind: HistoryPoint['kind'] = full.startsWith('refs/tags/') ? 'tag' : 'branch';
    return [{ kind, ref: name, label: name, detail: `${id} · ${day} · ${subject ?? ''}` }];
  });
}

async function commitPoints(folder: string, signal?: AbortSignal): Promise<HistoryPoint[]> {
  const format = '--format=%H%x00%h%x00%ad%x00%an%x00%s';
  const out = await gitOutput(folder, ['log', `-n${RECENT_COMMITS}`, '--no-color', format, '--date=short', 'HEAD', '--'], signal);
  return lines(out).flatMap((line) => {
    const [commit, id, day, author, subject] = line.split('\0');
    if (!commit) return [];
    return [{ kind: 'commit' as const, ref: commit, label: `${id} ${subject ?? ''}`, detail: `${day} · ${author}` }];
  });
}

function lines(out: string | undefined): string[] {
  return (out ?? '').split('\n').filter((line) => line !== '');
}
