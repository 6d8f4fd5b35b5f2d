import type * as vscode from 'vscode';
import { localDay } from '../core/dates';
import type { NoteIndex } from '../core/index/noteIndex';
import { indexCommit } from '../git/commitIndex';
import type { GitHistory } from '../git/gitHistory';
import { SLICE_MS, yieldToEventLoop } from './timeSlices';

export type CommitReading =
  { readonly ok: true; readonly commit: string; readonly index: NoteIndex } | { readonly ok: false; readonly reason: string };

/**
 * The scope `scopeName` and the notes `wanted` keeps at `ref`, read from git's objects and analyzed in slices of the
 * extension host's time; given up (as a failure) once `signal` aborts.
 */
export async function readCommitIndex(
  history: GitHistory,
  folder: string,
  scopeName: string,
  ref: string,
  wanted: (file: string) => boolean,
  signal: AbortSignal,
): Promise<CommitReading> {
  const opened = await history.openCommit(folder, ref, (file) => file === scopeName || wanted(file), signal);
  if (!opened.ok) return opened;
  try {
    let started = performance.now();
    const pause = async () => {
      if (performance.now() - started < SLICE_MS) return;
      await yieldToEventLoop();
      if (signal.aborted) throw new Error('it was cancelled');
      started = performance.now();
    };
    const loaded = await indexCommit(opened.files, scopeName, '', localDay(), pause, history.fingerprint);
    if (loaded.ok) return { ok: true, commit: opened.commit, index: loaded.index };
    if ('missing' in loaded) return { ok: false, reason: `it holds no ${loaded.missing} here` };
    return { ok: false, reason: `its scope file cannot be read (${loaded.problems[0]?.message ?? 'it is not valid'})` };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    opened.close();
  }
}

/** The scope file's name in its folder. */
export const scopeName = (scopeFile: vscode.Uri): string => scopeFile.path.slice(scopeFile.path.lastIndexOf('/') + 1);
