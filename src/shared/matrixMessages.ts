import * as z from 'zod';
import type { MatrixPatch } from '../core/matrix/matrixDiff';
import type { MatrixModel } from '../core/matrix/matrixModel';
import type { Battlecard } from '../core/matrix/battlecard';

/**
 * From the extension to the webview: the matrix once it is ready — with `loading`, only its first rows, the others
 * following in patches until `loaded` — then only what changed; and a product to show and focus (the matrix
 * opened "at" a product, from a note's lens).
 */
export type ToWebview =
  | { readonly type: 'model'; readonly model: MatrixModel; readonly loading: boolean }
  | { readonly type: 'loaded' }
  | { readonly type: 'patch'; readonly patch: MatrixPatch }
  | { readonly type: 'reveal'; readonly categoryId: string; readonly productId: string };

const id = z.string().min(1).max(200);

/**
 * From the webview to the extension. The webview shows team text and is treated as untrusted:
 * every message is parsed here before the extension acts on it, and ids are then looked up in the scope.
 */
export const fromWebviewSchema = z.discriminatedUnion('type', [
  /** The script runs and listens: the extension may post the model. */
  z.strictObject({ type: z.literal('ready') }),
  /** A cell was clicked or activated: open its section, or add it when it is missing. */
  z.strictObject({ type: z.literal('openCell'), categoryId: id, productId: id, axisId: id }),
  /** A product's name was clicked or activated: open its note. */
  z.strictObject({ type: z.literal('openProduct'), categoryId: id, productId: id }),
  /** A source of a cell: the extension opens it in the browser when the cell cites it and it is http(s). */
  z.strictObject({ type: z.literal('openSource'), categoryId: id, productId: id, axisId: id, url: z.string().min(1).max(4096) }),
  /** The export button: the extension asks for the format and the file. */
  z.strictObject({ type: z.literal('export') }),
]);

export type FromWebview = z.infer<typeof fromWebviewSchema>;

export function parseFromWebview(message: unknown): FromWebview | undefined {
  const parsed = fromWebviewSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

/** From the extension to a battlecard page: the card, again after every change; or that its product left the scope. */
export type ToBattlecard =
  | { readonly type: 'card'; readonly card: Battlecard }
  | { readonly type: 'gone'; readonly product: string };

const side = z.enum(['ours', 'theirs']);

/** From a battlecard page to the extension, parsed like the matrix's before the extension acts. */
export const fromBattlecardSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  /** An axis of one side: open that side's note at its section (added when it is missing). */
  z.strictObject({ type: z.literal('openAxis'), side, axisId: id }),
  /** The export button: the extension asks for the format (Markdown or HTML) and the file. */
  z.strictObject({ type: z.literal('export') }),
  /** The copy button: the card as Markdown, to the clipboard. */
  z.strictObject({ type: z.literal('copy') }),
]);

export type FromBattlecard = z.infer<typeof fromBattlecardSchema>;

export function parseFromBattlecard(message: unknown): FromBattlecard | undefined {
  const parsed = fromBattlecardSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

/** What a battlecard page keeps with getState/setState: which card it shows, so that a reload restores it. */
export const battlecardStateSchema = z.object({ categoryId: id, productId: id });

export type BattlecardState = z.infer<typeof battlecardStateSchema>;
