/** Command ids that more than one feature names. */
export const RESEARCH_BRIEF_COMMAND = 'competitorScope.researchBrief';

/** History of this answer, given an AnswerHistoryTarget (the hover of an axis heading links to it). */
export const ANSWER_HISTORY_COMMAND = 'competitorScope.answerHistory';

/** The answer whose history is asked: a cell, and the note that answers it (else the one the scope's notes say). */
export interface AnswerHistoryTarget {
  readonly categoryId: string;
  readonly productId: string;
  readonly axisId: string;
  readonly root?: string;
  /** The note's URI, as a string. */
  readonly note?: string;
}
