import type { NoteIndex } from '../index/noteIndex';
import { findAxis, findProduct, type Lookup } from '../notes/scopeLookup';
import type { NoteTarget } from '../notes/productMatcher';
import { axisOf, categoryOf, productOf, type Axis } from '../scope/scopeModel';
import { productFacts, selectTargets, type SectionFacts, type Selection } from './scopeFacts';

/** The most products one comparison holds: a table an agent can read, not the whole matrix. */
export const MAX_COMPARED = 12;

/** An answer past its freshness limit, where it is and how old. */
export interface StaleAnswer {
  readonly category: string;
  readonly product: string;
  readonly axis: string;
  readonly file: string;
  /** 1-based line of the section's heading. */
  readonly line: number;
  readonly asOf: string;
  readonly ageDays: number;
  readonly freshnessDays: number;
}

/** The selection's answers older than their axis's freshness limit, oldest first (then by note and line). */
export function staleAnswers(index: NoteIndex, selection: Selection): Lookup<StaleAnswer[]> {
  const targets = selectTargets(index, selection);
  if (!targets.ok) return targets;
  const stale: StaleAnswer[] = [];
  for (const target of withSubject(index, targets.value, selection)) {
    const found = productOf(index.scope, target);
    for (const axis of index.productCoverage(target).axes) {
      const evidence = axis.evidence;
      if (!found || !evidence?.stale || evidence.asOf === null || evidence.ageDays === null || axis.file === null || axis.line === null) {
        continue;
      }
      stale.push({
        category: target.categoryId,
        product: found.product.id,
        axis: axisOf(index.scope, target.categoryId, axis.axisId)?.name ?? axis.axisId,
        file: axis.file,
        line: axis.line + 1,
        asOf: evidence.asOf,
        ageDays: evidence.ageDays,
        freshnessDays: evidence.freshnessDays,
      });
    }
  }
  stale.sort((a, b) => b.ageDays - a.ageDays || a.file.localeCompare(b.file) || a.line - b.line);
  return { ok: true, value: stale };
}

/** Our own product's rows too, where the selection names no product and a note covers it: its answers age as well. */
function withSubject(index: NoteIndex, targets: readonly NoteTarget[], selection: Selection): NoteTarget[] {
  if (selection.product !== undefined) return [...targets];
  const categories = new Set(targets.map((t) => t.categoryId));
  return [...targets, ...index.subjectCoverage().filter((row) => categories.has(row.categoryId))];
}

/** One cell of a comparison: the answer's status, score and excerpt with its citation. */
export type ComparedCell = Pick<SectionFacts, 'status' | 'file' | 'line' | 'excerpt' | 'score' | 'sources' | 'asOf' | 'stale'> & {
  readonly axis: string;
};

export interface Comparison {
  readonly category: { readonly id: string; readonly name: string };
  readonly axes: readonly { readonly id: string; readonly name: string }[];
  readonly rows: readonly { readonly product: { readonly id: string; readonly name: string }; readonly cells: readonly ComparedCell[] }[];
}

/**
 * Several products side by side over the axes named (all of their category's without any), in the one category they
 * share: `category` chooses among several, and products with none in common are refused, naming where each is.
 */
export function compareProducts(
  index: NoteIndex,
  request: { readonly products: readonly string[]; readonly axes?: readonly string[]; readonly category?: string },
): Lookup<Comparison> {
  const { scope } = index;
  if (request.products.length === 0 || request.products.length > MAX_COMPARED) {
    return { ok: false, message: `Name from 1 to ${MAX_COMPARED} products to compare.` };
  }
  const found: NoteTarget[][] = [];
  for (const name of request.products) {
    const targets = findProduct(scope, name, request.category);
    if (!targets.ok) return targets;
    found.push(targets.value);
  }
  const shared = found
    .map((targets) => new Set(targets.map((t) => t.categoryId)))
    .reduce((common, ids) => new Set([...common].filter((id) => ids.has(id))));
  if (shared.size !== 1) {
    const where = request.products.map((name, i) => `${name}: ${found[i].map((t) => t.categoryId).join(', ')}`).join('; ');
    return {
      ok: false,
      message:
        shared.size === 0
          ? `These products share no category (${where}); compare products of one category.`
          : `These products share several categories (${[...shared].join(', ')}); choose one with the category argument.`,
    };
  }
  const categoryId = [...shared][0];
  const category = categoryOf(scope, categoryId);
  if (!category) return { ok: false, message: `"${categoryId}" is not a category of the scope.` };
  const axes: Axis[] = [];
  for (const name of request.axes ?? category.axes.map((a) => a.id)) {
    const axis = findAxis(category, name);
    if (!axis.ok) return axis;
    if (!axes.includes(axis.value)) axes.push(axis.value);
  }
  const rows = found.map((targets) => {
    const target = targets.find((t) => t.categoryId === categoryId)!;
    const facts = productFacts(index, target);
    const cells = axes.map((axis): ComparedCell => {
      const section = facts?.sections.find((s) => s.axis.id === axis.id);
      const { status = 'missing', file = null, line = null, excerpt, score, sources, asOf, stale } = section ?? {};
      return { axis: axis.name, status, file, line, excerpt, score, sources, asOf, stale };
    });
    return { product: { id: target.productId, name: facts?.product.name ?? target.productId }, cells };
  });
  return {
    ok: true,
    value: { category: { id: category.id, name: category.name }, axes: axes.map((a) => ({ id: a.id, name: a.name })), rows },
  };
}
