import type { NoteAnalysis } from '../notes/noteAnalyzer';
import { axisHeadingLevel } from '../notes/noteEdits';
import type { Scope } from '../scope/scopeModel';
import { scoreCompletions } from './scoreAssist';
import { slugify, type Position, type Range } from '../text';

/** A completion item as plain data; the editor layer turns it into VS Code's. */
export interface Suggestion {
  readonly kind: 'axis' | 'product' | 'category' | 'score';
  readonly label: string;
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText: string;
  /** What the typed text is matched against: it starts the way the replaced text does. */
  readonly filterText: string;
  /** The text the suggestion replaces. */
  readonly range: Range;
  /** Keeps the scope's order. */
  readonly sortText: string;
}

/**
 * What to complete at `position` in a note: after `#`s at the start of a line, the axes of the note's
 * categories that it has no section for yet, in scope order, at the level the note uses for axes; after
 * `product:` or `category:` in front matter, the scope's products or categories. `lineText` is the line's text.
 */
export function noteCompletions(analysis: NoteAnalysis, scope: Scope, lineText: string, position: Position): Suggestion[] {
  const frontMatter = analysis.parsed.frontMatter;
  if (frontMatter && position.line > 0 && position.line < frontMatter.endLine) {
    return frontMatterCompletions(analysis, scope, lineText, position);
  }
  if (frontMatter && position.line <= frontMatter.endLine) return [];
  const scores = scoreCompletions(analysis, scope, lineText, position);
  if (scores.length > 0) return scores.map((s) => ({ kind: 'score', ...s, filterText: s.insertText }));
  return headingCompletions(analysis, scope, lineText, position);
}

function headingCompletions(analysis: NoteAnalysis, scope: Scope, lineText: string, position: Position): Suggestion[] {
  const typed = /^( {0,3})(#{1,6})(?:[ \t].*)?$/.exec(lineText.slice(0, position.character));
  if (!typed) return [];
  const range: Range = {
    start: { line: position.line, character: typed[1].length },
    end: { line: position.line, character: lineText.trimEnd().length },
  };
  // The heading being typed may already match an axis: it does not count as a section yet.
  const present = new Set(
    analysis.sections
      .filter((s) => analysis.parsed.headings[s.headingIndex].range.start.line !== position.line)
      .map((s) => `${s.categoryId}\n${s.axisId}`),
  );
  const categoryIds = [...new Set(analysis.targets.map((t) => t.categoryId))];
  return categoryIds.flatMap((categoryId) => {
    const category = scope.categories.find((c) => c.id === categoryId);
    if (!category) return [];
    const marks = '#'.repeat(axisHeadingLevel(analysis, categoryId));
    return category.axes
      .map((axis, order) => ({ axis, order }))
      .filter(({ axis }) => !present.has(`${categoryId}\n${axis.id}`))
      .map(({ axis, order }): Suggestion => ({
        kind: 'axis',
        label: axis.name,
        detail: category.name,
        ...(axis.description ? { documentation: axis.description } : {}),
        insertText: `${marks} ${axis.name}`,
        filterText: `${typed[2]} ${axis.name}`,
        range,
        sortText: sortKey(categoryIds.indexOf(categoryId), order),
      }));
  });
}

function frontMatterCompletions(analysis: NoteAnalysis, scope: Scope, lineText: string, position: Position): Suggestion[] {
  const typed = /^(product|category):([ \t]*)/.exec(lineText);
  if (!typed || position.character < typed[0].length - typed[2].length) return [];
  const valueStart = typed[0].length;
  const range: Range = {
    start: { line: position.line, character: Math.min(valueStart, position.character) },
    end: { line: position.line, character: Math.max(lineText.trimEnd().length, position.character) },
  };
  // `product:|` gets its space with the value.
  const lead = typed[2] === '' ? ' ' : '';
  const item = (kind: Suggestion['kind'], id: string, name: string, documentation: string | undefined, sortText: string): Suggestion => ({
    kind,
    label: id,
    detail: name,
    ...(documentation ? { documentation } : {}),
    insertText: `${lead}${id}`,
    filterText: `${lead}${id}`,
    range,
    sortText,
  });
  if (typed[1] === 'category') {
    return scope.categories.map((c, i) => item('category', c.id, c.name, c.goal, sortKey(i, 0)));
  }
  // A category already named narrows the products to it.
  const named = analysis.parsed.frontMatter?.category?.value;
  const categories = scope.categories.filter((c) => !named || c.id === slugify(named) || slugify(c.name) === slugify(named));
  const seen = new Set<string>();
  return (categories.length > 0 ? categories : scope.categories).flatMap((c, ci) =>
    c.products.flatMap((p, pi) => {
      if (seen.has(p.id)) return [];
      seen.add(p.id);
      return [item('product', p.id, p.name, p.description, sortKey(ci, pi))];
    }),
  );
}

function sortKey(group: number, order: number): string {
  return `${String(group).padStart(3, '0')}-${String(order).padStart(5, '0')}`;
}
