import type { LineDates } from '../core/evidence/sectionEvidence';

/** A hunk of a `-U0` diff, `@@ -oldStart,oldCount +newStart,newCount @@`: where a change sits in the newer text. */
export interface Hunk {
  /** The first line it adds (1-based); when it adds none, the line after which it removed some. */
  readonly newStart: number;
  readonly newCount: number;
  readonly oldCount: number;
  /** Each line it adds is the line it removes there but for white space: the answer did not change. */
  spacingOnly?: boolean;
}

/** One note's lines followed back through history: where each still-undated line stands in the revision at hand. */
interface TrackedNote {
  /** By current line: its 1-based line in the revision being read, or 0 once dated. */
  readonly at: Int32Array;
  readonly dates: (string | undefined)[];
  /** By current line: it is blank, and dates nothing. */
  readonly blank: Uint8Array;
  pending: number;
  /** The text ends with a line break: the analysis counts one more (empty) line than git does. */
  readonly lastLineEmpty: boolean;
  /** The oldest day a change to it was seen, for lines left when the whole history has been read. */
  oldest?: string;
}

/**
 * Dates every line of many notes from the diffs that made them, newest first (the working tree against HEAD, then
 * each commit of `git log --first-parent`), as `git blame` would, but in one pass for all notes: a line a diff adds
 * gets that diff's day; the others are mapped to their place in the revision before it, and so on back.
 */
export class LineDateTracker {
  private readonly notes = new Map<string, TrackedNote>();
  private pendingLines = 0;

  /** Follows a note of these lines as git counts them (see gitLines). */
  track(path: string, lines: readonly string[], lastLineEmpty: boolean): void {
    const at = new Int32Array(lines.length);
    const blank = new Uint8Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      at[i] = i + 1;
      blank[i] = lines[i].trim() === '' ? 1 : 0;
    }
    this.notes.set(path, { at, dates: new Array<string | undefined>(lines.length), blank, pending: lines.length, lastLineEmpty });
    this.pendingLines += lines.length;
  }

  isTracked(path: string): boolean {
    return this.notes.has(path);
  }

  /** Every line of every note has its day: the rest of the history cannot change any. */
  get allDated(): boolean {
    return this.pendingLines === 0;
  }

  /**
   * One revision's hunks of a note: the lines they add are dated `day` (undefined: a revision whose day says
   * nothing, the boundary of a shallow clone); the others move to their place before it.
   */
  apply(path: string, hunks: readonly Hunk[], day: string | undefined): void {
    const note = this.notes.get(path);
    if (!note) return;
    note.oldest = day;
    let h = 0;
    let shift = 0;
    for (let i = 0; i < note.at.length && note.pending > 0; i++) {
      const line = note.at[i];
      if (line === 0) continue;
      // A hunk that adds nothing sits after its newStart line.
      while (h < hunks.length && line >= hunks[h].newStart + Math.max(hunks[h].newCount, 1)) {
        shift += hunks[h].newCount - hunks[h].oldCount;
        h++;
      }
      const hunk = hunks[h];
      if (hunk && hunk.newCount > 0 && line >= hunk.newStart && !hunk.spacingOnly) this.date(note, i, day);
      else note.at[i] = line - shift;
    }
  }

  /** A revision whose lines cannot be followed further back (new, binary before, too large to diff): all are `day`'s. */
  dateRest(path: string, day: string | undefined): void {
    const note = this.notes.get(path);
    if (!note) return;
    note.oldest = day;
    for (let i = 0; i < note.at.length && note.pending > 0; i++) if (note.at[i] !== 0) this.date(note, i, day);
  }

  /**
   * Each note's line dates, as the analysis counts lines; blank lines have none. With the whole history read, lines
   * it did not account for are the oldest day seen, else today's, or have none in a shallow clone (whose history
   * starts after them); with only part of it read, a note with lines left undated is left out, dated by its
   * markers alone rather than wrongly.
   */
  result(today: string, wholeHistory: boolean, shallow = false): Map<string, LineDates> {
    const result = new Map<string, LineDates>();
    for (const [path, note] of this.notes) {
      if (note.pending > 0 && !wholeHistory) continue;
      const rest = shallow ? undefined : (note.oldest ?? today);
      for (let i = 0; i < note.dates.length; i++) {
        if (note.at[i] !== 0) note.dates[i] = rest;
        if (note.blank[i]) note.dates[i] = undefined;
      }
      // The empty line after the last line break, as the analysis counts it: blank.
      if (note.lastLineEmpty) note.dates.push(undefined);
      result.set(path, note.dates);
    }
    return result;
  }

  /** How many notes still have undated lines. */
  get undatedNotes(): number {
    let count = 0;
    for (const note of this.notes.values()) if (note.pending > 0) count++;
    return count;
  }

  private date(note: TrackedNote, index: number, day: string | undefined): void {
    note.dates[index] = day;
    note.at[index] = 0;
    note.pending--;
    this.pendingLines--;
  }
}
