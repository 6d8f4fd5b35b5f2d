import { addSectionsEdits, appendToSectionEdit, applyTextEdits, type TextEdit } from '../notes/noteEdits';
import type { NoteIndex } from '../notes/noteIndex';
import type { NoteTarget } from '../notes/productMatcher';
import { notePathFor, noteTemplate } from '../noteTemplate';
import { productOf } from '../scopeModel';
import { Glob } from '../glob';

/** The most an agent may add in one section: a long answer, never a dump. */
export const MAX_SECTION_CHARS = 20_000;

/**
 * Where an answer goes: edits to an existing note, or a new note's whole text. Both only add to the team's
 * writing. `unchanged` when the section already holds the answer: writing it again adds nothing.
 */
export type SectionWrite =
  | { readonly ok: true; readonly path: string; readonly create: false; readonly edits: readonly TextEdit[]; readonly text: string; readonly unchanged: boolean }
  | { readonly ok: true; readonly path: string; readonly create: true; readonly text: string; readonly unchanged: false }
  | { readonly ok: false; readonly message: string };

/**
 * Adds an answer to a product's notes for one axis: a new section where the axis belongs when no note has one,
 * the answer appended to a section that is empty or a placeholder, or a new note from the template when the
 * product has none. Refuses an axis already answered, a path outside the notes glob, and an answer that would
 * not count where it lands (inside an unclosed code fence, say). `read` gives a note's current text.
 */
export function planSectionWrite(index: NoteIndex, target: NoteTarget, axisId: string, answer: string, read: (path: string) => string | undefined): SectionWrite {
  const found = productOf(index.scope, target);
  const axis = found?.category.axes.find((a) => a.id === axisId);
  if (!found || !axis) return { ok: false, message: 'No such product or axis in the scope.' };
  const body = answer.replace(/\r\n?/g, '\n').trim();
  if (body === '') return { ok: false, message: 'The section text is empty.' };
  if (body.length > MAX_SECTION_CHARS) return { ok: false, message: `The section text is over ${MAX_SECTION_CHARS} characters.` };

  const covered = index.productCoverage(target).axes.find((a) => a.axisId === axisId);
  if (covered?.status === 'answered' && covered.file !== null) {
    const existing = read(covered.file);
    if (existing !== undefined && sectionHolds(index, covered.file, existing, target, axisId, body)) return { ok: true, path: covered.file, create: false, edits: [], text: existing, unchanged: true };
  }
  if (covered?.status === 'answered') return { ok: false, message: `${found.product.name} already answers "${axis.name}" in ${covered.file}:${(covered.line ?? 0) + 1}; edit it there.` };
  const path = covered?.file ?? index.notesOf(target)[0] ?? notePathFor(index.scope.notes, found.product);
  if (!isInsideNotes(index.scope.notes, path)) return { ok: false, message: `${path} is outside the notes folder; nothing was written.` };

  const exists = covered?.file != null || index.notesOf(target).length > 0;
  const existing = exists ? read(path) : undefined;
  if (exists && existing === undefined) return { ok: false, message: `${path} cannot be read; nothing was written.` };
  const before = existing ?? noteTemplate(found.category, found.product);
  const analysis = index.analyzeText(path, before);
  if (!analysis) return { ok: false, message: `${path} cannot be analyzed (too large, binary or not UTF-8); nothing was written.` };
  const section = analysis.sections.find((s) => s.categoryId === target.categoryId && s.axisId === axisId);
  const edits = section ? [appendToSectionEdit(analysis, section.headingIndex, body)] : addSectionsEdits(analysis, index.scope, target.categoryId, [axisId], new Map([[axisId, body]]));
  const text = applyTextEdits(before, edits);

  const after = index.analyzeText(path, text);
  const counts = after?.sections.some((s) => s.categoryId === target.categoryId && s.axisId === axisId && s.status === 'answered');
  if (!counts) return { ok: false, message: `The answer would not count where it goes in ${path} (an unclosed code block or comment before it?); nothing was written.` };
  return existing === undefined ? { ok: true, path, create: true, text, unchanged: false } : { ok: true, path, create: false, edits, text, unchanged: false };
}

/** Whether the answered section of the axis in a note's text holds `body` already (compared with whitespace collapsed). */
function sectionHolds(index: NoteIndex, path: string, text: string, target: NoteTarget, axisId: string, body: string): boolean {
  const analysis = index.analyzeText(path, text);
  const section = analysis?.sections.find((s) => s.categoryId === target.categoryId && s.axisId === axisId && s.status === 'answered');
  if (!analysis || !section) return false;
  const heading = analysis.parsed.headings[section.headingIndex];
  const lines = text.split('\n').slice(heading.range.start.line + 1, heading.sectionEndLine);
  return collapse(lines.join('\n')).includes(collapse(body));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A note path relative to the scope file's folder that stays inside it and matches the notes glob. */
export function isInsideNotes(notesGlob: string, path: string): boolean {
  const parts = path.split('/');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || parts.some((p) => p === '..' || p === '.' || p === '' || p.includes('\\'))) return false;
  return new Glob(notesGlob).matches(path);
}

/** What a write says it did, to the agent that asked for it. */
export function writtenMessage(plan: { readonly path: string; readonly create: boolean }, axisName: string): string {
  return `${plan.create ? 'Created' : 'Updated'} ${plan.path}: "${axisName}" is answered.`;
}

/** What a write says when the section held the answer already. */
export function unchangedMessage(path: string, axisName: string): string {
  return `${path} already holds this answer to "${axisName}"; nothing was written.`;
}
