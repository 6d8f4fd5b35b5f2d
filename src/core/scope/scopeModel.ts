import { slugify, type Range } from '../text';
import type { ScopeSeverities } from './severities';

/** The scope with every id resolved: what the tree, the analysis and the matrix work from. */
export interface Scope {
  readonly version: 1;
  readonly title: string;
  readonly subject?: string;
  /** Glob of research notes, relative to the scope file's folder. */
  readonly notes: string;
  /** Globs of files the notes glob matches that are no notes (see Glob); DEFAULT_EXCLUDE unless the file says. */
  readonly exclude: readonly string[];
  /** Extra words that mark a placeholder block, beside the built-in ones. */
  readonly placeholders: readonly string[];
  /** The `scoring` block when the scope has one: scores are read without it too, on the default scale. */
  readonly scoring?: Scoring;
  readonly categories: readonly Category[];
  readonly evidence?: EvidenceRule;
  readonly freshness?: number;
  /** The severity the scope file gives a finding code, over the finding's own; `off` drops it. */
  readonly severity?: ScopeSeverities;
}

/** `evidence:` and `freshness:` where the scope file sets them (the scope, a category, an axis); the nearest wins. */
export interface EvidencePolicy {
  readonly evidence?: EvidenceRule;
  /** Days an answer stays fresh; 0 means no limit. */
  readonly freshness?: number;
}

export type EvidenceRule = 'required' | 'optional';

export interface ScopeItem {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly aliases: readonly string[];
  /** Where the item stands in the scope file. */
  readonly range: Range;
}

export type Product = ScopeItem;
export interface Axis extends ScopeItem, EvidencePolicy {
  /** How much the axis counts in a weighted score; 1 unless the scope says otherwise. */
  readonly weight: number;
}

/** How notes score products: from 0 to `scale`, with an optional word for each value (empty: none). */
export interface Scoring {
  readonly scale: number;
  readonly labels: readonly string[];
}

/** The scale without a `scoring` block, or one that names none: 0 to 4, a Harvey ball each. */
export const DEFAULT_SCALE = 4;

export interface Category {
  readonly id: string;
  readonly name: string;
  readonly goal: string;
  readonly products: readonly Product[];
  readonly axes: readonly Axis[];
  readonly range: Range;
  readonly evidence?: EvidenceRule;
  readonly freshness?: number;
}

/**
 * The scope's subject (our own product) as a product of every category, so that a note about it is
 * analyzed against every axis and pinned above the competitors in the matrix.
 */
export function subjectOf(scope: Scope): Product | undefined {
  if (!scope.subject) return undefined;
  return { id: slugify(scope.subject), name: scope.subject, aliases: [], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** A category with its products and axes by id: the first of each id, as a search in scope order finds it. */
interface CategoryIds {
  readonly category: Category;
  readonly products: ReadonlyMap<string, Product>;
  readonly axes: ReadonlyMap<string, Axis>;
}

/**
 * Each scope's categories by id, built the first time one is looked up: the command line and agents look up
 * every product and axis of a scope of tens of thousands, and a search of the scope for each is quadratic.
 * Scopes are never changed once made, so the look-up stays true for as long as the scope lives.
 */
const idsByScope = new WeakMap<Scope, ReadonlyMap<string, CategoryIds>>();

function categoryIds(scope: Scope): ReadonlyMap<string, CategoryIds> {
  let ids = idsByScope.get(scope);
  if (!ids) idsByScope.set(scope, (ids = byId(scope.categories.map((category) => ({ id: category.id, category, products: byId(category.products), axes: byId(category.axes) })))));
  return ids;
}

function byId<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

/** A category by id. */
export function categoryOf(scope: Scope, categoryId: string): Category | undefined {
  return categoryIds(scope).get(categoryId)?.category;
}

/** An axis of a category by ids. */
export function axisOf(scope: Scope, categoryId: string, axisId: string): Axis | undefined {
  return categoryIds(scope).get(categoryId)?.axes.get(axisId);
}

/** A product of a category by ids; the scope's subject counts as a product of every category. */
export function productOf(scope: Scope, ids: { readonly categoryId: string; readonly productId: string }): { category: Category; product: Product } | undefined {
  const found = categoryIds(scope).get(ids.categoryId);
  if (!found) return undefined;
  const subject = subjectOf(scope);
  const product = found.products.get(ids.productId) ?? (subject?.id === ids.productId ? subject : undefined);
  return product ? { category: found.category, product } : undefined;
}

export const DEFAULT_NOTES_GLOB = 'research/**/*.md';
/** A folder's README or index page is about the folder, not a product: no note unless the scope lists other exclusions. */
export const DEFAULT_EXCLUDE: readonly string[] = ['README.md', 'index.md'];
export const SCOPE_FILE_NAME = 'competitor-scope.yaml';
/** The names a scope file may have, the first preferred when a folder holds both. */
export const SCOPE_FILE_NAMES: readonly string[] = [SCOPE_FILE_NAME, 'competitor-scope.yml'];

/** A problem in a scope file, at the range of the node it is about. */
export interface ScopeProblem {
  readonly message: string;
  readonly range: Range;
}

export type ScopeParseResult =
  | { readonly ok: true; readonly scope: Scope; readonly problems: readonly [] }
  | { readonly ok: false; readonly problems: readonly ScopeProblem[] };
