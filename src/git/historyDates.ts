import type { LineDates } from '../core/evidence/sectionEvidence';
import type { NoteLines } from './gitDates';

/** A hunk of a `-U0` diff: `@@ -oldStart,oldCount +newStart,newCount @@`. */
interface Hunk {
  readonly newStart: number;
  readonly newCount: number;
  readonly oldCount: number;
}

/** One note's lines followed back through history: where each still-undated line stands in the revision at hand. */
interface TrackedNote {
  /** By current line: its 1-based line in the revision being read, or 0 once dated. */
  readonly at: Int32Array;
  readonly dates: string[];
  pending: number;
  /** The oldest day a change to it was seen, for lines left when the history ends (a shallow clone). */
  oldest?: string;
}

/**
 * Dates every line of many notes from one stream of diffs, newest first — the working tree against HEAD, then
 * `git log -p -U0 --first-parent` — as `git blame` would, but in one pass for all notes: a line added by a diff
 * gets its commit's day; the others are mapped to their place in the revision before it, and so on back.
 */
export class LineDateTracker {
  private readonly notes = new Map<string, TrackedNote>();

  constructor(notes: readonly NoteLines[]) {
    for (const { path, lineCount } of notes) {
      const at = new Int32Array(lineCount);
      for (let i = 0; i < lineCount; i++) at[i] = i + 1;
      this.notes.set(path, { at, dates: new Array<string>(lineCount), pending: lineCount });
    }
  }

  /** Reads diffs (of `git diff` or `git log -p --format=%x01%aI`); the day of lines they add is `day` until a commit line says otherwise. */
  read(output: string, day: string): void {
    let commitDay = day;
    let note: TrackedNote | undefined;
    let hunks: Hunk[] = [];
    let minus = 0;
    let plus = 0;
    const flush = () => {
      if (note && hunks.length > 0) this.apply(note, hunks, commitDay);
      hunks = [];
    };
    for (const line of output.split('\n')) {
      if (minus > 0 && line.startsWith('-')) minus--;
      else if (plus > 0 && line.startsWith('+')) plus--;
      else if (line.startsWith('\\')) continue; // "\ No newline at end of file"
      else if (line.startsWith('\u0001')) {
        flush();
        note = undefined;
        commitDay = line.slice(1, 11);
      } else if (line.startsWith('diff --git ')) {
        flush();
        note = undefined;
      } else if (line.startsWith('+++ ')) {
        note = this.notes.get(diffPath(line.slice(4)) ?? '');
      } else if (line.startsWith('@@ ')) {
        const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
        if (!hunk) continue;
        const [oldCount, newStart, newCount] = [Number(hunk[1] ?? '1'), Number(hunk[2]), Number(hunk[3] ?? '1')];
        hunks.push({ newStart, newCount, oldCount });
        minus = oldCount;
        plus = newCount;
      }
    }
    flush();
  }

  /** Each note's line dates; lines no diff accounted for are today's (a note git does not track) or the oldest day seen. */
  result(today: string): Map<string, LineDates> {
    const result = new Map<string, LineDates>();
    for (const [path, note] of this.notes) {
      const rest = note.oldest ?? today;
      for (let i = 0; i < note.dates.length; i++) note.dates[i] ??= rest;
      result.set(path, note.dates);
    }
    return result;
  }

  /** One revision's hunks of a note: the lines they add are dated; the others move to their place before it. */
  private apply(note: TrackedNote, hunks: readonly Hunk[], day: string): void {
    note.oldest = day;
    if (note.pending === 0) return;
    let h = 0;
    let shift = 0;
    for (let i = 0; i < note.at.length; i++) {
      const line = note.at[i];
      if (line === 0) continue;
      // A hunk that adds nothing sits after its newStart line.
      while (h < hunks.length && line >= hunks[h].newStart + Math.max(hunks[h].newCount, 1)) {
        shift += hunks[h].newCount - hunks[h].oldCount;
        h++;
      }
      const hunk = hunks[h];
      if (hunk && hunk.newCount > 0 && line >= hunk.newStart) {
        note.dates[i] = day;
        note.at[i] = 0;
        note.pending--;
      } else {
        note.at[i] = line - shift;
      }
    }
  }
}

/** `b/path` of a `+++` line (quoted by git when it holds special characters; a tab ends a name with spaces). */
function diffPath(name: string): string | undefined {
  let path = name.replace(/\t$/, '');
  if (path.startsWith('"')) {
    try {
      path = JSON.parse(path) as string;
    } catch {
      return undefined;
    }
  }
  return path.startsWith('b/') ? path.slice(2) : undefined;
}

/**
 * Line dates from `git blame --porcelain`: each line's commit, whose `author-time` and `author-tz` give the day
 * in the author's time zone (as `%aI` does); lines not committed yet are today's.
 */
export function blameDates(output: string, today: string): LineDates {
  const days = new Map<string, string>();
  const dates: string[] = [];
  let commit = '';
  let finalLine = 0;
  let time: number | undefined;
  for (const line of output.split('\n')) {
    const header = /^([0-9a-f]{40,64}) \d+ (\d+)/.exec(line);
    if (header) {
      commit = header[1];
      finalLine = Number(header[2]);
    } else if (line.startsWith('author-time ')) {
      time = Number(line.slice(12));
    } else if (line.startsWith('author-tz ') && time !== undefined) {
      days.set(commit, dayInZone(time, line.slice(10)));
      time = undefined;
    } else if (line.startsWith('\t')) {
      dates[finalLine - 1] = /^0+$/.test(commit) ? today : (days.get(commit) ?? today);
    }
  }
  for (let i = 0; i < dates.length; i++) dates[i] ??= today;
  return dates;
}

/** The calendar day of a Unix time in a `+hhmm` zone. */
function dayInZone(seconds: number, zone: string): string {
  const match = /^([+-])(\d{2})(\d{2})$/.exec(zone);
  const offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60 : 0;
  return new Date((seconds + offset) * 1000).toISOString().slice(0, 10);
}
