import type { ProductCoverage } from '../index/noteIndex';
import type { NoteTarget } from '../notes/productMatcher';
import { productOf, type Scope } from '../scope/scopeModel';
import { coverageLabel } from './coverageText';

/** One line of "Go to Product…". */
export interface ProductPick {
  readonly target: NoteTarget;
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

/** Every product of the scope in scope order (once per category), with its category and coverage. */
export function productPicks(scope: Scope, coverage: readonly ProductCoverage[]): ProductPick[] {
  return coverage.flatMap((c) => {
    const found = productOf(scope, c);
    if (!found) return [];
    const { category, product } = found;
    const notes = c.notes.length > 0 ? c.notes.join(', ') : 'no note yet: choose to create it';
    return [
      {
        target: { categoryId: c.categoryId, productId: c.productId },
        label: product.name,
        description: category.name,
        detail: `${coverageLabel(c)} · ${notes}`,
      },
    ];
  });
}
