import { parseBlocks, type BlockToken } from '../notes/blockMarkdown';
import type { Lookup } from '../notes/scopeLookup';
import { MAX_NOTE_BYTES, utf8Length } from '../notes/decodeNote';
import type { AxisSection, NoteAnalysis } from '../notes/noteAnalyzer';
import { addSectionsEdits, appendToSectionEdit, applyTextEdits, axisHeadingLevel, type TextEdit } from '../notes/noteEdits';
import type { NoteIndex } from '../index/noteIndex';
import { openBlockAtEnd } from '../notes/openBlock';
import { parseNote } from '../notes/noteParser';
import type { NoteTarget } from '../notes/productMatcher';
import { notePathFor, noteTemplate } from '../notes/noteTemplate';
import { productOf, type Scope } from '../scope/scopeModel';
import { Glob } from '../scope/glob';
import { nearMissHeadings } from './scopeFacts';
import type { NotesOf } from '../scope/notesRule';

/** The most an agent may add in one section: a long answer, never a dump. */
export const MAX_SECTION_CHARS = 20_000;

/**
 * Where an answer goes: edits to an existing note, or a new note's whole text. Both only add to the team's
 * writing. `unchanged` when the section already holds the answer: writing it again adds nothing.
 */
export type SectionWrite =
  | {
      readonly ok: true;
      readonly path: string;
      readonly create: false;
      readonly edits: readonly TextEdit[];
      readonly text: string;
      readonly unchanged: boolean;
    }
  | { readonly ok: true; readonly path: string; readonly create: true; readonly text: string; readonly unchanged: false }
  | { readonly ok: false; readonly message: string };

/**
 * Adds an answer to a product's notes for one axis: a new section where the axis belongs when no note has one,
 * the answer appended to a section that is empty or a placeholder, or a new note from the template when the
 * product has none. Refuses an axis already answered or probably answered (a near-miss heading of its name in
 * one of the product's notes, to be renamed rather than doubled), a path outside the notes glob, a note that
 * would grow past the size limit, and text that would not stay an answer to this axis alone: a block it leaves
 * open, a heading that ends the section, anything that changes another section of the note. `read` gives a note's text
 * as it is now (undefined when there is none): the decision is taken on it, not on the index, which may be older.
 * An answer that does not date itself gets an `As of` line of the index's today, as a paragraph of its own.
 */
export function planSectionWrite(
  index: NoteIndex,
  target: NoteTarget,
  axisId: string,
  answer: string,
  read: (path: string) => string | undefined,
): SectionWrite {
  const found = productOf(index.scope, target);
  const axis = found?.category.axes.find((a) => a.id === axisId);
  if (!found || !axis) return { ok: false, message: 'No such product or axis in the scope.' };
  const checked = checkedAnswer(answer);
  if (!checked.ok) return checked;
  const { body, blocks } = checked.value;

  const listed = index.productCoverage(target).axes.find((a) => a.axisId === axisId)?.file ?? index.notesOf(target)[0];
  const path = listed ?? notePathFor(index.scope.notes, found.product);
  if (!isInsideNotes(index.scope, path)) return { ok: false, message: `${path} is outside the notes folder; nothing was written.` };
  const existing = read(path);
  if (listed !== undefined && existing === undefined) return { ok: false, message: `${path} cannot be read; nothing was written.` };
  const before = existing ?? noteTemplate(found.category, found.product);
  const analysis = index.analyzeText(path, before);
  if (!analysis) return { ok: false, message: `${path} cannot be analyzed (too large, binary or not UTF-8); nothing was written.` };
  const sections = analysis.sections.filter((s) => isSectionOf(s, target, axisId));
  const answered = sections.find((s) => s.status === 'answered');
  if (answered && sectionHolds(before, analysis, answered.headingIndex, body)) {
    return { ok: true, path, create: false, edits: [], text: before, unchanged: true };
  }
  if (answered) {
    return {
      ok: false,
      message: `${found.product.name} already answers "${axis.name}" in ${path}:${analysis.parsed.headings[answered.headingIndex].range.start.line + 1}; edit it there.`,
    };
  }

  const nearMisses = nearMissHeadings(index, target, analysis).get(axisId) ?? [];
  if (nearMisses.length > 0) {
    const headings = nearMisses.map((h) => `"${h.heading}" (${h.file}:${h.line})`).join(' and ');
    return {
      ok: false,
      message: `"${axis.name}" is probably answered already under the heading ${headings}, which comes near its name: rename that heading to "${axis.name}" instead of adding a second section beside it; nothing was written.`,
    };
  }

  const section = sections[0];
  const level = section ? analysis.parsed.headings[section.headingIndex].level : axisHeadingLevel(analysis, target.categoryId);
  const ending = headingRefusal(blocks, level, axis.name);
  if (ending) return { ok: false, message: ending };
  const dated = hasAsOf(body) ? body : `As of ${index.day()}\n\n${body}`;
  const edits = section
    ? [appendToSectionEdit(analysis, section.headingIndex, dated, (line) => before.split('\n', line + 1)[line] ?? '')]
    : addSectionsEdits(analysis, index.scope, target.categoryId, [axisId], new Map([[axisId, dated]]));
  const text = applyTextEdits(before, edits);

  const bytes = utf8Length(text);
  if (bytes > MAX_NOTE_BYTES) {
    return {
      ok: false,
      message: `With this answer ${path} would be ${bytes.toLocaleString('en')} bytes, over the ${MAX_NOTE_BYTES.toLocaleString('en')} bytes (${MAX_NOTE_BYTES / (1024 * 1024)} MB) a note may hold; nothing was written.`,
    };
  }
  const after = index.analyzeText(path, text);
  if (!after?.sections.some((s) => isSectionOf(s, target, axisId) && s.status === 'answered')) {
    return {
      ok: false,
      message: `The answer would not count where it goes in ${path} (an unclosed code block or comment before it?); nothing was written.`,
    };
  }
  const changed = changedAxes(index.scope, analysis, after, target, axisId, !section);
  if (changed.length > 0) {
    return {
      ok: false,
      message: `Written into ${path}, the text would also change the sections of ${changed.join(', ')}; nothing was written.`,
    };
  }
  return existing === undefined
    ? { ok: true, path, create: true, text, unchanged: false }
    : { ok: true, path, create: false, edits, text, unchanged: false };
}

