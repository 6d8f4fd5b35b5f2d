/**
 * The agent tools that research, compare and edit answers: each one's name, title and description (what it returns, when
 * to use it, its limits), stated once for the MCP server and the editor's language-model tools.
 */
export interface ResearchTool {
  readonly name: string;
  /** The editor's language-model tool of the same answer (package.json's languageModelTools), where there is one. */
  readonly lm?: string;
  readonly title: string;
  readonly description: string;
}

export const RESEARCH_TOOLS = {
  search: {
    name: 'search_notes',
    lm: 'competitor-scope_search',
    title: 'Search the notes',
    description:
      'Full-text search over every research note, linked to a product or not: each matching line with its note path, line number, the heading above it, and the axis and products its section answers where it is bound. Case-insensitive; `match: "words"` finds lines holding every word, `"phrase"` (the default) the query as written. At most `limit` lines a call; call again with nextCursor for more.',
  },
  stale: {
    name: 'list_stale',
    lm: 'competitor-scope_stale',
    title: 'List stale answers',
    description:
      "The answers older than their axis's freshness limit, oldest first: product, axis, note path and line, as-of date, age and limit in days. For a product, a category, or (with neither) the whole scope. Review one with mark_reviewed or replace it with update_answer.",
  },
  battlecard: {
    name: 'get_battlecard',
    lm: 'competitor-scope_battlecard',
    title: 'Get a battlecard',
    description:
      "One competitor against our product (the scope's subject) in one category, as `competitor-scope battlecard` prints it: where we lead, where they lead, parity and what is unknown, each axis with both sides' score, excerpt, sources and as-of date. A competitor in several categories needs `category`.",
  },
  compare: {
    name: 'compare_products',
    lm: 'competitor-scope_compare',
    title: 'Compare products',
    description:
      'Several products side by side in the category they share, over the axes named (all of its axes without any): a table whose every cell carries its citation (status, score, excerpt, note path and line, sources, as-of date, stale). Products in no common category are refused; in several, name `category`.',
  },
  changes: {
    name: 'get_changes',
    title: 'Get what changed',
    description:
      "How the competitive picture changed between two git refs (`base`: the parent of HEAD by default; `head`: the working tree by default), as `competitor-scope diff --format json`: every answer whose text, score, verdict against our product, sources or as-of date changed, before and after with its note and line, the scope's own changes and the totals. Needs the notes in a git repository.",
  },
  setScore: {
    name: 'set_score',
    lm: 'competitor-scope_set_score',
    title: "Set an answer's score",
    description:
      "Writes the `Score: N/SCALE` line of one product's answer to one axis (replacing the first one the section has, or adding one at its end), on the scope's scale. Only an existing answer is scored (write one with add_section first); every other line stays as it is, and the same score again writes nothing.",
  },
  markReviewed: {
    name: 'mark_reviewed',
    lm: 'competitor-scope_mark_reviewed',
    title: 'Mark an answer reviewed',
    description:
      "Dates one product's answer to one axis today: its first date line (`As of …`) gets today's date, or an `As of` line is added under its heading. Use it after checking that a stale answer still holds; every other line stays, and doing it twice changes nothing more.",
  },
  updateAnswer: {
    name: 'update_answer',
    title: 'Update an answer',
    description:
      "Replaces the text of one product's answer to one axis (up to the next heading, its `Score:` and `As of` lines included; deeper sections stay), dated today unless the text has its own `As of` line. `hash` must be the hash of the answer's current text, so that an edit made meanwhile is never overwritten: a wrong or empty hash is refused, naming the current hash and text. Every writer's answer gives the hash of the text it leaves.",
  },
} as const satisfies Record<string, ResearchTool>;

/** What the new tools' inputs mean. */
export const RESEARCH_INPUTS = {
  products: 'The products to compare, each by its id, name or alias.',
  axes: 'The axes to compare, by id, name or alias; all axes of the category when absent.',
  query: 'The words or phrase to find.',
  match: '"phrase" (default): the query as one piece of text; "words": every word somewhere on the line.',
  limit: 'The most results in this answer.',
  cursor: 'The nextCursor of the answer before, for the next results.',
  score: "The score, a whole number from 0 to the scope's scale.",
  hash: 'The hash of the answer text as you read it (given by a refusal or by a writer).',
  base: 'The older ref (a branch, a tag or a commit); the parent of HEAD when absent.',
  head: 'The newer ref; the working tree when absent.',
} as const;
