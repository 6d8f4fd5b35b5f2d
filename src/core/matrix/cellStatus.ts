import type { CellStatus, MatrixCell } from './matrixModel';

/** Each status has a symbol and a word, so that it never rests on colour alone. */
export const STATUS_SYMBOL: Readonly<Record<CellStatus, string>> = { answered: '●', placeholder: '◐', empty: '○', missing: '✕' };

export const STATUS_LABEL: Readonly<Record<CellStatus, string>> = {
  answered: 'Answered',
  placeholder: 'Placeholder',
  empty: 'Empty',
  missing: 'Missing',
};

export const STATUSES: readonly CellStatus[] = ['answered', 'placeholder', 'empty', 'missing'];

/** Marks on answers, each with a symbol beside its word: stale (older than its freshness limit) and unsourced. */
export const EVIDENCE_SYMBOL = { stale: '⌛', unsourced: '⊘' } as const;

/**
 * An answer's evidence as the exports show it, in order: its age, its sources (as the format writes them, or
 * nothing without any), and its marks; each already escaped for the format by `sources` and the caller.
 */
export function evidenceParts(
  cell: AnswerEvidence,
  sources: string,
  mark: (kind: keyof typeof EVIDENCE_SYMBOL, text: string) => string = (_, text) => text,
): string[] {
  return [
    ...(cell.age ? [cell.age] : []),
    ...(sources ? [sources] : []),
    ...(cell.unsourced ? [mark('unsourced', `${EVIDENCE_SYMBOL.unsourced} unsourced`)] : []),
    ...(cell.stale ? [mark('stale', `${EVIDENCE_SYMBOL.stale} stale`)] : []),
  ];
}

/** What an answer rests on and how old it is, as a matrix cell and a battlecard side both carry it. */
export type AnswerEvidence = Pick<MatrixCell, 'status' | 'age' | 'sources' | 'stale' | 'unsourced' | 'asOf'>;
