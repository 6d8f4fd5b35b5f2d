import { inline, markdownRow } from '../matrix/exportMarkdown';
import { printable } from '../printable';
import { headline, kindsWords, scopeLines, scoreWords, stateWords, totalsLines, type PointNames } from './changeWords';
import type { CellChange, PictureChange } from './pictureChange';

/**
 * Team text in a Markdown table or line: one line, no control character, Markdown and HTML shown as written, and a
 * URL as text (`https\://`), not a link: a reviewer sees where it leads before following it.
 */
const md = (text: string) => inline(printable(text)).replace(/:\/\//g, '\\://');

/**
 * The most changed cells and scores shown: a pull request's comment holds 65,536 characters and a job summary
 * 1 MiB, and a reviewer reads the first hundred at most. What is left out is counted.
 */
const MAX_ROWS = 200;
const MAX_SCORES = 50;

/**
 * `diff --format markdown`, for a pull request's comment and the job summary: a summary a reviewer reads in ten
 * seconds (the cells answered and unanswered, verdict flips, score changes), then one table per category of the
 * changed cells, before → after.
 */
export function changeMarkdown(picture: PictureChange, names: PointNames): string {
  const { summary } = picture;
  const lines = [`# Competitive picture: ${md(names.base)} → ${md(names.head)}`, '', `**${headline(summary)}.**`, ''];
  lines.push(...totalsLines(summary).map((line) => `- ${line}`));
  lines.push(
    ...summary.scores
      .slice(0, MAX_SCORES)
      .map((s) => `- Score of ${md(s.product.name)} (${md(s.category.name)}): ${scoreWords(s.before)} → ${scoreWords(s.after)}`),
  );
  if (summary.scores.length > MAX_SCORES) lines.push(`- …and ${summary.scores.length - MAX_SCORES} more score changes`);
  lines.push(...scopeLines(picture.scope, md).map((line) => `- Scope: ${line}`));
  for (const changes of byCategory(picture.changes.slice(0, MAX_ROWS))) {
    lines.push(
      '',
      `## ${md(changes[0].category.name)}`,
      '',
      markdownRow(['Product', 'Axis', 'Changed', 'Before', 'After']),
      markdownRow(['---', '---', '---', '---', '---']),
    );
    for (const change of changes) {
      const product = change.subject ? `**${md(change.product.name)}** (our product)` : md(change.product.name);
      lines.push(
        markdownRow([
          product,
          md(change.axis.name),
          md(kindsWords(change)) + sourcesWords(change),
          md(stateWords(change.before, true)),
          md(stateWords(change.after, true)),
        ]),
      );
    }
  }
  const left = picture.changes.length - MAX_ROWS;
  if (left > 0) lines.push('', `…and ${left} more changed cells, not shown here; \`diff --format json\` lists every one.`);
  return `${lines.join('\n')}\n`;
}

/** The changed cells grouped by category, in the order they come. */
function byCategory(changes: readonly CellChange[]): Iterable<CellChange[]> {
  const groups = new Map<string, CellChange[]>();
  for (const change of changes) {
    const group = groups.get(change.category.id) ?? [];
    group.push(change);
    groups.set(change.category.id, group);
  }
  return groups.values();
}

/** The URLs added and removed, as text (never links: a reviewer sees where they lead before following one). */
function sourcesWords(change: CellChange): string {
  const urls = [...change.sourcesAdded.map((url) => `+ ${url}`), ...change.sourcesRemoved.map((url) => `− ${url}`)];
  return urls.length === 0 ? '' : `: ${urls.map(md).join(' · ')}`;
}
