import type { CellStatus } from './matrixModel';

/** Each status has a symbol and a word, so that it never rests on colour alone. */
export const STATUS_SYMBOL: Readonly<Record<CellStatus, string>> = { answered: '●', placeholder: '◐', empty: '○', missing: '✕' };

export const STATUS_LABEL: Readonly<Record<CellStatus, string>> = { answered: 'Answered', placeholder: 'Placeholder', empty: 'Empty', missing: 'Missing' };

export const STATUSES: readonly CellStatus[] = ['answered', 'placeholder', 'empty', 'missing'];
