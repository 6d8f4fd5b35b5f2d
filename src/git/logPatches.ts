import type { Hunk, LineDateTracker } from './historyDates';

/**
 * The most of one line kept: a header (`index …`, `@@ … @@`) or a path fits; of a diff's own lines only the first
 * character is needed, and a line as long as a note is never held.
 */
const MAX_KEPT = 4096;
const NUL = 0;
const LF = 10;
const COMMIT_MARK = 1;
const COLON = 0x3a;

/** A tracked note a commit changed, from its `--raw` record: the blob ids before and after. */
interface NoteChange {
  readonly path: string;
  readonly contentChanged: boolean;
}

/**
 * Reads `git log -p --raw -z --no-abbrev --full-index -U0 --format=%x01%aI` as it streams, into a LineDateTracker.
 * Each commit is `\x01<author date>` and NUL, its `--raw` records (`:<modes> <old id> <new id> <status>` NUL, path
 * NUL: paths as they are, never quoted), then its patches. A patch is matched to its note by the blob ids of its
 * `index` line, so no path is ever read from a patch header (which git quotes); two notes changed from the same
 * blob to the same blob have the same hunks.
 */
export class LogPatchReader {
  /** What the next record is: a line of a patch, a `--raw` record or the path that follows one. */
  private expect: 'line' | 'raw' | 'path' = 'line';
  /** The byte that ends the record being read; undefined between records. */
  private delimiter: number | undefined;
  private kept: Buffer[] = [];
  private keptLength = 0;
  /** The commit's day; undefined for a commit whose day says nothing of its lines (see `shallow`). */
  private day: string | undefined = '';
  /** The `--raw` record waiting for its path. */
  private record = '';
  /** The commit's changes of tracked notes, by `old..new` blob ids, not yet matched to a patch. */
  private readonly changes = new Map<string, NoteChange[]>();
  private patch: { key?: string; readonly hunks: Hunk[] } | undefined;
  private minus = 0;
  private plus = 0;
  /**
   * The hunk being read when it replaces as many lines as it removes, with the removed lines' text without
   * white space: it changes spacing only when each added line is its removed line so read.
   */
  private respaced: { hunk: Hunk; readonly removed: string[]; checked: number } | undefined;

  /**
   * `shallow`: the history is a shallow clone's, whose boundary commits (shown without parents) hold every older
   * line as if written that day: their lines get no day.
   */
  constructor(
    private readonly tracker: LineDateTracker,
    private readonly shallow = false,
  ) {}

  write(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.delimiter === undefined) {
        const first = chunk[at];
        // Between a commit's header and its records, and after its last record, stand a line feed and a NUL.
        if (this.expect === 'raw' && (first === NUL || first === LF)) {
          at++;
          continue;
        }
        this.delimiter = this.expect === 'path' || first === COMMIT_MARK || (this.expect === 'raw' && first === COLON) ? NUL : LF;
      }
      const end = chunk.indexOf(this.delimiter, at);
      this.keep(chunk.subarray(at, end === -1 ? chunk.length : end));
      if (end === -1) return;
      at = end + 1;
      this.delimiter = undefined;
      this.handle(this.take());
    }
  }

  /** The end of the whole history: its last commit is applied. (Not called when reading stopped midway.) */
  end(): void {
    this.endCommit();
  }

  private handle(record: Buffer): void {
    if (this.expect === 'path') {
      this.addChange(this.record, record.toString('utf8'));
      this.expect = 'raw';
    } else if (record[0] === COMMIT_MARK) {
      this.endCommit();
      // `%x01%aI %P`: the author's date, a space, the parents' ids (none for a root or a shallow boundary).
      const parentless = !record.toString('latin1').trimEnd().includes(' ');
      this.day = this.shallow && parentless ? undefined : record.toString('latin1', 1, 11);
      this.expect = 'raw';
    } else if (this.expect === 'raw' && record[0] === COLON) {
      this.record = record.toString('latin1');
      this.expect = 'path';
    } else {
      this.expect = 'line';
      this.line(record);
    }
  }

  private line(line: Buffer): void {
    const first = line[0];
    if (this.minus > 0 && first === 0x2d /* - */) {
      this.minus--;
      this.respaced?.removed.push(withoutSpace(line));
    } else if (this.plus > 0 && first === 0x2b /* + */) {
      this.plus--;
      this.checkSpacing(line);
    } else if (first === 0x5c /* \ No newline at end of file */) return;
    else this.header(line.toString('latin1'));
  }

  private checkSpacing(line: Buffer): void {
    const respaced = this.respaced;
    if (!respaced) return;
    if (respaced.removed[respaced.checked++] !== withoutSpace(line)) this.respaced = undefined;
    else if (respaced.checked === respaced.hunk.newCount) respaced.hunk.spacingOnly = true;
  }

  private header(line: string): void {
    this.minus = 0;
    this.plus = 0;
    this.respaced = undefined;
    if (line.startsWith('diff --git ')) {
      this.endPatch();
      this.patch = { hunks: [] };
    } else if (line.startsWith('index ') && this.patch) {
      const ids = /^index ([0-9a-f]+)\.\.([0-9a-f]+)/.exec(line);
      if (ids) this.patch.key = `${ids[1]}..${ids[2]}`;
    } else if (line.startsWith('@@ ') && this.patch) {
      const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) return;
      const [oldCount, newStart, newCount] = [Number(hunk[1] ?? '1'), Number(hunk[2]), Number(hunk[3] ?? '1')];
      const read: Hunk = { newStart, newCount, oldCount };
      this.patch.hunks.push(read);
      if (oldCount === newCount) this.respaced = { hunk: read, removed: [], checked: 0 };
      this.minus = oldCount;
      this.plus = newCount;
    }
  }

  /** `:<old mode> <new mode> <old id> <new id> <status>` and its path: kept when the path is a tracked note's. */
  private addChange(record: string, path: string): void {
    if (!this.tracker.isTracked(path)) return;
    const [, , before, after] = record.slice(1).split(' ');
    const key = `${before}..${after}`;
    const list = this.changes.get(key) ?? [];
    list.push({ path, contentChanged: before !== after });
    this.changes.set(key, list);
  }

  private endPatch(): void {
    const patch = this.patch;
    this.patch = undefined;
    const change = patch?.key === undefined ? undefined : this.changes.get(patch.key)?.shift();
    if (!patch || !change) return;
    if (patch.hunks.length > 0) this.tracker.apply(change.path, patch.hunks, this.day);
    // Binary to git, or larger than a note can be: no line of the revision before can be followed.
    else if (change.contentChanged) this.tracker.dateRest(change.path, this.day);
  }

  /** Applies the commit's last patch; a note it changed without a patch read is taken as rewritten that day. */
  private endCommit(): void {
    this.endPatch();
    for (const list of this.changes.values()) {
      for (const change of list) if (change.contentChanged) this.tracker.dateRest(change.path, this.day);
    }
    this.changes.clear();
    this.minus = 0;
    this.plus = 0;
  }

  private keep(part: Buffer): void {
    if (this.keptLength >= MAX_KEPT) return;
    const kept = part.subarray(0, MAX_KEPT - this.keptLength);
    this.kept.push(kept);
    this.keptLength += kept.length;
  }

  private take(): Buffer {
    const record = this.kept.length === 1 ? this.kept[0] : Buffer.concat(this.kept);
    this.kept = [];
    this.keptLength = 0;
    return record;
  }
}

/** A diff line's text (after its `-` or `+`) without white space. */
function withoutSpace(line: Buffer): string {
  return line.toString('utf8', 1).replace(/\s+/g, '');
}
