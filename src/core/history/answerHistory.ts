import type { NoteIndex } from '../index/noteIndex';
import { idKey } from './cellStates';
import { comparePictures, type CellChange } from './pictureChange';

/** One answer of the scope: a category × product × axis cell, by ids. */
export interface AnswerKey {
  readonly categoryId: string;
  readonly productId: string;
  readonly axisId: string;
}

/** A commit's analysis of the note: the scope and note as that commit holds them. */
export interface AnswerVersion<Commit> {
  readonly commit: Commit;
  readonly index: NoteIndex;
}

/** A commit where the answer changed, with how. */
export interface AnswerStep<Commit> {
  readonly commit: Commit;
  readonly change: CellChange;
}

/**
 * The commits where the answer changed, newest first. `versions` are newest first, each compared with the one after
 * it; the oldest is compared with `before` (the note's state before its history began), and left out when `before`
 * is undefined: history was cut there, so what came before it cannot be told.
 */
export function answerHistory<Commit>(
  versions: readonly AnswerVersion<Commit>[],
  before: NoteIndex | undefined,
  answer: AnswerKey,
): AnswerStep<Commit>[] {
  const key = idKey(answer.categoryId, answer.productId, answer.axisId);
  const steps: AnswerStep<Commit>[] = [];
  versions.forEach((version, at) => {
    const previous = versions[at + 1]?.index ?? before;
    if (!previous) return;
    const change = comparePictures(previous, version.index).changes.find(
      (cell) => idKey(cell.category.id, cell.product.id, cell.axis.id) === key,
    );
    if (change) steps.push({ commit: version.commit, change });
  });
  return steps;
}
