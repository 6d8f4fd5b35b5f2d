import type { Scope } from '../scope/scopeModel';
import type { Named } from './cellStates';

/** A category, or a product or an axis of a category, added to or removed from the scope. */
export interface ScopeChange {
  readonly kind: 'category' | 'product' | 'axis';
  /** The category itself for a category; the one holding the product or the axis otherwise. */
  readonly category: Named;
  readonly id: string;
  readonly name: string;
}

/** The same id under a new name: a rename, whose cells are the same cells. */
export interface ScopeRename {
  readonly kind: ScopeChange['kind'];
  readonly category: Named;
  readonly id: string;
  readonly before: string;
  readonly after: string;
}

export interface ScopeChanges {
  readonly added: readonly ScopeChange[];
  readonly removed: readonly ScopeChange[];
  readonly renamed: readonly ScopeRename[];
}

/** What the scope file's change did to its categories, products and axes, told apart by id. */
export function scopeChanges(base: Scope, head: Scope): ScopeChanges {
  const added: ScopeChange[] = [];
  const removed: ScopeChange[] = [];
  const renamed: ScopeRename[] = [];
  /** `within`: the category a product or an axis is in; a category is its own. */
  const compare = (kind: ScopeChange['kind'], within: (item: Named) => Named, was: readonly Named[], is: readonly Named[]) => {
    const before = byId(was);
    const after = byId(is);
    for (const [id, item] of after) {
      const old = before.get(id);
      if (!old) added.push({ kind, category: within(item), id, name: item.name });
      else if (old.name !== item.name) renamed.push({ kind, category: within(item), id, before: old.name, after: item.name });
    }
    for (const [id, item] of before) if (!after.has(id)) removed.push({ kind, category: within(item), id, name: item.name });
  };
  const categories = { before: byId(base.categories), after: byId(head.categories) };
  compare('category', (item) => ({ id: item.id, name: item.name }), base.categories, head.categories);
  for (const [id, category] of categories.after) {
    const old = categories.before.get(id);
    if (!old) continue;
    const named = { id, name: category.name };
    compare('product', () => named, old.products, category.products);
    compare('axis', () => named, old.axes, category.axes);
  }
  return { added, removed, renamed };
}

/** The first item of each id, as the scope's look-ups take it. */
function byId<T extends Named>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}
