import type { NoteIndex } from '../index/noteIndex';
import { briefSubject, researchBrief } from './researchBrief';
import { gapFacts, productFacts, scopeListing, selectTargets, type Selection } from './scopeFacts';
import { findProduct, type Lookup } from '../notes/scopeLookup';
import { categoryOf, type Scope } from '../scope/scopeModel';

/**
 * The tools that agents call, one definition for both doors: the MCP server (`mcp` names) and the editor's
 * language-model tools (`lm` names, declared in package.json, whose modelDescription must be `description`).
 * Both answer through the functions below, so an agent reads the same facts through either.
 */
export interface AgentTool {
  readonly mcp: string;
  readonly lm: string;
  readonly title: string;
  readonly description: string;
}

export const AGENT_TOOLS = {
  scope: {
    mcp: 'list_scope',
    lm: 'competitor-scope_scope',
    title: 'List the competitor scope',
    description:
      'The competitor scope: our product (the subject), each category with its goal, its products (with their notes and how many axes they answer) and its comparison axes (with descriptions).',
  },
  gaps: {
    mcp: 'find_gaps',
    lm: 'competitor-scope_gaps',
    title: 'Find research gaps',
    description:
      "The axes that research notes leave missing, empty or placeholder, with each axis's description and where the note is: for one product, one category, or (with neither) every product.",
  },
  product: {
    mcp: 'read_product',
    lm: 'competitor-scope_product',
    title: "Read a product's notes",
    description:
      "One product's research, axis by axis: each section's status (answered, placeholder, empty, missing), its note and line, and the answer's text; for an axis not answered, the headings that probably answer it once renamed (probablyAnsweredBy: near misses of its name). A product in several categories is read in each.",
  },
  brief: {
    mcp: 'research_brief',
    lm: 'competitor-scope_brief',
    title: 'Research brief',
    description:
      'A Markdown research brief: the goal, what the notes already answer, every axis still to research with its description, where to write and the conventions a section must follow. For a product, a category, or (with neither) every gap.',
  },
  addSection: {
    mcp: 'add_section',
    lm: 'competitor-scope_add_section',
    title: 'Add a section to a note',
    description:
      "Writes an answer for one axis of one product into its research note: adds the axis's section where it belongs, fills a section that is empty or a placeholder, or creates the note from the template. Never deletes text, does nothing when the section already holds the same text, refuses an axis already answered otherwise or probably answered by a heading near its name (rename that heading instead), and text that would change any other section, and writes only inside the notes folder.",
  },
} as const satisfies Record<string, AgentTool>;

/** What each input of the tools means, for the MCP schema and package.json's inputSchema alike. */
export const AGENT_INPUTS = {
  product: 'A product by its id, name or alias, as in the scope file (e.g. "django", "DRF").',
  category: 'A category by its id or name.',
  axis: 'The axis by its id, name or alias.',
  text: "The answer, in Markdown, without the heading (any heading in it deeper than the section's) and with every code block, comment and HTML block closed. Cite sources as links.",
} as const;

/** The inputs' descriptions with examples from the scope: its first products, category and axes. */
export function agentInputs(scope: Pick<Scope, 'categories'>): {
  readonly product: string;
  readonly category: string;
  readonly axis: string;
} {
  const first = scope.categories[0];
  const examples = (names: readonly string[]) => (names.length > 0 ? ` (e.g. ${names.map((n) => JSON.stringify(n)).join(', ')})` : '');
  return {
    product: `A product by its id, name or alias, as in the scope file${examples(first?.products.slice(0, 2).map((p) => p.name) ?? [])}.`,
    category: `A category by its id or name${examples(first ? [first.name] : [])}.`,
    axis: `The axis by its id, name or alias${examples(first?.axes.slice(0, 2).map((a) => a.name) ?? [])}.`,
  };
}

/**
 * A product's one category: a product in several (our own, or one compared in two) without a category named is
 * an error that names them, rather than an answer about one of them the agent did not choose.
 */
export function oneProduct(scope: Scope, product: string, category?: string): Lookup<{ categoryId: string; productId: string }> {
  const targets = findProduct(scope, product, category);
  if (!targets.ok || targets.value.length === 1) return targets.ok ? { ok: true, value: targets.value[0] } : targets;
  const names = targets.value.map((t) => categoryOf(scope, t.categoryId)?.name ?? t.categoryId);
  return {
    ok: false,
    message: `${JSON.stringify(product)} is in ${names.length} categories (${names.join('; ')}): name one with the category argument.`,
  };
}

/** The scope, as JSON. */
export function scopeAnswer(index: NoteIndex): string {
  return json(scopeListing(index));
}

/** The gaps of a product, a category or every product, as JSON. */
export function gapsAnswer(index: NoteIndex, selection: Selection): Lookup<string> {
  const targets = selectTargets(index, selection);
  return targets.ok ? { ok: true, value: json(gapFacts(index, targets.value)) } : targets;
}

/** One product's sections (in each category that holds it, or the one named), as JSON. */
export function productAnswer(index: NoteIndex, selection: Selection & { readonly product: string }): Lookup<string> {
  const targets = selectTargets(index, selection);
  return targets.ok ? { ok: true, value: json(targets.value.map((target) => productFacts(index, target))) } : targets;
}

/** The research brief of a product, a category or every gap, as Markdown. */
export function briefAnswer(index: NoteIndex, selection: Selection): Lookup<string> {
  const subject = briefSubject(index, selection);
  return subject.ok ? { ok: true, value: researchBrief(index, subject.value) } : subject;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
