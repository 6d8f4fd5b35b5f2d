import * as z from 'zod';
import type { Battlecard } from '../core/matrix/battlecard';
import { pageId, type MatrixComparison } from './matrixMessages';

/** The card compared with a point of history: its changed cells (our product's are under `subjectId`). */
export interface BattlecardComparison extends MatrixComparison {
  readonly subjectId: string | null;
}

/**
 * From the extension to a battlecard page: the card, again after every change, with its comparison (null when there is
 * none); or that its product left the scope.
 */
export type ToBattlecard =
  | { readonly type: 'card'; readonly card: Battlecard; readonly comparison: BattlecardComparison | null }
  | { readonly type: 'gone'; readonly product: string };

const side = z.enum(['ours', 'theirs']);

/** From a battlecard page to the extension, parsed like the matrix's before the extension acts. */
export const fromBattlecardSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  /** An axis of one side: open that side's note at its section (added when it is missing). */
  z.strictObject({ type: z.literal('openAxis'), side, axisId: pageId }),
  /** The export button: the extension asks for the format (Markdown or HTML) and the file. */
  z.strictObject({ type: z.literal('export') }),
  /** The copy button: the card as Markdown, to the clipboard. */
  z.strictObject({ type: z.literal('copy') }),
  /** Changed since…: the extension asks for a branch, tag or commit. */
  z.strictObject({ type: z.literal('compare') }),
  z.strictObject({ type: z.literal('stopComparing') }),
]);

export type FromBattlecard = z.infer<typeof fromBattlecardSchema>;

export function parseFromBattlecard(message: unknown): FromBattlecard | undefined {
  const parsed = fromBattlecardSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

/** What a battlecard page keeps with getState/setState: which card it shows, so that a reload restores it. */
export const battlecardStateSchema = z.object({ categoryId: pageId, productId: pageId });

export type BattlecardState = z.infer<typeof battlecardStateSchema>;
