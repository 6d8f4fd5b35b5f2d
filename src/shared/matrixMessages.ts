import * as z from 'zod';
import type { ChangeKind } from '../core/history/pictureChange';
import type { MatrixPatch } from '../core/matrix/matrixDiff';
import type { MatrixModel } from '../core/matrix/matrixModel';

/** A cell that changed since the point compared with: its ids, what changed, and its two states in words. */
export interface CellChangeMark {
  readonly categoryId: string;
  readonly productId: string;
  readonly axisId: string;
  readonly kinds: readonly ChangeKind[];
  /** `text, score, sources (+1 −0)` */
  readonly what: string;
  readonly before: string;
  readonly after: string;
}

/** The matrix compared with a point of history (`main (1a2b3c4)`): every cell that changed since. */
export interface MatrixComparison {
  readonly label: string;
  readonly changes: readonly CellChangeMark[];
}

/**
 * From the extension to the webview: the matrix once it is ready — with `loading`, only its first rows, the others
 * following in patches until `loaded` — then only what changed; and a product to show and focus (the matrix
 * opened "at" a product, from a note's lens); the comparison with a point of history, null when there is none.
 */
export type ToWebview =
  | { readonly type: 'model'; readonly model: MatrixModel; readonly loading: boolean }
  | { readonly type: 'loaded' }
  | { readonly type: 'patch'; readonly patch: MatrixPatch }
  | { readonly type: 'reveal'; readonly categoryId: string; readonly productId: string }
  | { readonly type: 'comparison'; readonly comparison: MatrixComparison | null };

/** A category's, product's or axis's id as a page sends it: looked up in the scope before anything acts on it. */
export const pageId = z.string().min(1).max(200);

/**
 * From the webview to the extension. The webview shows team text and is treated as untrusted:
 * every message is parsed here before the extension acts on it, and ids are then looked up in the scope.
 */
export const fromWebviewSchema = z.discriminatedUnion('type', [
  /** The script runs and listens: the extension may post the model. */
  z.strictObject({ type: z.literal('ready') }),
  /** A cell was clicked or activated: open its section, or add it when it is missing. */
  z.strictObject({ type: z.literal('openCell'), categoryId: pageId, productId: pageId, axisId: pageId }),
  /** H on a cell: the history of its answer. */
  z.strictObject({ type: z.literal('answerHistory'), categoryId: pageId, productId: pageId, axisId: pageId }),
  /** A product's name was clicked or activated: open its note. */
  z.strictObject({ type: z.literal('openProduct'), categoryId: pageId, productId: pageId }),
  /** A source of a cell: the extension opens it in the browser when the cell cites it and it is http(s). */
  z.strictObject({
    type: z.literal('openSource'),
    categoryId: pageId,
    productId: pageId,
    axisId: pageId,
    url: z.string().min(1).max(4096),
  }),
  /** The export button: the extension asks for the format and the file. */
  z.strictObject({ type: z.literal('export') }),
  /** Stop comparing: the matrix shows the present alone. */
  z.strictObject({ type: z.literal('stopComparing') }),
]);

export type FromWebview = z.infer<typeof fromWebviewSchema>;

export function parseFromWebview(message: unknown): FromWebview | undefined {
  const parsed = fromWebviewSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}
