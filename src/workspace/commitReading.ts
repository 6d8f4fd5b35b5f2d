import type * as vscode from 'vscode';
import { localDay } from '../core/dates';
import type { NoteIndex } from '../core/index/noteIndex';
import type { Scope, ScopeParseResult } from '../core/scope/scopeModel';
import { parseScope, scopeFromFile } from '../core/scope/scopeParser';
import { indexCommit } from '../git/commitIndex';
import type { GitHistory } from '../git/gitHistory';
import { SLICE_MS, yieldToEventLoop } from './timeSlices';

export type CommitReading =
  { readonly ok: true; readonly commit: string; readonly index: NoteIndex } | { readonly ok: false; readonly reason: string };

/** A scope file shorter than this parses in less than a slice of the host's time, and sooner than a worker starts. */
export const OFF_THREAD_MIN_CHARS = 16 * 1024;

/** The scope the workspace has parsed from `text` already, if it has (see ScopeStore.scopeParsedFrom). */
export type KnownScope = (text: string) => Scope | undefined;

/**
 * The scope `scopeName` and the notes `wanted` keeps at `ref`, read from git's objects and analyzed in slices of the
 * extension host's time; given up (as a failure) once `signal` aborts. The scope file is parsed only when `known`
 * does not have it, and then off the host's thread where `history` can (see commitScope).
 */
export async function readCommitIndex(
  history: GitHistory,
  folder: string,
  scopeName: string,
  ref: string,
  wanted: (file: string) => boolean,
  signal: AbortSignal,
  known?: KnownScope,
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
    const parseScope = (text: string) => commitScope(history, text, signal, known);
    const loaded = await indexCommit(opened.files, scopeName, '', localDay(), { pause, fingerprint: history.fingerprint, parseScope });
    if (loaded.ok) return { ok: true, commit: opened.commit, index: loaded.index };
    if ('missing' in loaded) return { ok: false, reason: `it holds no ${loaded.missing} here` };
    return { ok: false, reason: `its scope file cannot be read (${loaded.problems[0]?.message ?? 'it is not valid'})` };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    opened.close();
  }
}

/**
 * A commit's scope file parsed: the workspace's scope when the text is the one it parsed (a change of notes only), else
 * checked on git's side off this thread when it is long (2,000 products take longer than the host may be held), else here.
 */
async function commitScope(history: GitHistory, text: string, signal: AbortSignal, known?: KnownScope): Promise<ScopeParseResult> {
  const scope = known?.(text);
  if (scope) return { ok: true, scope, problems: [] };
  if (text.length < OFF_THREAD_MIN_CHARS) return parseScope(text);
  const checked = await history.checkScopeText?.(text, signal).catch(() => undefined);
  if (signal.aborted) throw new Error('it was cancelled');
  if (!checked) return parseScope(text);
  return 'file' in checked ? scopeFromFile(text, checked.file) : { ok: false, problems: checked.problems };
}

/** The scope file's name in its folder. */
export const scopeName = (scopeFile: vscode.Uri): string => scopeFile.path.slice(scopeFile.path.lastIndexOf('/') + 1);
