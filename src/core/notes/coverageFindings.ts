import { finding, type Finding } from './findings';
import type { NoteTarget } from './productMatcher';
import type { Scope } from '../scope/scopeModel';

/** A `no-note` finding on each product of the scope file that no research note is about yet. */
export function productsWithoutNotes(scope: Scope, hasNotes: (target: NoteTarget) => boolean): Finding[] {
  return scope.categories.flatMap((category) =>
    category.products
      .filter((product) => !hasNotes({ categoryId: category.id, productId: product.id }))
      .map((product) => finding('no-note', `${product.name} (${category.name}) has no research note yet.`, product.range, { categoryId: category.id, productId: product.id })),
  );
}
