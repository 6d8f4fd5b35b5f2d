import { DEFAULT_SCALE, type Scope, type Scoring } from './scopeModel';

/** The scope's scoring, or the default scale (0 to 4, no labels) when it has no `scoring` block. */
export function scoringOf(scope: Scope): Scoring {
  return scope.scoring ?? { scale: DEFAULT_SCALE, labels: [] };
}

/** Harvey balls from empty to full: a score shows as the one nearest its share of the scale. */
export const HARVEY_BALLS = ['○', '◔', '◑', '◕', '●'] as const;

export function harveyBall(score: number, scale: number): string {
  const share = scale > 0 ? Math.min(Math.max(score / scale, 0), 1) : 0;
  return HARVEY_BALLS[Math.round(share * (HARVEY_BALLS.length - 1))];
}

/** The scope's word for a score, when it gives labels. */
export function scoreLabel(scoring: Scoring, score: number): string | undefined {
  return scoring.labels[score];
}

/** `3/4 (strong)`: a score as a reader (and a screen reader) gets it. */
export function describeScore(scoring: Scoring, score: number): string {
  const label = scoreLabel(scoring, score);
  return `${score}/${scoring.scale}${label ? ` (${label})` : ''}`;
}
