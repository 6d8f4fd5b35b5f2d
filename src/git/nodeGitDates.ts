import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeNote, MAX_NOTE_BYTES } from '../core/notes/decodeNote';
import { NO_DATES, type GitDates, type GitDating } from './gitDates';
import { BlobReader, blobId, headBlobs, type TreeBlob } from './gitObjects';
import { gitOutput, streamGit } from './gitProcess';
import { LineDateTracker } from './historyDates';
import { gitLines, lineHunks } from './lineDiff';
import { LogPatchReader } from './logPatches';

/**
 * The most of `git log -p` read for one dating. A note is at most 2 MB and a `-U0` diff holds only the lines a
 * commit changed, so 64 MiB is some thirty rewrites of the largest note, or a million changed lines: more than a
 * team's research history, and parsed in well under a second. Past it git is stopped, whatever the history holds.
 */
const MAX_HISTORY_BYTES = 64 * 1024 * 1024;
/**
 * The most of the history held while the working tree is compared (git runs meanwhile): past it, git waits until
 * the history can be read.
 */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
/**
 * How much is read from the working tree (and hashed, decoded, split) between two turns of the event loop, a note
 * counting 32 KiB more than its size: a few milliseconds, as the editor's extension host must not wait.
 */
const BYTES_PER_TURN = 1024 * 1024;
const COST_PER_NOTE = 32 * 1024;

/**
 * The history of the notes, newest first, as diffs of objects (no working tree, so no filter runs). Files larger
 * than a note can be are not diffed (git names them binary), nor are renames followed; `--root` and
 * `--inter-hunk-context=0` override the repository's settings that would hide the first commit or add context.
 */
const LOG = [
  '-c',
  `core.bigFileThreshold=${MAX_NOTE_BYTES}`,
  'log',
  '-p',
  '--raw',
  '-z',
  '--no-abbrev',
  '--full-index',
  '-U0',
  '--inter-hunk-context=0',
  '--no-renames',
  '--no-ext-diff',
  '--no-textconv',
  '--no-color',
  '--relative',
  '--root',
  '--first-parent',
  '--diff-merges=first-parent',
  '--format=%x01%aI %P',
  'HEAD',
  '--',
];

/** A note to date: its path relative to the folder, and its text's bytes as the working tree (or an editor) holds them. */
interface WorkingNote {
  readonly path: string;
  read(): Uint8Array | undefined;
}

/** Git dates from git's objects: HEAD's blobs compared with the notes' text here, and one pass over the history. */
export const nodeGitDates: GitDates = {
  available: true,
  notesDates(folder: string, notesFolder: string, notes: readonly string[], today: string, signal?: AbortSignal): Promise<GitDating> {
    const working = notes.map((note) => ({ path: note, read: () => readWorkingFile(path.join(folder, note)) }));
    return dateNotes(folder, working, notesFolder, notePathspecs(notesFolder, notes), today, signal);
  },

  noteDates(folder: string, note: string, text: string, today: string, signal?: AbortSignal): Promise<GitDating> {
    return dateNotes(folder, [{ path: note, read: () => Buffer.from(text, 'utf8') }], note, [`:(literal)${note}`], today, signal);
  },
};

async function dateNotes(
  folder: string,
  notes: readonly WorkingNote[],
  treePath: string,
  logPathspecs: readonly string[],
  today: string,
  signal?: AbortSignal,
): Promise<GitDating> {
  if (notes.length === 0 || (await gitOutput(folder, ['rev-parse', '--is-inside-work-tree'], signal))?.trim() !== 'true') return NO_DATES;
  const shallow = (await gitOutput(folder, ['rev-parse', '--is-shallow-repository'], signal))?.trim() === 'true';
  const tracker = new LineDateTracker();
  const reader = new LogPatchReader(tracker, shallow);
  // The history is read from the start, held (up to MAX_QUEUED_BYTES) until the working tree has been compared.
  let queue: Buffer[] | undefined = [];
  let compared!: () => void;
  const whenCompared = new Promise<boolean>((resolve) => (compared = () => resolve(true)));
  let read = 0;
  const history = streamGit(
    folder,
    [...LOG, ...logPathspecs],
    (chunk) => {
      read += chunk.length;
      if (read > MAX_HISTORY_BYTES) return false;
      if (queue) return queue.push(chunk) && read < MAX_QUEUED_BYTES ? true : whenCompared;
      reader.write(chunk);
      return !tracker.allDated;
    },
    signal,
  );

  const wanted = new Set(notes.map((note) => note.path));
  const head = await headBlobs(folder, treePath, (note) => wanted.has(note), signal);
  await compareWorkingTree(folder, notes, head ?? new Map(), tracker, today, signal);
  for (const chunk of queue) reader.write(chunk);
  queue = undefined;
  compared();
  // No HEAD: nothing is committed yet, every line is today's.
  if (!head || tracker.allDated) history.stop();
  const end = await history.end;
  if (signal?.aborted || (head && end === 'failed')) return NO_DATES;
  if (read <= MAX_HISTORY_BYTES) {
    reader.end();
    const dates = tracker.result(today, true, shallow);
    return shallow ? { dates, warning: SHALLOW_WARNING } : { dates };
  }
  return { dates: tracker.result(today, false), warning: historyCapWarning(tracker.undatedNotes) };
}

