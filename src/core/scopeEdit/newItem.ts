import type { Scope } from '../scope/scopeModel';
import { ID_PATTERN } from '../scope/scopeSchema';
import { slugify } from '../text';

export type ListKind = 'products' | 'axes';

/** A category, product or axis to add: its id defaults to the slug of its name. */
export interface NewItem {
  readonly name: string;
  readonly id?: string;
  readonly description?: string;
}

export type NewItemPlace = { readonly kind: 'category' } | { readonly kind: ListKind; readonly category: number };

const NOUN = { category: 'category', products: 'product', axes: 'axis' } as const;

/** Why a name for a new item will not do, or undefined when it will. */
export function checkNewName(scope: Scope, place: NewItemPlace, name: string): string | undefined {
  if (!name.trim()) return `A ${NOUN[place.kind]} needs a name.`;
  if (!slugify(name)) return 'The name needs a letter or a digit (the id is made from it).';
  return checkNewId(scope, place, slugify(name));
}

/** Why an id for a new item will not do: its pattern, and uniqueness among its siblings. */
export function checkNewId(scope: Scope, place: NewItemPlace, id: string): string | undefined {
  if (!ID_PATTERN.test(id)) return `An id is letters, digits, "-", "_" or "." (it names note files), not "${id}".`;
  const siblings = place.kind === 'category' ? scope.categories : (scope.categories[place.category]?.[place.kind] ?? []);
  const clash = siblings.find((s) => s.id === id);
  if (!clash) return undefined;
  const where = place.kind === 'category' ? 'the scope' : `"${scope.categories[place.category].name}"`;
  return `"${clash.name}" in ${where} has the id "${id}" already.`;
}

/** The first problem with a new item, if any. */
export function checkNewItem(scope: Scope, place: NewItemPlace, item: NewItem): string | undefined {
  if (!item.name.trim()) return checkNewName(scope, place, item.name);
  return checkNewId(scope, place, item.id ?? slugify(item.name));
}
