import type { AxisStatus } from '../notes/findings';
import type { NoteIndex } from '../index/noteIndex';
import type { NoteAnalysis } from '../notes/noteAnalyzer';
import type { BoundBy, NoteTarget } from '../notes/productMatcher';
import { productOf, subjectOf, type Axis, type Category, type Product } from '../scope/scopeModel';
import { findCategory, findProduct, type Lookup } from '../notes/scopeLookup';

/**
 * The facts that agents, the chat participant, the brief, the command line and the MCP server state about the
 * scope and its notes: computed here once, from the same coverage the tree and the matrix show.
 */

export interface ItemFacts {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly aliases: readonly string[];
}

export interface ScopeListing {
  readonly title: string;
  readonly subject: string | null;
  /** The notes glob, relative to the scope file's folder. */
  readonly notes: string;
  readonly categories: readonly {
    readonly id: string;
    readonly name: string;
    readonly goal: string;
    readonly products: readonly (ItemFacts & { readonly notes: readonly string[]; readonly answered: number })[];
    readonly axes: readonly ItemFacts[];
  }[];
}

/** One axis of one product, as its notes answer it. */
export interface SectionFacts {
  readonly axis: ItemFacts;
  readonly status: AxisStatus;
  /** The note and 1-based line of the heading that decides the status; null when missing. */
  readonly file: string | null;
  readonly line: number | null;
  /** The answer as plain text (each paragraph's opening), for answered sections. */
  readonly text?: string;
  readonly excerpt?: string;
  /** The answer's score on the scope's scale (its `Score:` line); null when it has none. */
  readonly score?: number | null;
  /** The distinct http(s) URLs the answer cites. */
  readonly sources?: readonly string[];
  /** The answer's as-of day (`As of` line, `reviewed:` or git), null without one, and whether it is older than its limit. */
  readonly asOf?: string | null;
  readonly stale?: boolean;
  /** The answer cites no source: a claim to check before repeating it. */
  readonly unsourced?: boolean;
  /** For an axis not answered, the headings that probably answer it once renamed (near misses of its name). */
  readonly probablyAnsweredBy?: readonly NearMissHeading[];
}

/** A heading that answers no axis but comes near one's name (`axis-typo`): where it is (1-based line) and its text. */
export interface NearMissHeading {
  readonly file: string;
  readonly line: number;
  readonly heading: string;
}

export interface ProductFacts {
  readonly category: { readonly id: string; readonly name: string; readonly goal: string };
  readonly product: ItemFacts;
  readonly subject: boolean;
  readonly notes: readonly string[];
  /** Which rule bound each note to the product, by note. */
  readonly boundBy: Readonly<Record<string, BoundBy>>;
  readonly sections: readonly SectionFacts[];
}

export type GapStatus = Exclude<AxisStatus, 'answered'>;

/** What a question about gaps names: a product (in one category or all that hold it), a category, or neither (all). */
export interface Selection {
  readonly product?: string;
  readonly category?: string;
}

export function scopeListing(index: NoteIndex): ScopeListing {
  const { scope } = index;
  return {
    title: scope.title,
    subject: scope.subject ?? null,
    notes: scope.notes,
    categories: scope.categories.map((category) => ({
      id: category.id,
      name: category.name,
      goal: category.goal,
      products: category.products.map((product) => {
        const coverage = index.productCoverage({ categoryId: category.id, productId: product.id });
        return { ...itemFacts(product), notes: coverage.notes, answered: coverage.axes.filter((a) => a.status === 'answered').length };
      }),
      axes: category.axes.map(itemFacts),
    })),
  };
}

/** The products a selection names, in scope order: one product, a category's products, or every product. */
export function selectTargets(index: NoteIndex, selection: Selection): Lookup<NoteTarget[]> {
  const { scope } = index;
  if (selection.product !== undefined) return findProduct(scope, selection.product, selection.category);
  if (selection.category !== undefined) {
    const category = findCategory(scope, selection.category);
    if (!category.ok) return category;
    return { ok: true, value: category.value.products.map((p) => ({ categoryId: category.value.id, productId: p.id })) };
  }
  return { ok: true, value: scope.categories.flatMap((c) => c.products.map((p) => ({ categoryId: c.id, productId: p.id }))) };
}