/**
 * Dates what the working tree changed since HEAD, today: a note whose bytes are HEAD's blob is unchanged; another is
 * diffed here with its blob (a note new, too large before, or too changed to diff is all today's). A note that is
 * not readable as one is left out.
 */
async function compareWorkingTree(
  folder: string,
  notes: readonly WorkingNote[],
  head: ReadonlyMap<string, TreeBlob>,
  tracker: LineDateTracker,
  today: string,
  signal?: AbortSignal,
): Promise<void> {
  let blobs: BlobReader | undefined;
  try {
    let turn = 0;
    for (let i = 0; i < notes.length && !signal?.aborted; i++) {
      if (turn >= BYTES_PER_TURN) {
        await new Promise(setImmediate);
        turn = 0;
      }
      const bytes = notes[i].read();
      turn += COST_PER_NOTE + (bytes?.length ?? 0);
      const decoded = bytes && decodeNote(bytes);
      if (!bytes || !decoded?.ok) continue;
      const note = notes[i].path;
      const lines = gitLines(decoded.text);
      tracker.track(note, lines, decoded.text === '' || decoded.text.endsWith('\n'));
      const committed = head.get(note);
      if (committed && blobId(bytes, committed.id.length) === committed.id) continue;
      const before =
        committed && committed.size <= MAX_NOTE_BYTES ? await (blobs ??= new BlobReader(folder, signal)).read(committed.id) : undefined;
      const hunks = before && lineHunks(gitLines(new TextDecoder().decode(before)), lines);
      if (hunks) tracker.apply(note, hunks, today);
      else tracker.dateRest(note, today);
    }
  } finally {
    blobs?.close();
  }
}

/**
 * A note's bytes as its file holds them, or undefined when it is not a regular file, is larger than a note can be,
 * or cannot be read. A link is not followed; the size is checked before anything is read.
 */
function readWorkingFile(file: string): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_NOTE_BYTES) return undefined;
    // One byte more than its size: a file still being written is left for the next dating.
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = fs.readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return length > stat.size ? undefined : buffer.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The files under the notes folder whose kind the notes are (`:(glob)research/**\/*.md`): the history of other
 * files there (data, images, a dump) is never read. A note without an extension, or notes of many kinds, widen it
 * to the folder (MAX_HISTORY_BYTES still holds).
 */
function notePathspecs(notesFolder: string, notes: readonly string[]): string[] {
  const extensions = new Set(notes.map((note) => path.posix.extname(note)));
  if (extensions.has('') || extensions.size > 4) return [`:(literal)${notesFolder}`];
  const folder = notesFolder === '.' ? '' : `${globEscape(notesFolder)}/`;
  return [...extensions].map((extension) => `:(glob)${folder}**/*${globEscape(extension)}`);
}

/** A folder as it stands in a `:(glob)` pathspec: its wildcard characters taken literally. */
function globEscape(folder: string): string {
  return folder.replace(/[\\*?[\]]/g, '\\$&');
}

const SHALLOW_WARNING =
  'the repository is a shallow clone: lines from its oldest commit have no git date, so their answers are dated by their As of lines and reviewed: dates alone (fetch the whole history, e.g. fetch-depth: 0 in actions/checkout).';

function historyCapWarning(undatedNotes: number): string {
  const mib = MAX_HISTORY_BYTES / (1024 * 1024);
  const notes =
    undatedNotes === 1 ? '1 note with older lines is dated by its' : `${undatedNotes} notes with older lines are dated by their`;
  return `git's history of the notes is over ${mib} MiB; only its newest ${mib} MiB were read, so ${notes} As of lines and reviewed: dates alone.`;
}
