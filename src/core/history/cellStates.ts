import type { AxisCoverage, NoteIndex, ProductCoverage } from '../index/noteIndex';
import type { AxisStatus } from '../notes/findings';
import { axisOf, productOf, subjectOf } from '../scope/scopeModel';
import { scoringOf } from '../scope/scale';
import { compareScores, type Comparison } from '../scoring/comparison';
import { productScore } from '../scoring/productScores';
import type { WeightedScore } from '../scoring/weightedScore';

/** How a competitor stands against our product on an axis; unknown unless both are scored. */
export type Verdict = Comparison | 'unknown';

/** An id and the name the scope gives it. */
export interface Named {
  readonly id: string;
  readonly name: string;
}

/** One cell (category × product × axis) at one point in history, as `check` reads it. */
export interface CellState {
  readonly status: AxisStatus;
  readonly score: number | null;
  /** Against the scope's subject; null on the subject's own row and in a scope without a subject. */
  readonly verdict: Verdict | null;
  /** The distinct URLs the answer cites. */
  readonly sources: readonly string[];
  readonly asOf: string | null;
  readonly stale: boolean;
  /** The note and 0-based line of the heading that decides the cell; null when no section answers it. */
  readonly file: string | null;
  readonly line: number | null;
  /** The answer's first sentence; null unless answered. */
  readonly excerpt: string | null;
  /** The answer as plain text, what a text change is told by; null unless answered. */
  readonly text: string | null;
}

/** A cell with where it stands in the scope. */
export interface SideCell {
  readonly category: Named;
  readonly product: Named;
  readonly axis: Named;
  readonly subject: boolean;
  readonly state: CellState;
}

/** A product's weighted score at one point. */
export interface SideProduct {
  readonly category: Named;
  readonly product: Named;
  readonly subject: boolean;
  readonly score: WeightedScore | null;
}

/** One side of a comparison: every cell and product of the scope, keyed by ids. */
export interface Side {
  readonly cells: ReadonlyMap<string, SideCell>;
  readonly products: ReadonlyMap<string, SideProduct>;
  readonly hasSubject: boolean;
}

/** The key of a cell or a product: its ids, joined by a line break (which no id holds). */
export const idKey = (...ids: readonly string[]): string => ids.join('\n');

/** Runs steps to their end: what a caller that does not share its time does with a `…Steps` generator. */
export function finished<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Every cell of the index's scope, the subject's rows included (in every category, as `check` compares with them):
 * one pass over the coverage the index keeps, linear in the cells. In steps, one after each product's row: the editor
 * yields between them.
 */
export function* sideSteps(index: NoteIndex): Generator<void, Side, void> {
  const scope = index.scope;
  const subject = subjectOf(scope);
  const { scale } = scoringOf(scope);
  const cells = new Map<string, SideCell>();
  const products = new Map<string, SideProduct>();
  const byCategory = new Map<string, ProductCoverage[]>();
  for (const coverage of index.coverage()) {
    const rows = byCategory.get(coverage.categoryId) ?? [];
    rows.push(coverage);
    byCategory.set(coverage.categoryId, rows);
  }
  const seen = new Set<string>();
  for (const category of scope.categories) {
    if (seen.has(category.id)) continue; // a repeated id: the first counts, as everywhere
    seen.add(category.id);
    const ours = subject ? index.productCoverage({ categoryId: category.id, productId: subject.id }) : undefined;
    const oursByAxis = new Map(ours?.axes.map((axis) => [axis.axisId, axis.score]));
    const rows = [...(ours && subject ? [{ coverage: ours, product: subject, isSubject: true }] : [])];
    for (const coverage of byCategory.get(category.id) ?? []) {
      const product = productOf(scope, coverage)?.product;
      if (product) rows.push({ coverage, product, isSubject: false });
    }
    for (const { coverage, product, isSubject } of rows) {
      const productKey = idKey(category.id, product.id);
      if (products.has(productKey)) continue;
      products.set(productKey, {
        category: named(category),
        product: named(product),
        subject: isSubject,
        score: productScore(category, coverage, scale),
      });
      for (const axisCoverage of coverage.axes) {
        const axis = named(axisOf(scope, category.id, axisCoverage.axisId) ?? { id: axisCoverage.axisId, name: axisCoverage.axisId });
        const verdict =
          isSubject || !subject ? null : (compareScores(oursByAxis.get(axisCoverage.axisId) ?? null, axisCoverage.score) ?? 'unknown');
        cells.set(idKey(category.id, product.id, axis.id), {
          category: named(category),
          product: named(product),
          axis,
          subject: isSubject,
          state: cellState(axisCoverage, verdict),
        });
      }
      yield;
    }
  }
  return { cells, products, hasSubject: subject !== undefined };
}

function named(item: Named): Named {
  return { id: item.id, name: item.name };
}

/** A cell's state; its excerpt and text are rendered when first read: a comparison reads them for a changed note's cells only. */
function cellState(axis: AxisCoverage, verdict: Verdict | null): CellState {
  const answered = axis.status === 'answered';
  let rendered: { excerpt: string | null; text: string | null } | undefined;
  const render = () => (rendered ??= { excerpt: answered ? (axis.excerpt ?? null) : null, text: answered ? (axis.section ?? null) : null });
  return {
    status: axis.status,
    score: axis.score,
    verdict,
    sources: axis.evidence?.sources ?? [],
    // The notes' own dates: git's line dates (the editor's present has them, a commit read from objects not) are no change.
    asOf: axis.evidence?.asOfFrom === 'git' ? null : (axis.evidence?.asOf ?? null),
    stale: axis.evidence?.stale ?? false,
    file: axis.file,
    line: axis.line,
    get excerpt() {
      return render().excerpt;
    },
    get text() {
      return render().text;
    },
  };
}
