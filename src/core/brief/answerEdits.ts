import { markReviewedEdit } from '../evidence/reviewedEdit';
import type { NoteIndex } from '../index/noteIndex';
import { MAX_NOTE_BYTES, utf8Length } from '../notes/decodeNote';
import type { NoteAnalysis } from '../notes/noteAnalyzer';
import { appendToSectionEdit, applyTextEdits, type TextEdit } from '../notes/noteEdits';
import type { NoteTarget } from '../notes/productMatcher';
import { readScore, sectionScoreLines } from '../notes/scoreLine';
import type { Lookup } from '../notes/scopeLookup';
import { scoringOf } from '../scope/scale';
import type { Axis } from '../scope/scopeModel';
import { changedAxes, checkedAnswer, collapse, hasAsOf, headingRefusal, isSectionOf, MAX_SECTION_CHARS } from './sectionWrite';

/**
 * The writers that change one existing answer (its score, its date, its text), planned on the note's text as it is
 * now: one edit of that answer, checked to leave every other section as it was, or a refusal saying why and that
 * nothing was written. Writing the same again changes nothing (`unchanged`).
 */

/** What an answer edit leads to: the note's new text, and the answer's own text's hash after it (see `hash`). */
export type AnswerPlan = Lookup<{ readonly text: string; readonly unchanged: boolean; readonly hash: string }>;

/** One answer to edit: the product and axis, and the note the index says holds it. */
export interface AnswerPlace {
  readonly target: NoteTarget;
  readonly axis: Axis;
  readonly path: string;
}

/** The note holding the product's answer to the axis, or why there is none to edit. */
export function answerPlace(index: NoteIndex, target: NoteTarget, axis: Axis, productName: string): Lookup<AnswerPlace> {
  const covered = index.productCoverage(target).axes.find((a) => a.axisId === axis.id);
  if (covered?.status !== 'answered' || covered.file === null) {
    return {
      ok: false,
      message: `${productName} has no answer to "${axis.name}" yet (it is ${covered?.status ?? 'missing'}): write one with add_section first; nothing was written.`,
    };
  }
  return { ok: true, value: { target, axis, path: covered.file } };
}

/** Writes `Score: N/SCALE` into the answer: its first score line's value replaced, or a line added at its end. */
export function planScore(index: NoteIndex, place: AnswerPlace, before: string, score: number, hash: Hash): AnswerPlan {
  const { scale } = scoringOf(index.scope);
  const reading = readScore(String(score), scale);
  if ('problem' in reading) return { ok: false, message: `${reading.problem} Nothing was written.` };
  return planEdit(index, place, before, hash, (analysis, headingIndex, lineText) => {
    const written = `${score}/${scale}`;
    const first = sectionScoreLines(analysis.parsed, headingIndex)[0];
    if (!first) return { ok: true, value: appendToSectionEdit(analysis, headingIndex, `Score: ${written}`, lineText) };
    const was = readScore(first.value, scale);
    if ('score' in was && was.score === score) return { ok: true, value: undefined };
    const { line, character } = first.range.end;
    const head = lineText(line).slice(0, character).trimEnd();
    if (first.value !== '' && !head.endsWith(first.value)) {
      return {
        ok: false,
        message: `The score line ${place.path}:${line + 1} is written in a way that cannot be rewritten safely; set it by hand. Nothing was written.`,
      };
    }
    const start = { line, character: head.length - first.value.length };
    return { ok: true, value: { range: { start, end: { line, character } }, newText: first.value === '' ? ` ${written}` : written } };
  });
}

/** Dates the answer today: its first date line's day replaced, or an `As of` line added under its heading. */
export function planReviewed(index: NoteIndex, place: AnswerPlace, before: string, hash: Hash): AnswerPlan {
  return planEdit(index, place, before, hash, (analysis, headingIndex, lineText) => ({
    ok: true,
    value: markReviewedEdit(analysis.parsed, headingIndex, index.day(), lineText),
  }));
}

/**
 * Replaces the answer's own text (up to the next heading of any level, so a deeper section stays) with `answer`, dated
 * today unless it dates itself, when `expected` is the hash of the text there now: a text changed since it was read is
 * refused with its current hash and text. The same answer again is unchanged, whatever hash comes with it.
 */
