import { finding, type Finding } from './findings';
import type { CompiledScope, NoteAnalysis } from './noteAnalyzer';
import type { NoteTarget } from './productMatcher';
import type { Scope } from '../scope/scopeModel';

const FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A `no-note` finding on each product of the scope file that no research note is about yet. */
export function productsWithoutNotes(scope: Scope, hasNotes: (target: NoteTarget) => boolean): Finding[] {
  return scope.categories.flatMap((category) =>
    category.products
      .filter((product) => !hasNotes({ categoryId: category.id, productId: product.id }))
      .map((product) =>
        finding('no-note', `${product.name} (${category.name}) has no research note yet.`, product.range, {
          categoryId: category.id,
          productId: product.id,
        }),
      ),
  );
}

/** The one finding on a note that is not analyzed (see decodeNote). */
export function unreadableNote(reason: string): Finding {
  return finding('unreadable-note', `This note is not analyzed: ${reason}.`, FIRST_LINE, { reason });
}

/**
 * A `missing-axis` finding on the note for each axis of its products' categories that no note of the product has a
 * heading for, whatever its status: `headedAxes` gives the axes a product's notes head (undefined for none), so an
 * axis answered in another note is not missing.
 */
export function missingAxes(
  analysis: NoteAnalysis,
  compiled: CompiledScope,
  headedAxes: (target: NoteTarget) => ReadonlyMap<string, unknown> | undefined,
): Finding[] {
  const missing: Finding[] = [];
  for (const target of analysis.targets) {
    const category = compiled.category(target.categoryId);
    if (!category) continue;
    const headed = headedAxes(target);
    const product = compiled.product(target.categoryId, target.productId);
    for (const axis of category.axes) {
      if (headed?.has(axis.id)) continue;
      missing.push(
        finding(
          'missing-axis',
          `No section answers "${axis.name}" (${category.name}) for ${product?.name ?? target.productId}.`,
          analysis.anchor,
          {
            ...target,
            axisId: axis.id,
            axisName: axis.name,
            categoryName: category.name,
          },
        ),
      );
    }
  }
  return missing;
}
