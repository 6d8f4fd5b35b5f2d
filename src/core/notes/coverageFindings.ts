import { finding, type Finding } from './findings';
import type { CompiledScope, NoteAnalysis } from './noteAnalyzer';
import type { NoteTarget } from './productMatcher';
import type { Axis, Scope } from '../scope/scopeModel';
import { normalizeText } from '../text';

const FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A `no-note` finding on each product of the scope file that no research note is about yet. */
export function productsWithoutNotes(scope: Scope, hasNotes: (target: NoteTarget) => boolean): Finding[] {
  return scope.categories.flatMap((category) =>
    category.products
      .filter((product) => !hasNotes({ categoryId: category.id, productId: product.id }))
      .map((product) =>
        finding('no-note', `${product.name} (${category.name}) has no research note yet.`, product.range, {
          categoryId: category.id,
          productId: product.id,
        }),
      ),
  );
}

/** The one finding on a note that is not analyzed (see decodeNote). */
export function unreadableNote(reason: string): Finding {
  return finding('unreadable-note', `This note is not analyzed: ${reason}.`, FIRST_LINE, { reason });
}

/** What `missing-axis` reads of a product's notes (see NoteIndex). */
export interface ProductNotes {
  /** The axes its notes head; undefined for none. */
  readonly headed: ReadonlyMap<string, unknown> | undefined;
  /** Its notes' paths. */
  readonly paths: ReadonlySet<string>;
  /** The first of them in path order: the note that carries the product's missing axes. */
  readonly first: string | undefined;
}

/** A product's other notes are named in a missing axis's message up to this many; beyond, counted. */
const NAMED_NOTES = 3;

/**
 * A `missing-axis` finding for each axis of a product's category that no note of the product heads, whatever its
 * status, on the product's first note only (once a product, not once a note). An axis name that several categories
 * share (the subject is a product of every category) is one finding: one heading answers it in all of them.
 */
export function missingAxes(analysis: NoteAnalysis, compiled: CompiledScope, notesOf: (target: NoteTarget) => ProductNotes): Finding[] {
  const missing = new Map<string, { target: NoteTarget; axis: Axis; categories: string[]; paths: ReadonlySet<string> }>();
  for (const target of analysis.targets) {
    const category = compiled.category(target.categoryId);
    const notes = notesOf(target);
    if (!category || notes.first !== analysis.path) continue;
    for (const axis of category.axes) {
      if (notes.headed?.has(axis.id)) continue;
      const key = `${target.productId}\n${normalizeText(axis.name)}`;
      const shared = missing.get(key);
      if (shared) shared.categories.push(category.name);
      else missing.set(key, { target, axis, categories: [category.name], paths: notes.paths });
    }
  }
  return [...missing.values()].map(({ target, axis, categories, paths }) => {
    const product = compiled.product(target.categoryId, target.productId)?.name ?? target.productId;
    const message = `No section answers "${axis.name}" (${categories.join(', ')}) for ${product}${elsewhere(analysis.path, paths)}.`;
    return finding('missing-axis', message, analysis.anchor, {
      ...target,
      axisId: axis.id,
      axisName: axis.name,
      categoryName: categories[0],
    });
  });
}

/** Where else the product's notes were looked in: its other notes by name when they are few, else how many. */
function elsewhere(path: string, paths: ReadonlySet<string>): string {
  if (paths.size <= 1) return '';
  if (paths.size > NAMED_NOTES + 1) return ` in any of its ${paths.size} notes`;
  const others = [...paths].filter((p) => p !== path).sort();
  const last = others.pop();
  return ` in this note or in ${others.length > 0 ? `${others.join(', ')} or ` : ''}${last}`;
}
