import { productOf, type Category, type Product, type Scope, type Scoring } from '../scope/scopeModel';
import { readScore, sectionScore, sectionScoreLines } from './scoreLine';
import { scoringOf } from '../scope/scale';
import { kept } from '../arrays';
import { type Range } from '../text';
import { AxisMatcher, axisTypo } from './axisMatcher';
import { finding, type Finding, type SectionStatus } from './findings';
import { noteName } from '../scope/noteFile';
import type { ParsedHeading, ParsedNote } from './noteParser';
import { ProductMatcher, type NoteTarget, type ProductLink } from './productMatcher';
import { placeholderTest, sectionStatus, type NoteText, type PlaceholderTest } from './sectionStatus';
import { comparisonAnswers, type ProductAnswer } from './comparisonAnswers';
import type { LabeledPart } from './noteParts';

/** The scope prepared for analysis: built once per scope, shared by every note. */
export class CompiledScope {
  readonly products: ProductMatcher;
  readonly isPlaceholder: PlaceholderTest;
  readonly scoring: Scoring;
  private readonly categories = new Map<string, { category: Category; axes: AxisMatcher }>();

  constructor(readonly scope: Scope) {
    this.products = new ProductMatcher(scope);
    this.isPlaceholder = placeholderTest(scope.placeholders);
    this.scoring = scoringOf(scope);
    for (const category of scope.categories) this.categories.set(category.id, { category, axes: new AxisMatcher(category) });
  }

  category(id: string): Category | undefined {
    return this.categories.get(id)?.category;
  }

  /** A product of a category, the scope's subject included. */
  product(categoryId: string, productId: string): Product | undefined {
    return productOf(this.scope, { categoryId, productId })?.product;
  }

  axes(categoryId: string): AxisMatcher | undefined {
    return this.categories.get(categoryId)?.axes;
  }
}

/** A heading that answers an axis of one of the note's categories. */
export interface AxisSection {
  readonly categoryId: string;
  readonly axisId: string;
  /** Index in `parsed.headings`. */
  readonly headingIndex: number;
  readonly status: SectionStatus;
  /** A later heading for an axis that an earlier one in the note answers already. */
  readonly duplicate: boolean;
  /** The section's first score line, when it is a valid score. */
  readonly score: number | null;
  /** In a note about several products of the category (a comparison note): what the section answers for each, by product id. */
  readonly byProduct?: ReadonlyMap<string, ProductAnswer>;
}

/** One note, read against the scope: what the editor, the tree, the matrix and the command line show. */
export interface NoteAnalysis {
  /** Relative to the scope file's folder, '/'-separated. */
  readonly path: string;
  readonly parsed: ParsedNote;
  readonly link: ProductLink;
  /** The products (in their categories) the note is about; empty when it is linked to none. */
  readonly targets: readonly NoteTarget[];
  readonly sections: readonly AxisSection[];
  /** Findings that depend on this note alone (`missing-axis` depends on all notes of a product: see NoteIndex). */
  readonly findings: readonly Finding[];
  /** Where findings about the note as a whole go: the `product:` line, else the first heading, else line 1. */
  readonly anchor: Range;
}

const STATUS_RANK: Record<SectionStatus, number> = { answered: 3, placeholder: 2, empty: 1 };

export function isBetter(status: SectionStatus, than: SectionStatus): boolean {
  return STATUS_RANK[status] > STATUS_RANK[than];
}

