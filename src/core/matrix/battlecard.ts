import { STATUS_LABEL, type AnswerEvidence } from './cellStatus';
import type { MatrixCell, MatrixModel, MatrixRow, MatrixTable } from './matrixModel';
import type { Scope, Scoring } from '../scope/scopeModel';
import type { Comparison } from '../scoring/comparison';
import { describeScore, harveyBall } from '../scope/scale';
import { formatScoreValue, weightedScore, type WeightedScore } from '../scoring/weightedScore';

/** One side of an axis on the battlecard: its score and the first sentence of its answer. */
export interface BattlecardSide extends AnswerEvidence {
  readonly score: number | null;
  readonly excerpt: string;
}

export interface BattlecardAxis {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
  /** The axis's place among the category's, so that a chart draws the axes in the scope's order. */
  readonly position: number;
  readonly ours: BattlecardSide;
  readonly theirs: BattlecardSide;
}

/** One competitor against our product: where we lead, where they lead, parity, and what is not known yet. */
export interface Battlecard {
  readonly categoryId: string;
  readonly productId: string;
  readonly product: string;
  readonly description: string;
  /** The scope's subject; null when it has none. */
  readonly subject: string | null;
  readonly category: string;
  readonly goal: string;
  readonly scoring: Scoring;
  /** Both sides' weighted scores over only the axes both have scored; null when they share none. */
  readonly shared: { readonly ours: WeightedScore; readonly theirs: WeightedScore } | null;
  /** How many axes the category has: the base the shared axes are counted against. */
  readonly axisCount: number;
  readonly sections: Readonly<Record<BattlecardSection, readonly BattlecardAxis[]>>;
}

/** Unknown: an axis where either side is unscored (unanswered included). */
export type BattlecardSection = Comparison | 'unknown';

export const BATTLECARD_SECTIONS: readonly BattlecardSection[] = ['we-lead', 'they-lead', 'parity', 'unknown'];

export const SECTION_TITLE: Readonly<Record<BattlecardSection, string>> = {
  'we-lead': 'Where we lead',
  'they-lead': 'Where they lead',
  parity: 'Parity',
  unknown: 'Unknown',
};

const NO_SIDE: BattlecardSide = {
  status: 'missing',
  score: null,
  excerpt: '',
  age: '',
  sources: [],
  stale: false,
  unsourced: false,
  asOf: null,
};

/**
 * The battlecard of a competitor, from the matrix the panel and the command line build (so that both show
 * the same comparison). Undefined when the category or product is not in the matrix.
 */
export function buildBattlecard(scope: Scope, model: MatrixModel, categoryId: string, productId: string): Battlecard | undefined {
  const table = model.tables.find((t) => t.categoryId === categoryId);
  const row = table?.rows.find((r) => r.key === productId && !r.subject);
  if (!table || !row) return undefined;
  const ours = table.rows.find((r) => r.subject);
  const sections: Record<BattlecardSection, BattlecardAxis[]> = { 'we-lead': [], 'they-lead': [], parity: [], unknown: [] };
  table.axes.forEach((axis, index) => {
    const theirs = row.cells[index];
    const our = ours?.cells[index];
    sections[theirs.vs ?? 'unknown'].push({
      id: axis.id,
      name: axis.name,
      weight: axis.weight,
      position: index,
      ours: our ? side(our) : NO_SIDE,
      theirs: side(theirs),
    });
  });
  const description = scope.categories.find((c) => c.id === categoryId)?.products.find((p) => p.id === productId)?.description ?? '';
  return {
    categoryId,
    productId,
    product: row.name,
    description,
    subject: model.subject,
    category: table.name,
    goal: table.goal,
    scoring: model.scoring,
    shared: sharedScores(table, row, ours, model.scoring.scale),
    axisCount: table.axes.length,
    sections,
  };
}

/** Each side's score over the axes both have scored: scores over different axes do not compare. */
function sharedScores(table: MatrixTable, theirs: MatrixRow, ours: MatrixRow | undefined, scale: number): Battlecard['shared'] {
  const both = table.axes.flatMap((axis, index) => {
    const our = ours?.cells[index].score ?? null;
    const their = theirs.cells[index].score;
    return our === null || their === null ? [] : [{ our, their, weight: axis.weight }];
  });
  const ourScore = weightedScore(
    both.map((a) => ({ score: a.our, weight: a.weight })),
    scale,
  );
  const theirScore = weightedScore(
    both.map((a) => ({ score: a.their, weight: a.weight })),
    scale,
  );
  return ourScore && theirScore ? { ours: ourScore, theirs: theirScore } : null;
}

function side(cell: MatrixCell): BattlecardSide {
  return {
    status: cell.status,
    score: cell.score,
    excerpt: cell.excerpt,
    age: cell.age,
    sources: cell.sources,
    stale: cell.stale,
    unsourced: cell.unsourced,
    asOf: cell.asOf,
  };
}

/** `◕ 3/4 (strong)`, or the status when the side is not scored: as the panel and the exports show a side. */
export function sideScore(card: Battlecard, side: BattlecardSide): string {
  return side.score === null
    ? `not scored (${STATUS_LABEL[side.status].toLowerCase()})`
    : `${harveyBall(side.score, card.scoring.scale)} ${describeScore(card.scoring, side.score)}`;
}

/** `Django vs. Grid + Throughput Engine`. */
export function battlecardTitle(card: Battlecard): string {
  return `${card.product} vs. ${card.subject ?? 'our product'}`;
}

/**
 * Both weighted scores in a sentence, over the axes both sides have scored and saying how many of the category's
 * those are: `Over the 1 of 5 axes both have scored: Grid 3/4 (75%), Django 2/4 (50%).`
 */
export function overallScores(card: Battlecard): string {
  const us = card.subject ?? 'Our product';
  const axes = `${card.axisCount} ${card.axisCount === 1 ? 'axis' : 'axes'}`;
  if (!card.shared) return `No axis of the ${axes} is scored for both ${us} and ${card.product}: their scores do not compare yet.`;
  const { ours, theirs } = card.shared;
  return `Over the ${ours.scored} of ${axes} both have scored: ${us} ${formatScoreValue(ours)}, ${card.product} ${formatScoreValue(theirs)}.`;
}
