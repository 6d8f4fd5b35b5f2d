import type { NoteIndex } from '../index/noteIndex';
import { axisOf, productOf } from '../scope/scopeModel';

/** The most stale answers the prompt lists: the oldest first, the rest counted. */
const MAX_LISTED = 50;

/**
 * The "review the stale answers" prompt: every answer older than its axis's freshness limit, oldest first, each
 * with its note and line, and what reviewing one means (check its sources, then update the answer and its date).
 */
export function staleReviewPrompt(index: NoteIndex): string {
  const stale = index.coverage().flatMap((product) =>
    product.axes.flatMap((axis) => {
      if (axis.status !== 'answered' || !axis.evidence?.stale || axis.file === null || axis.line === null) return [];
      const found = productOf(index.scope, product);
      const axisName = axisOf(index.scope, product.categoryId, axis.axisId)?.name ?? axis.axisId;
      const where = `${axis.file}:${axis.line + 1}`;
      return [
        {
          asOf: axis.evidence.asOf ?? '',
          line: `- ${found?.product.name ?? product.productId}, ${axisName}: ${where}, as of ${axis.evidence.asOf ?? 'no date'} (limit ${axis.evidence.freshnessDays} days)`,
        },
      ];
    }),
  );
  if (stale.length === 0) return 'No answer of the notes is older than its freshness limit: there is nothing to review.';
  stale.sort((a, b) => a.asOf.localeCompare(b.asOf));
  const more = stale.length - MAX_LISTED;
  return [
    `Review the ${stale.length} stale answers of the competitor research, oldest first. For each, read the section at its note and line,`,
    'check its sources as they are today, then correct the answer where it changed and set its `As of` line to today. Cite every',
    'new source as a link. Where a source no longer says what the answer claims and you find no other, say so in the answer.',
    '',
    ...stale.slice(0, MAX_LISTED).map((s) => s.line),
    ...(more > 0 ? [`- and ${more} more, newer than these.`] : []),
  ].join('\n');
}
