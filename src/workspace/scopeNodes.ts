import type { Axis, Category, Product } from '../core/scope/scopeModel';
import type { ScopeRef } from './noteNavigation';

/** `root` names the scope (see ScopeRoots) a node belongs to; nodes made without it belong to the current one. */
export type ScopeNode =
  | { readonly kind: 'root'; readonly root: string }
  | { readonly kind: 'category'; readonly root?: string; readonly category: Category }
  | { readonly kind: 'product'; readonly root?: string; readonly category: Category; readonly product: Product }
  | { readonly kind: 'axis'; readonly root?: string; readonly category: Category; readonly product: Product; readonly axis: Axis };

/** A product's or an axis's tree node, or plain ids: the tree passes nodes, the lenses and other callers pass ids. */
export type Target = Exclude<ScopeNode, { kind: 'category' | 'root' }> | ScopeRef;

export function refOf(target: Target): ScopeRef {
  if (!('kind' in target)) return target;
  const ref = { root: target.root, categoryId: target.category.id, productId: target.product.id };
  return target.kind === 'axis' ? { ...ref, axisId: target.axis.id } : ref;
}
