import { briefParts, briefSubject, briefText } from '../core/brief/researchBrief';
import { gapFacts, scopeListing, selectTargets } from '../core/brief/scopeFacts';
import type { Lookup } from '../core/notes/scopeLookup';
import type { NoteIndex } from '../core/index/noteIndex';
import type { CheckReport } from '../node/checkReport';
import { pageOf, replyBytes, type Page, type PagedCall } from './pages';

/**
 * The answers that grow with the scope and its notes, a page at a time: objects (sent as structured content and
 * as compact JSON) with `nextCursor` while there is more, and the brief in Markdown ending with its next cursor.
 */

/** What the tool descriptions say of pages. */
export const PAGES_NOTE =
  'An answer of more than 1 MB comes in pages: while one has a nextCursor, call again with the same arguments and that cursor for the next page.';

/** The selection's gaps: `{"products": [...], "nextCursor"?}`. */
export function gapsPage(index: NoteIndex, call: PagedCall): Lookup<object> {
  const targets = selectTargets(index, call.selection);
  if (!targets.ok) return targets;
  const products = gapFacts(index, targets.value);
  return jsonPage(call, { products: [] }, products, (page, slice) => ({ products: slice, ...next(page) }));
}

/**
 * The check: in full, `check --format json`, its products and then its findings a page at a time, with its scope,
 * notes and summary on every page; in summary, each product's gaps, stale and unsourced axes, and a count of each
 * kind of finding (an unusable scope file's problems in full).
 */
export function checkPage(report: CheckReport, call: PagedCall): Lookup<object> {
  // A scope file that cannot be used has only its problems to say: each in full, where it is.
  if (call.selection.detail !== 'full' && report.notes !== null) return checkSummaryPage(report, call);
  const { products, findings } = report;
  const entries: unknown[] = [...products, ...findings];
  return jsonPage(call, { ...report, products: [], findings: [] }, entries, (page, slice) => ({
    ...report,
    products: slice.slice(0, Math.max(0, products.length - page.start)),
    findings: slice.slice(Math.max(0, products.length - page.start)),
    ...next(page),
  }));
}

/** The scope, its products a page at a time, each under its category (with the category's axes) on every page that holds some of them. */
export function scopePage(index: NoteIndex, call: PagedCall): Lookup<object> {
  const listing = scopeListing(index);
  // A slot for each product, and one for a category without any, so that every category is on some page.
  const slots: { readonly c: number; readonly product?: object }[] = listing.categories.flatMap((category, c) =>
    category.products.length === 0 ? [{ c }] : category.products.map((product) => ({ c, product })),
  );
  const headerBytes = listing.categories.map((category) => replyBytes(JSON.stringify({ ...category, products: [] })) + 1);
  const slotBytes = slots.map((slot) => (slot.product ? replyBytes(JSON.stringify(slot.product)) + 1 : 0));
  const page = pageOf(
    call,
    slots.length,
    replyBytes(JSON.stringify({ ...listing, categories: [] })),
    (i, first) => slotBytes[i] + (first || slots[i - 1].c !== slots[i].c ? headerBytes[slots[i].c] : 0),
  );
  if (!page.ok) return page;
  const categories: { readonly c: number; readonly products: unknown[] }[] = [];
  for (const { c, product } of slots.slice(page.value.start, page.value.end)) {
    if (categories.at(-1)?.c !== c) categories.push({ c, products: [] });
    if (product) categories.at(-1)?.products.push(product);
  }
  return {
    ok: true,
    value: { ...listing, categories: categories.map(({ c, products }) => ({ ...listing.categories[c], products })), ...next(page.value) },
  };
}

/** The research brief, its products' blocks a page at a time after its title; a page before the last ends with the next cursor. */
export function briefPage(index: NoteIndex, call: PagedCall): Lookup<{ brief: string; nextCursor?: string }> {
  const subject = briefSubject(index, call.selection);
  if (!subject.ok) return subject;
  const parts = briefParts(index, subject.value);
  const lines = (part: readonly string[]) => replyBytes(part.join('\n')) + 2;
  const fixed = lines(parts.head) + lines(parts.tail) + replyBytes(continuation(call.tool, ''));
  const page = pageOf(
    call,
    parts.products.length,
    fixed,
    (i, first) =>
      lines(parts.products[i].lines) +
      (first || parts.products[i - 1].categoryId !== parts.products[i].categoryId ? lines(parts.products[i].category) : 0),
  );
  if (!page.ok) return page;
  const { start, end, nextCursor } = page.value;
  const brief = briefText(parts, start, end);
  return nextCursor === undefined
    ? { ok: true, value: { brief } }
    : { ok: true, value: { brief: brief + continuation(call.tool, nextCursor), nextCursor } };
}

function continuation(tool: string, cursor: string): string {
  return `\n---\n\nThe brief goes on. nextCursor: ${cursor} (call ${tool} again with the same arguments and this cursor for the next page).\n`;
}

/** A JSON answer with `items` paged: `fixed` is the answer with none of them, `render` the answer with a page's. */
function jsonPage(
  call: PagedCall,
  fixed: object,
  items: readonly unknown[],
  render: (page: Page, slice: readonly unknown[]) => object,
): Lookup<object> {
  const costs = items.map((item) => replyBytes(JSON.stringify(item)) + 1);
  const page = pageOf(call, items.length, replyBytes(JSON.stringify(fixed)), (i) => costs[i]);
  return page.ok ? { ok: true, value: render(page.value, items.slice(page.value.start, page.value.end)) } : page;
}

/** The check in summary: what a question about the state of the research needs, a few KB for a dozen products. */
function checkSummaryPage(report: CheckReport, call: PagedCall): Lookup<object> {
  const { scope, summary, subject } = report;
  const axesWhere = (axes: CheckReport['products'][number]['axes'], keep: (axis: (typeof axes)[number]) => boolean) =>
    axes.filter(keep).map((a) => a.axis);
  const products = report.products.map(({ category, product, axes }) => ({
    category,
    product,
    answered: axes.filter((a) => a.status === 'answered').length,
    gaps: axesWhere(axes, (a) => a.status !== 'answered'),
    stale: axesWhere(axes, (a) => a.stale),
    unsourced: axesWhere(axes, (a) => a.status === 'answered' && a.sources === 0),
  }));
  const counts = new Map<string, { code: string; severity: string; count: number }>();
  for (const { code, severity } of report.findings) {
    const key = `${code} ${severity}`;
    counts.set(key, { code, severity, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  const fixed = { scope, summary, ...(subject !== undefined ? { subject } : {}), findings: [...counts.values()] };
  return jsonPage(call, { ...fixed, products: [] }, products, (page, slice) => ({ ...fixed, products: slice, ...next(page) }));
}

function next(page: Page): { nextCursor?: string } {
  return page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor };
}
