import type { Scoring } from '../scope/scopeModel';
import { harveyBall, HARVEY_BALLS } from '../scope/scale';
import { formatWeightedScore } from '../scoring/weightedScore';
import { evidenceParts, STATUSES, type AnswerEvidence, STATUS_LABEL, STATUS_SYMBOL } from './cellStatus';
import type { MatrixCell, MatrixModel, MatrixTable } from './matrixModel';

/** The matrix as a Markdown document for a report or a pull request: one table per category, with the excerpts. */
export function matrixToMarkdown(model: MatrixModel): string {
  const legend = STATUSES.map((status) => `${STATUS_SYMBOL[status]} ${STATUS_LABEL[status].toLowerCase()}`).join(' · ');
  const balls = `${HARVEY_BALLS[0]} 0 to ${HARVEY_BALLS[HARVEY_BALLS.length - 1]} ${model.scoring.scale}`;
  const lines = [
    `# ${inline(model.title)}`,
    '',
    `Coverage: ${model.answered}/${model.total} answered. Legend: ${legend}; scores ${balls}.`,
  ];
  for (const table of model.tables) lines.push('', ...tableLines(table, model.scoring));
  return `${lines.join('\n')}\n`;
}

function tableLines(table: MatrixTable, scoring: Scoring): string[] {
  const lines = [`## ${inline(table.name)}`, ''];
  if (table.goal) lines.push(`Goal: ${inline(table.goal)}`, '');
  lines.push(
    markdownRow([
      'Product',
      ...table.axes.map((axis) => inline(axis.name) + (axis.weight !== 1 ? ` (×${axis.weight})` : '')),
      'Coverage',
      'Score',
    ]),
  );
  lines.push(markdownRow(['---', ...table.axes.map(() => '---'), '---:', '---:']));
  for (const product of table.rows) {
    const name = product.subject ? `**${inline(product.name)}** (subject)` : inline(product.name);
    const score = product.score ? formatWeightedScore(product.score) : '—';
    lines.push(
      markdownRow([name, ...product.cells.map((cell) => cellText(cell, scoring)), `${product.answered}/${product.cells.length}`, score]),
    );
  }
  const competitors = table.rows.filter((r) => !r.subject).length;
  lines.push(
    markdownRow([
      '**Answered**',
      ...table.axes.map((axis) => `${axis.answered}/${competitors}`),
      `**${table.answered}/${table.total}**`,
      '',
    ]),
  );
  return lines;
}

/** A scored cell leads with its Harvey ball and N/M; the others with their status symbol. */
export function cellText(cell: MatrixCell, scoring: Scoring): string {
  const text = cell.excerpt || STATUS_LABEL[cell.status].toLowerCase();
  const mark = cell.score === null ? STATUS_SYMBOL[cell.status] : `${harveyBall(cell.score, scoring.scale)} ${cell.score}/${scoring.scale}`;
  return `${mark} ${inline(text)}${markdownEvidence(cell)}`;
}

/** ` (3 mo · [1](…) · ⚠ stale)`: an answer's age, its sources as numbered links and its marks; '' when there are none. */
export function markdownEvidence(cell: AnswerEvidence): string {
  if (cell.status !== 'answered') return '';
  const links = cell.sources.map((url, i) => `[${i + 1}](${markdownUrl(url)})`).join(' ');
  const evidence = evidenceParts(cell, links);
  return evidence.length > 0 ? ` (${evidence.join(' · ')})` : '';
}

/** A source URL as a link destination: parsed and re-serialized, with what would end it or break the table escaped. */
function markdownUrl(url: string): string {
  return new URL(url).href.replace(/[()|<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A Markdown table row of cells already escaped with inline(): one space each side of a cell, one in an empty one. */
export function markdownRow(cells: readonly string[]): string {
  return `|${cells.map((cell) => (cell === '' ? ' |' : ` ${cell} |`)).join('')}`;
}

/**
 * Team text as literal Markdown inline text that also survives inside a table cell: one line,
 * `|` escaped, and Markdown and HTML syntax escaped so that it shows as written and runs nothing.
 */
export function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/[\\`*_[\]|<>]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}
