import type { NoteIndex } from '../index/noteIndex';
import { findCategory, findProduct, type Lookup } from '../notes/scopeLookup';
import type { NoteTarget } from '../notes/productMatcher';
import { categoryOf, subjectOf, type Scope } from '../scope/scopeModel';
import { buildBattlecard, type Battlecard } from './battlecard';
import { buildMatrix, type MatrixModel, type ProductCoverageInput } from './matrixModel';

/** A scope's rows as the matrix and the battlecards show them: the subject's where a note covers it, then every product's. */
export function coverageRows(index: NoteIndex): ProductCoverageInput[] {
  return [...index.subjectCoverage(), ...index.coverage()];
}

/** The comparison matrix of the index's scope and notes. */
export function matrixOfIndex(index: NoteIndex): MatrixModel {
  return buildMatrix(index.scope, coverageRows(index));
}

/**
 * The battlecard of the competitor named (id, name or alias; in `category` when given) against the scope's subject,
 * or why there is none: a name the scope does not know gets the products it may have meant.
 */
export function battlecardOf(index: NoteIndex, name: string, category?: string): Lookup<Battlecard> {
  const found = findProduct(index.scope, name, category);
  if (!found.ok) return found;
  const target = found.value[0];
  // Only the target's category is built: a card is one table's rows.
  const model = buildMatrix(
    index.scope,
    coverageRows(index).filter((row) => row.categoryId === target.categoryId),
  );
  const card = buildBattlecard(index.scope, model, target.categoryId, target.productId);
  return card ? { ok: true, value: card } : { ok: false, message: `"${name}" is not a competitor in the scope.` };
}

/**
 * Why the category cannot be told: a competitor in several categories without a category (a card compares in one,
 * and picking one would be a guess), or one named in a category it is not in. Undefined when it can be. `option` is how the
 * caller names the category: `--category` on the command line, the category argument for agents.
 */
export function battlecardCategoryRefusal(scope: Scope, product: string, category: string | undefined, option: string): string | undefined {
  const found = findProduct(scope, product);
  const subjectId = subjectOf(scope)?.id;
  const targets = found.ok ? found.value.filter((target) => target.productId !== subjectId) : [];
  const named = (target: NoteTarget) => `${target.categoryId} (${categoryOf(scope, target.categoryId)?.name ?? target.categoryId})`;
  if (category === undefined) {
    if (targets.length < 2) return undefined;
    return `"${product}" is a competitor in ${targets.length} categories: ${targets.map(named).join(', ')}; choose one with ${option}.`;
  }
  const inCategory = findProduct(scope, product, category);
  if (inCategory.ok || targets.length === 0 || !findCategory(scope, category).ok) return undefined;
  return `"${product}" is not in the category "${category}"; it is a competitor in ${targets.map(named).join(', ')}.`;
}