export function planUpdate(index: NoteIndex, place: AnswerPlace, before: string, answer: string, expected: string, hash: Hash): AnswerPlan {
  const checked = checkedAnswer(answer);
  if (!checked.ok) return checked;
  const { body, blocks } = checked.value;
  const dated = hasAsOf(body) ? body : `As of ${index.day()}\n\n${body}`;
  return planEdit(index, place, before, hash, (analysis, headingIndex, lineText) => {
    const heading = analysis.parsed.headings[headingIndex];
    const ending = headingRefusal(blocks, heading.level, place.axis.name);
    if (ending) return { ok: false, message: ending };
    const own = ownText(analysis, headingIndex, lineText);
    if ([body, dated].some((text) => collapse(text) === collapse(own.text))) return { ok: true, value: undefined };
    const current = hash(own.text);
    if (expected !== current) {
      return {
        ok: false,
        message: `The "${place.axis.name}" answer in ${place.path} is not the text that hash was taken of: its hash is now ${current}. Read it again, then send that hash; nothing was written. Its text now:\n\n${shownText(own.text)}`,
      };
    }
    return { ok: true, value: { range: own.range, newText: `\n\n${dated}\n` } };
  });
}

/** An answer's text as a refusal quotes it: a long one cut at the length an answer may have. */
function shownText(text: string): string {
  return text.length > MAX_SECTION_CHARS ? `${text.slice(0, MAX_SECTION_CHARS)}…` : text;
}

/** How an answer's text is hashed (SHA-256 on Node): given by the caller, as core has no hash of its own. */
export type Hash = (text: string) => string;

type AnswerEdit = (analysis: NoteAnalysis, headingIndex: number, lineText: (line: number) => string) => Lookup<TextEdit | undefined>;

/** The answer's section found in the note as it is, edited (undefined: already as asked), and the result checked. */
function planEdit(index: NoteIndex, place: AnswerPlace, before: string, hash: Hash, edit: AnswerEdit): AnswerPlan {
  const { path, target, axis } = place;
  const analysis = index.analyzeText(path, before);
  const section = analysis?.sections.find((s) => isSectionOf(s, target, axis.id) && s.status === 'answered');
  if (!analysis || !section) {
    return { ok: false, message: `${path} no longer holds an answer to "${axis.name}" (edited meanwhile?); nothing was written.` };
  }
  if (section.byProduct || new Set(analysis.targets.map((t) => t.productId)).size > 1) {
    return {
      ok: false,
      message: `The "${axis.name}" answer in ${path} is shared by several products (a comparison note); edit it by hand. Nothing was written.`,
    };
  }
  const lines = before.split('\n').map((line) => line.replace(/\r$/, ''));
  const lineText = (line: number) => lines[line] ?? '';
  const planned = edit(analysis, section.headingIndex, lineText);
  if (!planned.ok) return planned;
  const text = planned.value ? applyTextEdits(before, [planned.value]) : before;
  const after = text === before ? analysis : index.analyzeText(path, text);
  const written = after?.sections.find((s) => isSectionOf(s, target, axis.id) && s.status === 'answered');
  if (!after || !written) return { ok: false, message: `The edit would leave "${axis.name}" unanswered in ${path}; nothing was written.` };
  const changed = changedAxes(index.scope, analysis, after, target, axis.id, false);
  if (changed.length > 0) {
    return { ok: false, message: `The edit would also change the sections of ${changed.join(', ')} in ${path}; nothing was written.` };
  }
  if (utf8Length(text) > MAX_NOTE_BYTES) {
    return { ok: false, message: `${path} would grow past the size a note may hold; nothing was written.` };
  }
  const afterLines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const own = ownText(after, written.headingIndex, (line) => afterLines[line] ?? '');
  return { ok: true, value: { text, unchanged: text === before, hash: hash(own.text) } };
}

/**
 * A heading's own text: from the line after it (after the underline of a setext heading) to the next heading of any
 * level, trimmed; `range` runs from the end of the heading to the start of that next heading (or the note's end).
 */
export function ownText(
  analysis: NoteAnalysis,
  headingIndex: number,
  lineText: (line: number) => string,
): { text: string; range: TextEdit['range'] } {
  const { headings, lineCount } = analysis.parsed;
  const heading = headings[headingIndex];
  const setext = !lineText(heading.range.start.line).trimStart().startsWith('#');
  const last = heading.range.end.line + (setext ? 1 : 0);
  const end = headings[headingIndex + 1]?.range.start.line ?? lineCount;
  const lines: string[] = [];
  for (let line = last + 1; line < end; line++) lines.push(lineText(line));
  const startAt = { line: last, character: lineText(last).length };
  const endAt = { line: end - 1, character: lineText(end - 1).length };
  return { text: lines.join('\n').trim(), range: { start: startAt, end: end - 1 <= last ? startAt : endAt } };
}
