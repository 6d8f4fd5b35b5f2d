import type { Category } from '../scope/scopeModel';
import { compareScores, type Comparison } from './comparison';
import { weightedScore, type WeightedScore } from './weightedScore';

/** What scoring needs of a product's coverage: each axis's score. */
export interface ScoredAxes {
  readonly axes: readonly { readonly axisId: string; readonly score: number | null }[];
}

/** A product's weighted score over the axes of its category (weights from the scope; unknown axes weigh 1). */
export function productScore(category: Category, product: ScoredAxes, scale: number): WeightedScore | null {
  const weights = new Map(category.axes.map((axis) => [axis.id, axis.weight]));
  return weightedScore(
    product.axes.map((axis) => ({ score: axis.score, weight: weights.get(axis.axisId) ?? 1 })),
    scale,
  );
}

/** For each axis of a competitor, how it compares with the subject; all null without a subject. */
export function comparisonsWithSubject(product: ScoredAxes, subject: ScoredAxes | undefined): Map<string, Comparison | null> {
  const ours = new Map(subject?.axes.map((axis) => [axis.axisId, axis.score]));
  return new Map(product.axes.map((axis) => [axis.axisId, compareScores(ours.get(axis.axisId) ?? null, axis.score)]));
}
