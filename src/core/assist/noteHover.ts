import { dayCount } from '../dates';
import { asOfText, type Evidence } from '../evidence/sectionEvidence';
import { titleOf, type AxisSection, type NoteAnalysis } from '../notes/noteAnalyzer';
import type { ProductCoverage } from '../index/noteIndex';
import type { BoundBy, NoteTarget } from '../notes/productMatcher';
import { productOf, type Scope } from '../scope/scopeModel';
import type { Position, Range } from '../text';
import { scoreHover } from './scoreAssist';
import { coverageLabel } from './coverageText';

/** A hover as plain text: a title and paragraphs, all of it the team's text (the editor layer escapes it). */
export interface HoverText {
  readonly range: Range;
  readonly title: string;
  readonly paragraphs: readonly string[];
}

/**
 * On an axis heading: the axis's description, its category's goal and how many other products answer it.
 * On the `product:` line or the note's title (its first `# Heading`): the product's name, description and
 * coverage, for each category the note is about, and which rule linked the note to it.
 */
export function noteHover(
  analysis: NoteAnalysis,
  scope: Scope,
  position: Position,
  coverage: (target: NoteTarget) => ProductCoverage,
  evidence: (section: AxisSection) => Evidence,
): HoverText | undefined {
  const { frontMatter } = analysis.parsed;
  const productLine = (frontMatter?.product ?? frontMatter?.products?.[0])?.lineRange;
  const title = titleOf(analysis.parsed)?.range;
  const onProduct = [productLine, title].find((range) => range && contains(range, position));
  if (onProduct) {
    const paragraphs = analysis.targets.flatMap((target) => {
      const found = productOf(scope, target);
      if (!found) return [];
      const { category, product } = found;
      return [
        `${product.name} (${category.name})`,
        ...(product.description ? [product.description] : []),
        `${coverageLabel(coverage(target))}.`,
      ];
    });
    if (paragraphs.length === 0 || !('targets' in analysis.link)) return undefined;
    return {
      range: onProduct,
      title: paragraphs[0],
      paragraphs: [...paragraphs.slice(1), `Linked by: ${BOUND_BY_WORDS[analysis.link.kind]}.`],
    };
  }

  const onScore = scoreHover(analysis, scope, position, coverage);
  if (onScore) return onScore;
  const section = analysis.sections.find((s) => contains(analysis.parsed.headings[s.headingIndex].range, position));
  const category = section && scope.categories.find((c) => c.id === section.categoryId);
  const axis = category?.axes.find((a) => a.id === section?.axisId);
  if (!section || !category || !axis) return undefined;
  const own = new Set(analysis.targets.filter((t) => t.categoryId === category.id).map((t) => t.productId));
  const others = category.products.filter((p) => !own.has(p.id));
  const answering = others.filter((p) =>
    coverage({ categoryId: category.id, productId: p.id }).axes.some((a) => a.axisId === axis.id && a.status === 'answered'),
  );
  return {
    range: analysis.parsed.headings[section.headingIndex].range,
    title: axis.name,
    paragraphs: [
      ...(axis.description ? [axis.description] : []),
      `${category.name}: ${category.goal}`,
      `Answered for ${answering.length} of the ${others.length} other products${answering.length > 0 ? `: ${answering.map((p) => p.name).join(', ')}` : ''}.`,
      ...evidenceLines(evidence(section)),
    ],
  };
}

/** Which rule linked a note to its product, in the words of the docs. */
export const BOUND_BY_WORDS: Record<BoundBy, string> = { 'front-matter': 'front matter', 'file-name': 'file name', heading: 'heading' };

/** The section's as-of date, where it came from and how fresh it is, and its sources. */
function evidenceLines(evidence: Evidence): string[] {
  const limit =
    evidence.freshnessDays > 0
      ? ` Answers stay fresh for ${dayCount(evidence.freshnessDays)}${evidence.stale ? ': this one is stale' : ''}.`
      : '';
  const sources =
    evidence.sources.length > 0
      ? `Sources: ${evidence.sources.join(' · ')}`
      : `No sources${evidence.sourcesRequired ? ' (this axis requires one)' : ''}.`;
  return [`${asOfText(evidence)}${limit}`, sources];
}

function contains(range: Range, position: Position): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}