/** An answer as written, trimmed, with its blocks: refused when empty, too long, or leaving a block open. */
export function checkedAnswer(answer: string): Lookup<{ body: string; blocks: readonly BlockToken[] }> {
  const body = answer.replace(/\r\n?/g, '\n').trim();
  if (body === '') return { ok: false, message: 'The section text is empty.' };
  if (body.length > MAX_SECTION_CHARS) return { ok: false, message: `The section text is over ${MAX_SECTION_CHARS} characters.` };
  const blocks = parseBlocks(body).tokens;
  const closer = openBlockAtEnd(blocks).openBlockCloser;
  if (closer) {
    return {
      ok: false,
      message: `The section text leaves a block open (it needs a closing ${closer}), which would hide the sections after it; nothing was written.`,
    };
  }
  return { ok: true, value: { body, blocks } };
}

/** Why an answer cannot go under a heading of `level`: a heading of its own that would end the section. */
export function headingRefusal(blocks: readonly BlockToken[], level: number, axisName: string): string | undefined {
  const heading = blocks.find((t) => t.type === 'heading_open' && Number(t.tag.slice(1)) <= level);
  if (!heading) return undefined;
  return `The section text has a heading of level ${heading.tag.slice(1)} on line ${(heading.map?.[0] ?? 0) + 1}, which would end the "${axisName}" section; use headings of level ${level + 1} or deeper, or none. Nothing was written.`;
}

/** Whether the answer dates itself with an `As of` line. */
export function hasAsOf(body: string): boolean {
  return parseNote(`# Answer\n\n${body}`).headings.some((h) => h.own.markers.some((m) => !m.unread));
}

export function isSectionOf(section: AxisSection, target: NoteTarget, axisId: string): boolean {
  return section.categoryId === target.categoryId && section.axisId === axisId;
}

/** Whether the section under a heading holds `body` already (compared with whitespace collapsed). */
function sectionHolds(text: string, analysis: NoteAnalysis, headingIndex: number, body: string): boolean {
  const heading = analysis.parsed.headings[headingIndex];
  const lines = text.split('\n').slice(heading.range.start.line + 1, heading.sectionEndLine);
  return collapse(lines.join('\n')).includes(collapse(body));
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The names of the axes whose sections differ between a note before and after a write, in status or number: all
 * but the written one, which must gain a section when `added` and may change status. A write touches one answer.
 */
export function changedAxes(
  scope: Scope,
  before: NoteAnalysis,
  after: NoteAnalysis,
  target: NoteTarget,
  axisId: string,
  added: boolean,
): string[] {
  const written = `${target.categoryId}\n${axisId}`;
  const tally = new Map<string, number>(added ? [[written, 1]] : []);
  const count = (sections: readonly AxisSection[], step: number) => {
    for (const s of sections) {
      const axis = `${s.categoryId}\n${s.axisId}`;
      const key = axis === written ? axis : `${axis}\n${s.status}`;
      tally.set(key, (tally.get(key) ?? 0) + step);
    }
  };
  count(before.sections, 1);
  count(after.sections, -1);
  const names = [...tally]
    .filter(([, n]) => n !== 0)
    .map(([key]) => {
      const [categoryId, id] = key.split('\n');
      return `"${scope.categories.find((c) => c.id === categoryId)?.axes.find((a) => a.id === id)?.name ?? id}"`;
    });
  return [...new Set(names)];
}

/** A note path relative to the scope file's folder that stays inside it and is a note of the scope (see Glob). */
export function isInsideNotes(notes: NotesOf, path: string): boolean {
  const parts = path.split('/');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || parts.some((p) => p === '..' || p === '.' || p === '' || p.includes('\\'))) {
    return false;
  }
  return new Glob(notes.notes, notes.exclude).matches(path);
}

/** What a write says it did, to the agent that asked for it. */
export function writtenMessage(plan: { readonly path: string; readonly create: boolean }, axisName: string): string {
  return `${plan.create ? 'Created' : 'Updated'} ${plan.path}: "${axisName}" is answered.`;
}

/**
 * What a write says when the note, or a folder on its way, is a symbolic link: written through it, the answer
 * would land elsewhere than the note's path says (in .git/hooks, say), in a file that need not be a note.
 */
export function linkMessage(link: string): string {
  return `${link} is a symbolic link, and notes are written only at their own path, never through a link; nothing was written.`;
}

/** Each folder on a note's way from the scope's folder, then the note: `research`, `research/a.md`. */
export function pathsOnTheWay(note: string): string[] {
  const parts = note.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** What a write says when the section held the answer already. */
export function unchangedMessage(path: string, axisName: string): string {
  return `${path} already holds this answer to "${axisName}"; nothing was written.`;
}
