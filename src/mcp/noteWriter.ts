import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnswerPlan } from '../core/brief/answerEdits';
import type { Lookup } from '../core/notes/scopeLookup';
import { linkMessage, pathsOnTheWay, planSectionWrite, unchangedMessage, writtenMessage } from '../core/brief/sectionWrite';
import { decodeNote, MAX_NOTE_BYTES } from '../core/notes/decodeNote';
import type { NoteIndex } from '../core/index/noteIndex';
import type { NoteTarget } from '../core/notes/productMatcher';
import type { Axis } from '../core/scope/scopeModel';
import { readBounded } from '../node/boundedRead';

/**
 * add_section on disk: the answer planned on the note as it is now, then written. Reading, planning and writing
 * are one synchronous step, so that no other call of this process comes between them: calls made at once are
 * written one after the other, each deciding on what the one before left (the same answer again is then
 * unchanged, another one refused, a note created meanwhile added to). `root` is the folder the notes glob is
 * relative to; no note is read or written through a symbolic link.
 */
export function writeSection(root: string, index: NoteIndex, target: NoteTarget, axis: Axis, answer: string): Lookup<string> {
  let refusal: Extract<Lookup<string>, { ok: false }> | undefined;
  const read = (note: string): string | undefined => {
    const file = noteFile(root, note);
    if (file.ok) return readNote(file.value);
    refusal = file;
    return undefined;
  };
  const plan = planSectionWrite(index, target, axis.id, answer, read);
  // The note the plan read is no note to write: why is the answer, whatever the plan made of its absence.
  if (refusal) return refusal;
  if (!plan.ok) return plan;
  if (plan.unchanged) return { ok: true, value: unchangedMessage(plan.path, axis.name) };
  const file = noteFile(root, plan.path);
  if (!file.ok) return file;
  try {
    if (plan.create) fs.mkdirSync(path.dirname(file.value), { recursive: true });
    // A new note never replaces a file: one there that could not be read (too large, binary) stays as it is.
    fs.writeFileSync(file.value, plan.text, { flag: plan.create ? 'wx' : 'w' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message:
        code === 'EEXIST'
          ? `${plan.path} exists but cannot be read as a note; nothing was written.`
          : `${plan.path} could not be written (${code ?? 'error'}).`,
    };
  }
  return { ok: true, value: writtenMessage(plan, axis.name) };
}

/**
 * One existing answer edited on disk (set_score, mark_reviewed, update_answer): the note read, the edit planned on it and
 * written in one synchronous step, as writeSection does, so that calls made at once are applied one after the other.
 */
export function writeAnswer(root: string, note: string, plan: (text: string) => AnswerPlan): AnswerPlan {
  const file = noteFile(root, note);
  if (!file.ok) return file;
  const before = readNote(file.value);
  if (before === undefined) return { ok: false, message: `${note} cannot be read as a note; nothing was written.` };
  const planned = plan(before);
  if (!planned.ok || planned.value.unchanged) return planned;
  try {
    fs.writeFileSync(file.value, planned.value.text);
  } catch (error) {
    return { ok: false, message: `${note} could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}).` };
  }
  return planned;
}

/**
 * A note's absolute path, when neither it nor a folder between `root` and it is a symbolic link (see linkMessage).
 * The note's path is one the plan checked: relative, inside the notes glob, without `..`.
 */
function noteFile(root: string, note: string): Lookup<string> {
  for (const shown of pathsOnTheWay(note)) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(path.join(root, shown), { throwIfNoEntry: false });
    } catch (error) {
      return {
        ok: false,
        message: `${note} cannot be reached (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was written.`,
      };
    }
    if (stat?.isSymbolicLink()) return { ok: false, message: linkMessage(shown) };
  }
  return { ok: true, value: path.join(root, note) };
}

/** A note's text, read no further than the note size limit; undefined when there is none or it is no text note. */
function readNote(file: string): string | undefined {
  try {
    const read = readBounded(file, MAX_NOTE_BYTES);
    const decoded = read.ok ? decodeNote(read.bytes) : undefined;
    return decoded?.ok ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}
