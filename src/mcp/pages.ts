import { z } from 'zod';
import type { Lookup } from '../core/notes/scopeLookup';
import { parsedJson } from './requestIdScanner';

/** The most a tool's reply may be, in bytes: SDK clients drop the connection at 10 MiB, and an agent reads a page at a time. */
export const MAX_REPLY_BYTES = 1_000_000;

/** The most a tool's text may be, in bytes: the rest is the reply's JSON-RPC, `{"result":{"content":[{"type":"text","text":…}]},"jsonrpc":"2.0","id":…}`. */
export const MAX_TEXT_BYTES = MAX_REPLY_BYTES - 256;

/** The most a page's items may be, as JSON text: a reply holds them twice, as structured content and as its text. */
const MAX_PAGE_BYTES = Math.floor(MAX_TEXT_BYTES / 2);

/** The longest cursor taken: one this server gives is the tool, its selection and an offset, base64url-encoded. */
export const MAX_CURSOR_CHARS = 2000;

/** The bytes a text adds to a reply, where it is a JSON string: escaped. */
export function replyBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text)) - 2;
}

/** A call of a paged tool: its name and the arguments that choose what it answers, which a cursor is good for only. */
export interface PagedCall {
  readonly tool: string;
  readonly selection: { readonly product?: string; readonly category?: string; readonly detail?: Detail };
  readonly cursor?: string;
}

/** How much a tool answers: what the question needs, or every field. */
export type Detail = 'summary' | 'full';

/** Items `start` to `end` (excluded) of an answer, and the cursor of the next page when there is one. */
export interface Page {
  readonly start: number;
  readonly end: number;
  readonly nextCursor?: string;
}

const cursorSchema = z.strictObject({
  tool: z.string(),
  product: z.string().optional(),
  category: z.string().optional(),
  detail: z.enum(['summary', 'full']).optional(),
  offset: z.int().min(1),
});

/**
 * The page a call asks for among `count` items: from its cursor's item (the first without one), as many as fit
 * in a reply with `fixedBytes` of text around them, and at least one, so that following nextCursor always comes
 * to the end. `cost(i, first)` is what item i adds to a page's text (`first` when it opens the page).
 */
export function pageOf(call: PagedCall, count: number, fixedBytes: number, cost: (index: number, first: boolean) => number): Lookup<Page> {
  const start = cursorOffset(call, count);
  if (!start.ok) return start;
  // The next page's cursor counts as if it were there: its offset is at most `count`.
  let room = MAX_PAGE_BYTES - fixedBytes - replyBytes(JSON.stringify({ nextCursor: cursorAt(call, count) }));
  let end = start.value;
  while (end < count) {
    room -= cost(end, end === start.value);
    if (room < 0 && end > start.value) break;
    end++;
  }
  return { ok: true, value: { start: start.value, end, ...(end < count ? { nextCursor: cursorAt(call, end) } : {}) } };
}

function cursorAt(call: PagedCall, offset: number): string {
  return Buffer.from(JSON.stringify({ tool: call.tool, ...call.selection, offset })).toString('base64url');
}

/** Where the call's cursor starts: 0 without one; a message when it is not one of this tool's for these arguments. */
function cursorOffset(call: PagedCall, count: number): Lookup<number> {
  if (call.cursor === undefined) return { ok: true, value: 0 };
  const decoded = cursorSchema.safeParse(parsedJson(Buffer.from(call.cursor, 'base64url').toString('utf8')));
  if (!decoded.success || decoded.data.tool !== call.tool) {
    return {
      ok: false,
      message: `That is not a cursor ${call.tool} gave: pass the nextCursor of its last answer as it is, or no cursor for the first page.`,
    };
  }
  const { product, category, detail, offset } = decoded.data;
  if (product !== call.selection.product || category !== call.selection.category || detail !== call.selection.detail) {
    return {
      ok: false,
      message: `That cursor is of an answer to other arguments: call ${call.tool} with the same arguments as for the first page.`,
    };
  }
  if (offset >= count) {
    return {
      ok: false,
      message: `That cursor is past the end of the answer: the scope or the notes changed since. Call ${call.tool} without a cursor to start again.`,
    };
  }
  return { ok: true, value: offset };
}
