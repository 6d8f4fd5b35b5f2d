import { STATUS_LABEL, STATUS_SYMBOL } from '../matrix/cellStatus';
import { COMPARISON_LABEL } from '../scoring/comparison';
import { formatWeightedScore, type WeightedScore } from '../scoring/weightedScore';
import type { CellState, Verdict } from './cellStates';
import type { CellChange, ChangeKind, ChangeSummary, PictureChange, VerdictCounts } from './pictureChange';
import type { ScopeChanges } from './scopeChanges';

/** The words each kind of change is told by. */
export const KIND_WORDS: Readonly<Record<ChangeKind, string>> = {
  answered: 'answered',
  unanswered: 'unanswered',
  text: 'text',
  score: 'score',
  verdict: 'verdict',
  sources: 'sources',
  asOf: 'as of',
};

export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = { ...COMPARISON_LABEL, unknown: 'Unknown' };

/** What the two points are called in the outputs: a ref and its short commit, or the working tree. */
export interface PointNames {
  readonly base: string;
  readonly head: string;
}

/** A cell's state in a few words: status (with its symbol) or score, verdict, as-of; `excerpt` adds the answer's first sentence. */
export function stateWords(state: CellState | null, excerpt: boolean): string {
  if (state === null) return 'not in the scope';
  const parts = [`${STATUS_SYMBOL[state.status]} ${STATUS_LABEL[state.status].toLowerCase()}`];
  if (state.score !== null) parts.push(`score ${state.score}`);
  if (state.verdict !== null) parts.push(VERDICT_WORDS[state.verdict].toLowerCase());
  if (state.asOf !== null) parts.push(`as of ${state.asOf}`);
  if (state.status === 'answered') parts.push(`${state.sources.length} source${state.sources.length === 1 ? '' : 's'}`);
  if (excerpt && state.excerpt) parts.push(`“${state.excerpt}”`);
  return parts.join(' · ');
}

/** `text, score, sources (+1 −2)`; a flip our product's note made says so. */
export function kindsWords(change: CellChange): string {
  return change.kinds
    .map((kind) => {
      if (kind === 'sources') return `sources (+${change.sourcesAdded.length} −${change.sourcesRemoved.length})`;
      if (kind === 'verdict' && change.verdictBySubject) return 'verdict (by our product’s note)';
      return KIND_WORDS[kind];
    })
    .join(', ');
}

/** `12 cells changed: answered +3 −1, 2 verdict flips, 4 score changes`: what a reviewer reads first. */
export function headline(summary: ChangeSummary): string {
  const { changed } = summary;
  if (changed.cells === 0) return 'No cell changed';
  const flips = `${changed.verdictFlips} verdict flip${changed.verdictFlips === 1 ? '' : 's'}`;
  const scores = `${changed.scoreChanges} score change${changed.scoreChanges === 1 ? '' : 's'}`;
  return `${changed.cells} cell${changed.cells === 1 ? '' : 's'} changed: answered +${changed.answered} −${changed.unanswered}, ${flips}, ${scores}`;
}

/** The totals before → after, one line each. */
export function totalsLines(summary: ChangeSummary): string[] {
  const arrow = (pair: { before: number; after: number }) => `${pair.before} → ${pair.after}`;
  const verdicts = (counts: VerdictCounts) => `${counts['we-lead']}/${counts.parity}/${counts['they-lead']}/${counts.unknown}`;
  return [
    `Answered ${arrow(summary.answered)} (of ${arrow(summary.cells)} cells); stale ${arrow(summary.stale)}; unsourced ${arrow(summary.unsourced)}.`,
    `Verdicts against our product (we lead/parity/they lead/unknown): ${verdicts(summary.verdicts.before)} → ${verdicts(summary.verdicts.after)}.`,
  ];
}

export function scoreWords(score: WeightedScore | null): string {
  return score === null ? 'unscored' : formatWeightedScore(score);
}

/** One line per category, product or axis added, removed or renamed. */
export function scopeLines(scope: ScopeChanges, quote: (text: string) => string): string[] {
  const where = (change: { kind: string; category: { name: string } }) =>
    change.kind === 'category' ? '' : ` (in ${quote(change.category.name)})`;
  return [
    ...scope.added.map((c) => `${c.kind} added: ${quote(c.name)}${where(c)}`),
    ...scope.removed.map((c) => `${c.kind} removed: ${quote(c.name)}${where(c)}`),
    ...scope.renamed.map((c) => `${c.kind} renamed: ${quote(c.before)} → ${quote(c.after)}${where(c)}`),
  ];
}

/** `diff --format text`: one line per changed cell, then the scope's changes and the totals. */
export function changeText(picture: PictureChange, names: PointNames): string[] {
  const cells = picture.changes.map(
    (c) =>
      `${c.category.name} / ${c.product.name} / ${c.axis.name}: ${kindsWords(c)}: ${stateWords(c.before, false)} → ${stateWords(c.after, false)}`,
  );
  const scores = picture.summary.scores.map(
    (s) => `score of ${s.product.name} (${s.category.name}): ${scoreWords(s.before)} → ${scoreWords(s.after)}`,
  );
  return [
    ...cells,
    ...scopeLines(picture.scope, (name) => `"${name}"`),
    ...scores,
    ...totalsLines(picture.summary),
    `${headline(picture.summary)}; from ${names.base} to ${names.head}.`,
  ];
}
