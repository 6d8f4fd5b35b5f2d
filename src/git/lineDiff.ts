import { diffArrays } from 'diff';
import type { Hunk } from './historyDates';

/**
 * Past this many lines removed plus added, the diff gives up: its cost grows with the text's length times this
 * number, and an edit that large leaves little to keep. 2,000 covers rewriting a thousand lines of a note.
 */
const MAX_EDIT_LENGTH = 2_000;
/** Past this, the diff gives up as well: it runs in the editor's extension host, which must not be blocked for 100 ms. */
const TIMEOUT_MS = 50;

/** A text's lines as git counts them: the line break after the last line ends it, and CR LF is read as LF. */
export function gitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
  return lines;
}

/**
 * The hunks that turn `before` into `after`, as `git diff -U0` would give them; undefined when the diff gave up
 * (see MAX_EDIT_LENGTH): the caller then counts every line of `after` as changed.
 */
export function lineHunks(before: string[], after: string[]): Hunk[] | undefined {
  const changes = diffArrays(before, after, { maxEditLength: MAX_EDIT_LENGTH, timeout: TIMEOUT_MS });
  if (!changes) return undefined;
  const hunks: Hunk[] = [];
  let newLines = 0;
  let open: { at: number; newCount: number; oldCount: number } | undefined;
  const close = () => {
    if (open) hunks.push({ newStart: open.newCount > 0 ? open.at + 1 : open.at, newCount: open.newCount, oldCount: open.oldCount });
    open = undefined;
  };
  for (const change of changes) {
    if (!change.added && !change.removed) {
      close();
      newLines += change.count;
      continue;
    }
    open ??= { at: newLines, newCount: 0, oldCount: 0 };
    if (change.added) {
      open.newCount += change.count;
      newLines += change.count;
    } else {
      open.oldCount += change.count;
    }
  }
  close();
  return hunks;
}
