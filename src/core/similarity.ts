/** Levenshtein distance between two strings, or `limit + 1` as soon as it must exceed `limit` (cheap for far-apart strings). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** A text longer than this is no misspelt name: it gets no suggestions (the edit distance costs its length times each name's). */
export const MAX_SUGGESTED_LENGTH = 200;

/** The candidates closest to `target`, best first, at most `count`, none further than `maxDistance`. */
export function closest<T>(
  target: string,
  candidates: Iterable<T>,
  keysOf: (candidate: T) => readonly string[],
  count: number,
  maxDistance: number,
): T[] {
  if (target.length > MAX_SUGGESTED_LENGTH) return [];
  const scored: { candidate: T; distance: number }[] = [];
  for (const candidate of candidates) {
    let best = maxDistance + 1;
    for (const key of keysOf(candidate)) best = Math.min(best, editDistance(target, key, best - 1));
    if (best <= maxDistance) scored.push({ candidate, distance: best });
  }
  return scored
    .sort((x, y) => x.distance - y.distance)
    .slice(0, count)
    .map((s) => s.candidate);
}
