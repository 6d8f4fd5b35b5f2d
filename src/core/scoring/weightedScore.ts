/** A product's score over its scored axes: the sum of score × weight, out of the scale × the same weights. */
export interface WeightedScore {
  readonly value: number;
  readonly max: number;
  /** How many axes are scored. */
  readonly scored: number;
  /** How many axes there are, scored or not: the base a reader needs to trust the score. */
  readonly axes: number;
}

/** Null when no axis is scored; unscored axes count for neither the value nor the maximum. */
export function weightedScore(
  axes: readonly { readonly score: number | null; readonly weight: number }[],
  scale: number,
): WeightedScore | null {
  let value = 0;
  let max = 0;
  let scored = 0;
  for (const { score, weight } of axes) {
    if (score === null) continue;
    value += score * weight;
    max += scale * weight;
    scored++;
  }
  return scored === 0 ? null : { value: round(value), max: round(max), scored, axes: axes.length };
}

/** The score as a share of its maximum, in whole percent. */
export function scorePercent(score: WeightedScore): number {
  return score.max === 0 ? 0 : Math.round((100 * score.value) / score.max);
}

/** Fewer than half the axes scored: too thin a base to rank the product among the others. */
export function thinlyScored(score: WeightedScore): boolean {
  return 2 * score.scored < score.axes;
}

/** `11/16 (69%)`, without its base: only where the sentence around it says the base. */
export function formatScoreValue(score: WeightedScore): string {
  return `${score.value}/${score.max} (${scorePercent(score)}%)`;
}

/** `11/16 (69%) on 4 of 5 axes`: the score always with its base, so a score over one axis never reads as a verdict. */
export function formatWeightedScore(score: WeightedScore): string {
  return `${formatScoreValue(score)} on ${score.scored} of ${score.axes} ${score.axes === 1 ? 'axis' : 'axes'}`;
}

/** Weights may be fractions: two decimals keep 0.1 + 0.2 from showing as 0.30000000000000004. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