/** One product's sections in its category, in axis order, with status, place and text. */
export function productFacts(index: NoteIndex, target: NoteTarget): ProductFacts | undefined {
  const found = productOf(index.scope, target);
  if (!found) return undefined;
  const { category, product } = found;
  const coverage = index.productCoverage(target);
  const byAxis = new Map(coverage.axes.map((a) => [a.axisId, a]));
  const nearMisses = nearMissHeadings(index, target);
  const sections = category.axes.map((axis): SectionFacts => {
    const covered = byAxis.get(axis.id);
    const place = { file: covered?.file ?? null, line: covered?.line == null ? null : covered.line + 1 };
    if (covered?.status !== 'answered') {
      const near = nearMisses.get(axis.id);
      return { axis: itemFacts(axis), status: covered?.status ?? 'missing', ...place, ...(near ? { probablyAnsweredBy: near } : {}) };
    }
    return {
      axis: itemFacts(axis),
      status: 'answered',
      ...place,
      text: covered.section ?? '',
      excerpt: covered.excerpt ?? '',
      score: covered.score,
      sources: covered.evidence?.sources ?? [],
      asOf: covered.evidence?.asOf ?? null,
      stale: covered.evidence?.stale ?? false,
      unsourced: (covered.evidence?.sources.length ?? 0) === 0,
    };
  });
  return {
    category: categoryFacts(category),
    product: itemFacts(product),
    subject: product.id === subjectOf(index.scope)?.id,
    notes: coverage.notes,
    boundBy: boundByOf(index, coverage.notes),
    sections,
  };
}

/**
 * The near-miss headings of a product's notes, by the axis each probably answers (in note and line order); `current`
 * stands for its note as it is now, in place of the index's reading.
 */
export function nearMissHeadings(index: NoteIndex, target: NoteTarget, current?: NoteAnalysis): Map<string, NearMissHeading[]> {
  const byAxis = new Map<string, NearMissHeading[]>();
  const paths = new Set([...index.notesOf(target), ...(current ? [current.path] : [])]);
  for (const path of [...paths].sort()) {
    const analysis = path === current?.path ? current : index.note(path);
    for (const found of analysis?.findings ?? []) {
      if (found.code !== 'axis-typo') continue;
      const heading = { file: path, line: found.range.start.line + 1, heading: found.data.heading };
      for (const axis of found.data.axes) {
        if (axis.categoryId === target.categoryId) byAxis.set(axis.axisId, [...(byAxis.get(axis.axisId) ?? []), heading]);
      }
    }
  }
  return byAxis;
}

/** The selected products with the axes their notes leave missing, empty or placeholder; products with none are left out. */
export function gapFacts(index: NoteIndex, targets: readonly NoteTarget[]): ProductFacts[] {
  return targets
    .map((target) => productFacts(index, target))
    .filter((facts): facts is ProductFacts => facts !== undefined)
    .map((facts) => ({ ...facts, sections: facts.sections.filter((s) => s.status !== 'answered') }))
    .filter((facts) => facts.sections.length > 0);
}

/** Which rule bound each of the notes to its product (see ProductMatcher.match), by the note's path as `file` prints it. */
export function boundByOf(
  index: NoteIndex,
  notes: readonly string[],
  file: (path: string) => string = (path) => path,
): Record<string, BoundBy> {
  const bound: Record<string, BoundBy> = {};
  for (const path of notes) {
    const link = index.note(path)?.link;
    if (link && 'targets' in link) bound[file(path)] = link.kind;
  }
  return bound;
}

function itemFacts(item: Product | Axis): ItemFacts {
  return { id: item.id, name: item.name, ...(item.description ? { description: item.description } : {}), aliases: item.aliases };
}

function categoryFacts(category: Category): ProductFacts['category'] {
  return { id: category.id, name: category.name, goal: category.goal };
}
