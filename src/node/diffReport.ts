import * as path from 'node:path';
import { changeText, kindsWords, stateWords, headline } from '../core/history/changeWords';
import type { CellState, PictureChange } from '../core/history/pictureChange';
import { plainLines } from '../core/printable';
import { annotation } from './githubFormat';
import { shownPath } from './workspace';

/** A point compared: the ref as given (or chosen) and its commit; no commit for the working tree. */
export interface ComparedPoint {
  readonly ref: string;
  readonly commit: string | null;
}

/** How the outputs name files: notes are relative to the scope's folder, shown relative to `shownFrom`. */
export interface DiffFiles {
  readonly notesRoot: string;
  readonly shownFrom: string;
}

/** A point as the outputs name it: `main (1a2b3c4)`, a commit by its short id, or the working tree. */
export function pointName(point: ComparedPoint): string {
  if (point.commit === null) return point.ref;
  const short = point.commit.slice(0, 7);
  return point.ref === point.commit ? short : `${point.ref} (${short})`;
}

/** `diff --format json`: the points, every changed cell before and after, the scope's changes and the totals. */
export function diffJson(picture: PictureChange, base: ComparedPoint, head: ComparedPoint, files: DiffFiles): string {
  return `${JSON.stringify(diffFacts(picture, base, head, files), null, 2)}\n`;
}

/** What `diff --format json` prints, as data: files relative to `files.shownFrom`, lines 1-based. */
export function diffFacts(picture: PictureChange, base: ComparedPoint, head: ComparedPoint, files: DiffFiles) {
  const state = (s: CellState | null) =>
    s && {
      status: s.status,
      score: s.score,
      verdict: s.verdict,
      sources: s.sources,
      asOf: s.asOf,
      stale: s.stale,
      excerpt: s.excerpt,
      file: s.file === null ? null : shownNote(files, s.file),
      line: s.line === null ? null : s.line + 1,
    };
  const changes = picture.changes.map((c) => ({
    category: c.category,
    product: c.product,
    axis: c.axis,
    subject: c.subject,
    kinds: c.kinds,
    before: state(c.before),
    after: state(c.after),
    sources: { added: c.sourcesAdded, removed: c.sourcesRemoved },
    verdictBySubject: c.verdictBySubject,
  }));
  return { base, head, changes, scope: picture.scope, summary: picture.summary };
}

/** `diff --format text`: a line per changed cell, the scope's changes, the totals and a last line naming the points. */
export function diffText(picture: PictureChange, base: ComparedPoint, head: ComparedPoint): string {
  return plainLines(changeText(picture, { base: pointName(base), head: pointName(head) }));
}

/**
 * `diff --format github`: one notice per changed cell, on the HEAD section that answers it (or on the BASE note where
 * it was answered, when it no longer is), then the summary line.
 */
export function diffGithub(picture: PictureChange, base: ComparedPoint, head: ComparedPoint, files: DiffFiles): string {
  const notices = picture.changes.map((c) => {
    const at = c.after?.file != null ? c.after : c.before?.file != null ? c.before : null;
    const where = at && at.file !== null && at.line !== null ? { file: shownNote(files, at.file), line: at.line + 1 } : {};
    const message = `${c.category.name} / ${c.product.name} / ${c.axis.name}: ${kindsWords(c)}: ${stateWords(c.before, false)} → ${stateWords(c.after, false)}`;
    return annotation('notice', { ...where, title: 'competitor-scope diff' }, message);
  });
  return notices.join('') + plainLines([`${headline(picture.summary)}; from ${pointName(base)} to ${pointName(head)}.`]);
}

function shownNote(files: DiffFiles, note: string): string {
  return shownPath(files.shownFrom, path.join(files.notesRoot, note));
}