/** `text`: the note's text the parse was made from, for a placeholder test that a lead's head cannot decide (see noteLeads). */
export function analyzeNote(path: string, parsed: ParsedNote, compiled: CompiledScope, text?: NoteText): NoteAnalysis {
  const findings: Finding[] = [];
  const frontMatter = parsed.frontMatter;
  if (frontMatter?.problem) findings.push(finding('invalid-front-matter', frontMatter.problem.message, frontMatter.problem.range, {}));

  const fileName = noteName(path);
  const listed = frontMatter?.products;
  const named = listed?.map((field) => field.value) ?? frontMatter?.product?.value;
  const link = compiled.products.match(named, frontMatter?.category?.value, fileName, titleOf(parsed)?.text);
  const targets = 'targets' in link ? link.targets : [];
  const firstLine: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const unknownProducts = link.kind === 'unknown-product' ? [link] : 'targets' in link ? (link.unknown ?? []) : [];
  for (const unknown of unknownProducts) {
    const range = (listed?.find((field) => field.value === unknown.product) ?? frontMatter?.product)?.valueRange ?? firstLine;
    findings.push(
      finding(
        'unknown-product',
        `"${unknown.product}" is not a product of the scope${didYouMean(unknown.suggestions.map((s) => s.productId))}`,
        range,
        { product: unknown.product, suggestions: unknown.suggestions },
      ),
    );
  }
  if (link.kind === 'unknown-category') {
    const range = frontMatter?.category?.valueRange ?? firstLine;
    findings.push(
      finding('unknown-category', `"${link.category}" is not a category of the scope${didYouMean(link.suggestions)}`, range, {
        category: link.category,
        suggestions: link.suggestions,
      }),
    );
  } else if (link.kind === 'unlinked') {
    const closest = link.suggestions[0];
    const names = closest ? ` (for ${closest.productName}: ${orList(closest.fileNames)})` : '';
    const message = `This note is about no product of the scope: name one in front matter ("product: <id>") or name the file after it${names}.`;
    findings.push(finding('unlinked-note', message, firstLine, { suggestions: link.suggestions }));
  }

  const sections = findSections(parsed, targets, compiled, findings, text);
  checkScores(parsed, sections, compiled, findings);
  const anchor = (frontMatter?.product ?? listed?.[0])?.lineRange ?? parsed.headings[0]?.range ?? firstLine;
  return { path, parsed, link, targets, sections: kept(sections), findings: kept(findings), anchor };
}

/** Matches headings to the axes of the note's categories, and reports unanswered, duplicate and misspelt ones. */
function findSections(
  parsed: ParsedNote,
  targets: readonly NoteTarget[],
  compiled: CompiledScope,
  findings: Finding[],
  text: NoteText | undefined,
): AxisSection[] {
  const sections: AxisSection[] = [];
  const categoryIds = [...new Set(targets.map((t) => t.categoryId))];
  const first = new Map<string, AxisSection>();
  const unmatched: number[] = [];
  parsed.headings.forEach((heading, headingIndex) => {
    if (heading.level < 2) return;
    let matched = false;
    for (const categoryId of categoryIds) {
      const axis = compiled.axes(categoryId)?.axisOf(heading.normalized);
      if (!axis) continue;
      matched = true;
      const key = `${categoryId}\n${axis.id}`;
      const earlier = first.get(key);
      const status = sectionStatus(parsed, headingIndex, compiled.isPlaceholder, text);
      const score = sectionScore(parsed, headingIndex, compiled.scoring.scale);
      const byProduct = productAnswers(parsed, headingIndex, categoryId, targets, compiled, findings, text);
      const section: AxisSection = {
        categoryId,
        axisId: axis.id,
        headingIndex,
        status,
        duplicate: earlier !== undefined,
        score,
        ...(byProduct ? { byProduct } : {}),
      };
      sections.push(section);
      if (earlier) {
        const line = parsed.headings[earlier.headingIndex].range.start.line;
        findings.push(
          finding('duplicate-axis', `A second section for "${axis.name}"; the first is on line ${line + 1}.`, heading.range, {
            categoryId,
            axisId: axis.id,
            firstLine: line,
          }),
        );
        continue;
      }
      first.set(key, section);
      for (const target of targets.filter((t) => t.categoryId === categoryId)) {
        const status = byProduct ? byProduct.get(target.productId)?.status : section.status;
        if (status !== 'empty' && status !== 'placeholder') continue;
        const what = status === 'empty' ? 'is empty' : 'holds only placeholders';
        const forWhom = byProduct ? ` for ${compiled.product(categoryId, target.productId)?.name ?? target.productId}` : '';
        findings.push(
          finding('unanswered-axis', `The section "${axis.name}" ${what}${forWhom}.`, heading.range, {
            categoryId,
            productId: target.productId,
            axisId: axis.id,
            status,
          }),
        );
      }
    }
    if (!matched) unmatched.push(headingIndex);
  });

  const matchers = categoryIds.flatMap((id) => compiled.axes(id) ?? []);
  const answered = (categoryId: string, axisId: string) => first.has(`${categoryId}\n${axisId}`);
  for (const headingIndex of unmatched) {
    const typo = axisTypo(parsed.headings[headingIndex], matchers, answered);
    if (typo) findings.push(typo);
  }
  return sections;
}

