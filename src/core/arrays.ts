/** Arrays as long-lived results keep them. */

const NONE: readonly never[] = Object.freeze([]);

/**
 * An array as a result kept for long holds it: a copy of exactly its length (an array grown by push has room for
 * more, which every note's every heading would hold on to), or one shared empty array, frozen.
 */
export function kept<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? NONE : items.slice();
}
