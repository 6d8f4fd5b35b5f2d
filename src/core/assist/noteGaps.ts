import { finding, type Finding } from '../notes/findings';
import type { NoteTarget } from '../notes/productMatcher';
import type { Scope } from '../scopeModel';

/** A `no-note` finding on each product of the scope file that no research note is about yet. */
export function productsWithoutNotes(scope: Scope, notesOf: (target: NoteTarget) => readonly string[]): Finding[] {
  return scope.categories.flatMap((category) =>
    category.products
      .filter((product) => notesOf({ categoryId: category.id, productId: product.id }).length === 0)
      .map((product) => finding('no-note', `${product.name} (${category.name}) has no research note yet.`, product.range, { categoryId: category.id, productId: product.id })),
  );
}