/** What a section of a note about several products of the category answers for each (see comparisonAnswers); undefined for a note about one. */
function productAnswers(
  parsed: ParsedNote,
  headingIndex: number,
  categoryId: string,
  targets: readonly NoteTarget[],
  compiled: CompiledScope,
  findings: Finding[],
  text: NoteText | undefined,
): Map<string, ProductAnswer> | undefined {
  const ids = targets.filter((t) => t.categoryId === categoryId).map((t) => t.productId);
  if (ids.length < 2) return undefined;
  const inCategory = (text: string) => compiled.products.named(text).filter((t) => t.categoryId === categoryId);
  const named = (text: string) => inCategory(text).flatMap((t) => (ids.includes(t.productId) ? [t.productId] : []));
  const others: LabeledPart[] = [];
  const namesOther = (part: LabeledPart) =>
    named(part.label).length === 0 && compiled.products.named(part.label).length > 0 && others.push(part) > 0;
  const answers = comparisonAnswers(parsed, headingIndex, ids, named, namesOther, compiled.isPlaceholder, compiled.scoring.scale, text);
  const names = orList(ids.map((id) => compiled.product(categoryId, id)?.name ?? id));
  for (const other of others) {
    const message = `"${other.label}" is no product of this note: its part answers for none of ${names}.`;
    findings.push(finding('unattributed-answer', message, other.range, { labels: [other.label] }));
  }
  return answers;
}

/** The note's title: its first level-1 heading, which may name the product it is about. */
export function titleOf(parsed: ParsedNote): ParsedHeading | undefined {
  return parsed.headings.find((heading) => heading.level === 1);
}

function orList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : items.join('');
}

/**
 * `invalid-score` on each score line of an axis section that is not a score on the scope's scale; with a
 * `scoring` block, `unscored-answer` on each answered section that has no score line (in a comparison note, naming
 * the products whose answers have none). Once per line or heading,
 * though the subject's note matches one heading in several categories.
 */
function checkScores(parsed: ParsedNote, sections: readonly AxisSection[], compiled: CompiledScope, findings: Finding[]): void {
  const seenLines = new Set<number>();
  const seenHeadings = new Set<number>();
  for (const section of sections) {
    const { categoryId, axisId, headingIndex } = section;
    const lines = sectionScoreLines(parsed, headingIndex);
    for (const line of lines) {
      if (seenLines.has(line.range.start.line)) continue;
      seenLines.add(line.range.start.line);
      const reading = readScore(line.value, compiled.scoring.scale);
      if ('problem' in reading) findings.push(finding('invalid-score', reading.problem, line.range, { categoryId, axisId }));
    }
    // In a comparison note, each product's answer is scored by its own part or the shared text.
    const unscored = section.byProduct
      ? [...section.byProduct].filter(([, answer]) => answer.status === 'answered' && !answer.scored).map(([id]) => id)
      : lines.length > 0
        ? []
        : [''];
    if (
      !compiled.scope.scoring ||
      section.duplicate ||
      section.status !== 'answered' ||
      unscored.length === 0 ||
      seenHeadings.has(headingIndex)
    ) {
      continue;
    }
    seenHeadings.add(headingIndex);
    const name = compiled.axes(categoryId)?.axisOf(parsed.headings[headingIndex].normalized)?.name ?? parsed.headings[headingIndex].text;
    const some = section.byProduct && unscored.length < section.byProduct.size;
    const forWhom = some ? ` for ${orList(unscored.map((id) => compiled.product(categoryId, id)?.name ?? id))}` : '';
    findings.push(
      finding(
        'unscored-answer',
        `"${name}" is answered but not scored${forWhom}: add a line "Score: N" (0 to ${compiled.scoring.scale}).`,
        parsed.headings[headingIndex].range,
        { categoryId, axisId },
      ),
    );
  }
}

function didYouMean(ids: readonly string[]): string {
  return ids.length > 0 ? `. Did you mean ${ids.map((id) => `"${id}"`).join(', ')}?` : '.';
}
