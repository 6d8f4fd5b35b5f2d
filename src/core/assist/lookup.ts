import type { NoteTarget } from '../notes/productMatcher';
import { subjectOf, type Category, type Product, type Scope } from '../scopeModel';

/** A note target's category and product; the scope's subject counts as a product of every category. */
export function productOf(scope: Scope, target: NoteTarget): { category: Category; product: Product } | undefined {
  const category = scope.categories.find((c) => c.id === target.categoryId);
  const subject = subjectOf(scope);
  const product = category?.products.find((p) => p.id === target.productId) ?? (subject?.id === target.productId ? subject : undefined);
  return category && product ? { category, product } : undefined;
}
