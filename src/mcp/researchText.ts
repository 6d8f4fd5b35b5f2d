import { z } from 'zod';
import type { Comparison, ComparedCell, StaleAnswer } from '../core/brief/answerTables';
import type { SearchHit } from '../core/brief/noteSearch';

/**
 * The research tools' output schemas (what `structuredContent` holds, checked by the client) and the short text
 * each answer also gives for clients that read text only.
 */

const item = z.object({ id: z.string(), name: z.string() });
const place = { file: z.string().nullable(), line: z.number().int().nullable() };

export const searchSchema = {
  hits: z.array(
    z.object({
      file: z.string(),
      line: z.number().int(),
      text: z.string(),
      heading: z.string().nullable(),
      axis: item.extend({ categoryId: z.string() }).nullable(),
      products: z.array(item.extend({ categoryId: z.string() })),
    }),
  ),
  nextCursor: z.string().optional(),
};

export const staleSchema = {
  stale: z.array(
    z.object({
      category: z.string(),
      product: z.string(),
      axis: z.string(),
      file: z.string(),
      line: z.number().int(),
      asOf: z.string(),
      ageDays: z.number().int(),
      freshnessDays: z.number().int(),
    }),
  ),
};

export const comparisonSchema = {
  category: item,
  axes: z.array(item),
  rows: z.array(
    z.object({
      product: item,
      cells: z.array(
        z.object({
          axis: z.string(),
          status: z.enum(['answered', 'placeholder', 'empty', 'missing']),
          ...place,
          excerpt: z.string().optional(),
          score: z.number().nullable().optional(),
          sources: z.array(z.string()).optional(),
          asOf: z.string().nullable().optional(),
          stale: z.boolean().optional(),
        }),
      ),
    }),
  ),
};

const point = z.object({ ref: z.string(), commit: z.string().nullable() });
export const changesSchema = {
  base: point,
  head: point,
  changes: z.array(z.object({ category: item, product: item, axis: item, kinds: z.array(z.string()) }).passthrough()),
  scope: z.object({}).passthrough(),
  summary: z.object({}).passthrough(),
};

export const writeSchema = {
  path: z.string(),
  written: z.boolean(),
  hash: z.string().describe("The hash of the answer's text as it is now, for update_answer."),
};

export function hitsText(hits: readonly SearchHit[], nextCursor: string | undefined): string {
  if (hits.length === 0) return 'No line of the notes matches.';
  const lines = hits.map((h) => `${h.file}:${h.line}${h.axis ? ` [${h.axis.name}]` : ''} ${h.text}`);
  return [...lines, ...(nextCursor === undefined ? [] : [`More: call again with cursor ${nextCursor}.`])].join('\n');
}

export function staleText(stale: readonly StaleAnswer[]): string {
  if (stale.length === 0) return 'No answer is past its freshness limit.';
  return stale
    .map((s) => `${s.file}:${s.line} ${s.product} / ${s.axis}: as of ${s.asOf}, ${s.ageDays} days old (limit ${s.freshnessDays})`)
    .join('\n');
}

/** The comparison as a Markdown table, each cell its status or score and where it is written. */
export function comparisonText(table: Comparison): string {
  const cell = (c: ComparedCell) =>
    `${c.status === 'answered' ? (c.score == null ? 'answered' : `score ${c.score}`) : c.status}${c.file === null ? '' : ` (${c.file}:${c.line})`}${c.stale ? ', stale' : ''}`;
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  return [
    `${table.category.name}:`,
    '',
    `| Product | ${table.axes.map((a) => escape(a.name)).join(' | ')} |`,
    `| --- | ${table.axes.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${escape(row.product.name)} | ${row.cells.map((c) => escape(cell(c))).join(' | ')} |`),
  ].join('\n');
}
