import * as z from 'zod';

/**
 * The scope file as written: ids are optional and default to a slug of the name
 * (see scopeParser). The JSON Schema in scope/ is generated from this.
 */
const text = z.string().trim().min(1);
/** Ids name note files and appear in front matter: letters, digits, '-', '_' and '.', no path separators. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const id = z
  .string()
  .regex(ID_PATTERN, 'must be letters, digits, "-", "_" or "." (it names note files)');
const aliases = z.array(text).describe('Other names that notes may use for it.');

/** A product or an axis: the same fields, described for what they are. */
function scopeItemSchema(what: { item: string; name: string; description: string }) {
  return z
    .strictObject({
      id: id.optional().describe('Stable id; defaults to a slug of the name. Unique within its category.'),
      name: text.describe(what.name),
      description: z.string().optional().describe(what.description),
      aliases: aliases.optional(),
    })
    .describe(what.item);
}

const productSchema = scopeItemSchema({
  item: 'A representative product of the category.',
  name: 'The product as the team calls it.',
  description: 'What it is, or why it is in scope.',
});

const axisSchema = scopeItemSchema({
  item: 'A key comparison axis: every note on a product of the category answers it in a section.',
  name: 'The axis as it appears as a heading in research notes.',
  description: 'What a note should answer under this axis.',
});

const categorySchema = z
  .strictObject({
    id: id.optional().describe('Stable id; defaults to a slug of the name. Unique in the scope.'),
    name: text.describe('The class of competitors.'),
    goal: text.describe('Why this class is compared with the subject.'),
    products: z.array(productSchema).describe('Its representative products.'),
    axes: z.array(axisSchema).describe('Its key comparison axes, in the order notes should follow.'),
  })
  .describe('A class of competitors.');

export const scopeFileSchema = z
  .strictObject({
    version: z.literal(1).describe('The format version of this file: 1.'),
    title: text.describe('The title of the scope.'),
    subject: text.optional().describe('Our own product, that competitors are compared with.'),
    notes: text.optional().describe('Glob of research notes, relative to this file. Default: research/**/*.md'),
    placeholders: z
      .array(text)
      .optional()
      .describe('Extra words that mark a section as a placeholder when a block starts with one (beside TODO, TBD, TBC, FIXME, ?, ...).'),
    categories: z.array(categorySchema).min(1).describe('The classes of competitors, in the order they are shown.'),
  })
  .describe('Competitor Scope: the categories of competitors, their products and comparison axes.');

export type ScopeFile = z.infer<typeof scopeFileSchema>;
