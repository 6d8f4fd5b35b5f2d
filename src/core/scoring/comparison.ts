/** How a competitor stands against our product on one axis, where both are scored. */
export type Comparison = 'we-lead' | 'parity' | 'they-lead';

export const COMPARISONS: readonly Comparison[] = ['we-lead', 'parity', 'they-lead'];

/** A word and a symbol for each, so that the matrix never rests on colour alone. */
export const COMPARISON_LABEL: Readonly<Record<Comparison, string>> = { 'we-lead': 'We lead', parity: 'Parity', 'they-lead': 'They lead' };
export const COMPARISON_SYMBOL: Readonly<Record<Comparison, string>> = { 'we-lead': '▲', parity: '=', 'they-lead': '▼' };

/** Null when either side is unscored. */
export function compareScores(ours: number | null, theirs: number | null): Comparison | null {
  if (ours === null || theirs === null) return null;
  return ours > theirs ? 'we-lead' : ours < theirs ? 'they-lead' : 'parity';
}

export type ComparisonCounts = Readonly<Record<Comparison, number>>;

export function countComparisons(comparisons: readonly (Comparison | null)[]): ComparisonCounts {
  const counts = { 'we-lead': 0, parity: 0, 'they-lead': 0 };
  for (const comparison of comparisons) if (comparison) counts[comparison]++;
  return counts;
}
