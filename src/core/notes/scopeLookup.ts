import { AxisMatcher } from './axisMatcher';
import { ProductMatcher, type NoteTarget } from './productMatcher';
import type { Axis, Category, Scope } from '../scope/scopeModel';
import { normalizeText, slugify } from '../text';

/** What an agent, the chat or the command line asks about: a name resolved, or a message saying why not. */
export type Lookup<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** The longest name looked up: anything longer names nothing, and is not worth an edit-distance search. */
const MAX_NAME = 200;

/** A category by id or name (compared as slugs, as notes' `category:` is). */
export function findCategory(scope: Scope, name: string): Lookup<Category> {
  const slug = slugify(name.slice(0, MAX_NAME));
  const found = scope.categories.find((c) => c.id === slug || slugify(c.name) === slug);
  if (found) return { ok: true, value: found };
  return {
    ok: false,
    message: `"${shown(name)}" is not a category of the scope. Categories: ${scope.categories.map((c) => c.id).join(', ')}.`,
  };
}

/**
 * A product by id, name or alias, as a note's `product:` names it: every category that holds it (the scope's
 * subject is in all), or only `category` when given.
 */
export function findProduct(scope: Scope, name: string, category?: string): Lookup<NoteTarget[]> {
  if (name.trim() === '' || name.length > MAX_NAME) return { ok: false, message: 'Name a product by its id, name or alias.' };
  const link = new ProductMatcher(scope).match(name, category, '');
  if (link.kind === 'front-matter') return { ok: true, value: [...link.targets] };
  if (link.kind === 'unknown-category') {
    const found = findCategory(scope, link.category);
    if (!found.ok) return found;
  }
  const suggestions = link.kind === 'unknown-product' ? link.suggestions.map((s) => s.productName) : [];
  return {
    ok: false,
    message: `"${shown(name)}" is not a product of the scope${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '.'}`,
  };
}

/** An axis of a category by id, name or alias, as a heading answers it. */
export function findAxis(category: Category, name: string): Lookup<Axis> {
  const axis = name.length > MAX_NAME ? undefined : new AxisMatcher(category).axisOf(normalizeText(name));
  if (axis) return { ok: true, value: axis };
  return {
    ok: false,
    message: `"${shown(name)}" is not an axis of ${category.name}. Axes: ${category.axes.map((a) => a.name).join('; ')}.`,
  };
}

function shown(name: string): string {
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}

/**
 * The product and axis a new section is for. A product in several categories (the scope's subject) needs the
 * category unless only one of them has the axis.
 */
export function findSection(scope: Scope, product: string, axis: string, category?: string): Lookup<{ target: NoteTarget; axis: Axis }> {
  const targets = findProduct(scope, product, category);
  if (!targets.ok) return targets;
  const matches = targets.value.flatMap((target) => {
    const found = scope.categories.find((c) => c.id === target.categoryId);
    const lookup = found ? findAxis(found, axis) : undefined;
    return lookup?.ok ? [{ target, axis: lookup.value }] : [];
  });
  if (matches.length === 1) return { ok: true, value: matches[0] };
  if (matches.length > 1) {
    return {
      ok: false,
      message: `"${shown(axis)}" is an axis of several categories of ${shown(product)}; name the category (${matches.map((m) => m.target.categoryId).join(', ')}).`,
    };
  }
  const only = targets.value.length === 1 ? scope.categories.find((c) => c.id === targets.value[0].categoryId) : undefined;
  const lookup = only && findAxis(only, axis);
  if (lookup && !lookup.ok) return lookup;
  return { ok: false, message: `"${shown(axis)}" is not an axis of any category of ${shown(product)}.` };
}
