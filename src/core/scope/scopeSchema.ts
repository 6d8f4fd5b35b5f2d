import * as z from 'zod';
import { notesGlobProblem } from './glob';
import { firstUnprintable } from '../printable';
import { DEFAULT_EXCLUDE, DEFAULT_SCALE } from './scopeModel';
import { SCOPE_SEVERITY_CODES, SEVERITY_SETTINGS, type ScopeSeverityCode } from './severities';

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

/** Where answers must cite a source and how old they may be: the scope, a category or an axis says; the nearest wins. */
const evidence = z
  .enum(['required', 'optional'])
  .describe('Whether an answer must cite a source (an http or https URL): "required" makes an unsourced answer a warning. The nearest of axis, category and scope wins; default optional.');
const freshness = z
  .number()
  .int()
  .min(0)
  .describe('How many days an answer stays fresh after its as-of date; 0 means no limit. The nearest of axis, category and scope wins; default no limit.');
const evidenceFields = { evidence: evidence.optional(), freshness: freshness.optional() };

/** A product or an axis: the same fields, described for what they are. */
function scopeItemFields(what: { name: string; description: string }) {
  return {
    id: id.optional().describe('Stable id; defaults to a slug of the name. Unique within its category.'),
    name: text.describe(what.name),
    description: z.string().optional().describe(what.description),
    aliases: aliases.optional(),
  };
}

/** A product or an axis written as its name alone (`- GitHub Actions`), or as a mapping with its name and more. */
function nameOr<T extends z.ZodObject>(fields: T, what: string) {
  return z.union([text.describe('Its name alone; its id is a slug of the name.'), fields]).describe(`${what}: its name, or a mapping with its "name" and more.`);
}

const productSchema = nameOr(
  z.strictObject(scopeItemFields({ name: 'The product as the team calls it.', description: 'What it is, or why it is in scope.' })),
  'A representative product of the category',
);

const axisSchema = nameOr(
  z.strictObject({
    ...scopeItemFields({ name: 'The axis as it appears as a heading in research notes.', description: 'What a note should answer under this axis.' }),
    weight: z.number().positive().max(1000).optional().describe('How much the axis counts in a product\'s weighted score (default 1).'),
    ...evidenceFields,
  }),
  'A key comparison axis (every note on a product of the category answers it in a section)',
);

/** A glob of the scope file, `what` in its messages: printable, relative, inside the folder and cheap to expand (see notesGlobProblem). */
function glob(what: string) {
  return (
    text
      // A glob is printed in every report: a line break in it would start a line of its own.
      .refine((pattern) => firstUnprintable(pattern) === undefined, { error: (issue) => `${what} holds a control character (${firstUnprintable(String(issue.input))})`, abort: true })
      .refine((pattern) => notesGlobProblem(pattern) === undefined, { error: (issue) => `${what} ${notesGlobProblem(String(issue.input))}` })
  );
}

/** The largest scale a scope may choose: more steps than a reader can tell apart. */
export const MAX_SCALE = 10;

const scoringSchema = z
  .strictObject({
    scale: z.int().min(1).max(MAX_SCALE).optional().describe(`The highest score: scores run from 0 to it (default ${DEFAULT_SCALE}, shown as Harvey balls).`),
    labels: z.array(text).optional().describe('A word for each score from 0 to the scale, e.g. [absent, weak, partial, strong, best].'),
  })
  .superRefine((scoring, context) => {
    const scale = scoring.scale ?? DEFAULT_SCALE;
    if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) return; // reported on the scale
    if (scoring.labels && scoring.labels.length !== scale + 1) {
      context.addIssue({ code: 'custom', path: ['labels'], message: `must list ${scale + 1} labels, one for each score from 0 to ${scale}, not ${scoring.labels.length}` });
    }
  })
  .describe('Scores in the notes ("Score: N" in a section): the scale and its labels.');

const severityValue = z.enum(SEVERITY_SETTINGS).optional();
const severitySchema = z
  .strictObject(Object.fromEntries(SCOPE_SEVERITY_CODES.map((code) => [code, severityValue])) as Record<ScopeSeverityCode, typeof severityValue>)
  .describe('The severity of a finding code in the editor and on the command line: error, warning, information, hint, or off to drop it (the editor\'s competitorScope.severity setting still wins there).');

const categorySchema = z
  .strictObject({
    id: id.optional().describe('Stable id; defaults to a slug of the name. Unique in the scope.'),
    name: text.describe('The class of competitors.'),
    goal: text.describe('Why this class is compared with the subject.'),
    products: z.array(productSchema).describe('Its representative products.'),
    axes: z.array(axisSchema).describe('Its key comparison axes, in the order notes should follow.'),
    ...evidenceFields,
  })
  .describe('A class of competitors.');

export const scopeFileSchema = z
  .strictObject({
    version: z.literal(1).describe('The format version of this file: 1.'),
    title: text.describe('The title of the scope.'),
    subject: text.optional().describe('Our own product, that competitors are compared with.'),
    notes: glob('the notes glob').optional().describe('Glob of research notes, relative to this file. Default: research/**/*.md'),
    exclude: z
      .array(glob('the glob'))
      .optional()
      .describe(
        `Globs of files that the notes glob matches but are no notes, relative to this file; one without a "/" matches a file name at any depth. Case is ignored. Default: [${DEFAULT_EXCLUDE.join(', ')}]; a list of your own replaces it.`,
      ),
    placeholders: z
      .array(text)
      .optional()
      .describe('Extra words that mark a section as a placeholder when a block starts with one (beside TODO, TBD, TBC, FIXME, ?, ...).'),
    scoring: scoringSchema.optional(),
    ...evidenceFields,
    severity: severitySchema.optional(),
    categories: z.array(categorySchema).min(1).describe('The classes of competitors, in the order they are shown.'),
  })
  .describe('Competitor Scope: the categories of competitors, their products and comparison axes.');

export type ScopeFile = z.infer<typeof scopeFileSchema>;
