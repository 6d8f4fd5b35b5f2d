import { z } from 'zod';

/**
 * What each tool answers, as its outputSchema declares it to clients (and the SDK checks before sending). Facts
 * about an answer carry their citation: the note and line, the sources, the as-of day, and whether it is stale or
 * unsourced.
 */

const nextCursor = z.string().optional().describe('Present while there is more: call again with the same arguments and this cursor.');
const item = z.object({ id: z.string(), name: z.string(), description: z.string().optional(), aliases: z.array(z.string()) });
const place = {
  file: z.string().nullable().describe('The note, relative to the scope file.'),
  line: z.int().nullable().describe('1-based.'),
};

const section = z.object({
  axis: item,
  status: z.enum(['answered', 'placeholder', 'empty', 'missing']),
  ...place,
  text: z.string().optional().describe('The answer (detail "full").'),
  excerpt: z.string().optional(),
  score: z.number().nullable().optional(),
  sources: z.array(z.string()).optional().describe('The http(s) URLs the answer cites.'),
  asOf: z.string().nullable().optional().describe('The day the answer was true, YYYY-MM-DD.'),
  stale: z.boolean().optional(),
  unsourced: z.boolean().optional(),
  probablyAnsweredBy: z.array(z.object({ file: z.string(), line: z.int(), heading: z.string() })).optional(),
});

export const productFactsShape = {
  category: z.object({ id: z.string(), name: z.string(), goal: z.string() }),
  product: item,
  subject: z.boolean().describe("Whether the product is ours, the scope's subject."),
  notes: z.array(z.string()),
  boundBy: z.record(z.string(), z.enum(['front-matter', 'file-name', 'heading'])),
  sections: z.array(section),
};

export const OUTPUT = {
  scope: {
    title: z.string(),
    subject: z.string().nullable(),
    notes: z.string().describe('The notes glob.'),
    categories: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        goal: z.string(),
        products: z.array(item.extend({ notes: z.array(z.string()), answered: z.int() })),
        axes: z.array(item),
      }),
    ),
    nextCursor,
  },
  gaps: { products: z.array(z.object(productFactsShape)), nextCursor },
  product: productFactsShape,
  brief: { brief: z.string().describe('The research brief, in Markdown.'), nextCursor },
  check: {
    scope: z.string(),
    builtinScope: z.literal(true).optional(),
    notes: z
      .object({ glob: z.string(), folder: z.string(), files: z.int() })
      .nullable()
      .optional()
      .describe('Which notes were read (detail "full").'),
    summary: z
      .record(z.string(), z.int())
      .describe('Products, axes and how many are answered, missing, empty, placeholder, stale, unsourced.'),
    subject: z.string().optional(),
    products: z
      .array(z.looseObject({ category: z.string(), product: z.string() }))
      .describe(
        'Summary: answered, the axes to research (gaps), stale and unsourced. Full: every axis with its note, line, score and date.',
      ),
    findings: z
      .array(z.looseObject({ code: z.string(), severity: z.string() }))
      .describe('Summary: a count per code and severity. Full: every finding with file, line and message.'),
    nextCursor,
  },
  addSection: { message: z.string().describe('What was written where, or why nothing changed.') },
} as const;
