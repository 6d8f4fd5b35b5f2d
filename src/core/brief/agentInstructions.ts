import { scoringOf } from '../scope/scale';
import { subjectOf, type Scope } from '../scope/scopeModel';

/** The most categories, and products or axes per category, the instructions name: the rest is counted. */
const MAX_NAMED = 6;

/**
 * What an agent reads first about the MCP server (the `initialize` result's instructions): what the scope is, how
 * a note answers an axis, and how to cite what the tools return. Built from the scope, so that the names it
 * gives are the team's.
 */
export function agentInstructions(scope: Scope): string {
  const { scale } = scoringOf(scope);
  const subject = subjectOf(scope);
  const categories = scope.categories.slice(0, MAX_NAMED).map((category) => {
    const products = named(category.products.map((p) => p.name));
    const axes = named(category.axes.map((a) => a.name));
    return `- ${category.name}: ${category.goal.trim()} Products: ${products}. Axes: ${axes}.`;
  });
  const more = scope.categories.length - MAX_NAMED;
  return [
    `This server answers questions about the competitor research "${scope.title}"${subject ? `, which compares other products with ours, ${subject.name}` : ''}: a scope file (competitor-scope.yaml) and Markdown notes (${scope.notes}).`,
    '',
    `Categories (${scope.categories.length}), each with its products and comparison axes:`,
    ...categories,
    ...(more > 0 ? [`- and ${more} more: call list_scope for all of them.`] : []),
    '',
    'How a note answers an axis: a `##` section whose heading is the axis (its name or an alias); in it, the answer in prose, an optional',
    `\`Score: N\` line on the scope's scale of 0 to ${scale}, an \`As of YYYY-MM-DD\` line for the day the answer was true, and its sources as`,
    'Markdown links. An answer without sources, or older than its axis allows, is reported as such (unsourced, stale).',
    '',
    'How to work: list_scope and find_gaps say what is known and missing; read_product gives the answers; research_brief says what to',
    'research and the conventions; check_notes gives the findings. Name a product that is in several categories with its category.',
    'Before writing with add_section, research the axis and cite your sources as links in the text.',
    '',
    'How to cite: every fact the tools return carries its note and line (file, line), its sources (URLs) and its as-of date. When you',
    'state a fact, cite the note as path:line and the source URLs it gives. Where evidence is thin, stale, unsourced or missing, say',
    'exactly what was found and what remains unknown: never fill a gap with a guess.',
  ].join('\n');
}

/** The instructions when the scope file cannot be read: what is wrong and how to start one. */
export function instructionsWithoutScope(problem: string): string {
  return [
    `This server answers questions about a team's competitor research, but its scope file cannot be used: ${problem}`,
    'Every tool will answer with that error until the scope file is fixed. To start a scope file, run `competitor-scope init` in the folder.',
  ].join('\n');
}

function named(names: readonly string[]): string {
  if (names.length === 0) return 'none yet';
  const shown = names.slice(0, MAX_NAMED).join(', ');
  return names.length > MAX_NAMED ? `${shown} and ${names.length - MAX_NAMED} more` : shown;
}
