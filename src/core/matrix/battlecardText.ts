import { CHART_STYLE } from '../charts/chartSeries';
import type { ExportFormatInfo } from './exportFormats';
import { escapeHtml } from '../html';
import { evidenceHtml, HTML_EXPORT_STYLE, standaloneHtml } from './exportHtml';
import { inline, markdownEvidence } from './exportMarkdown';
import { battlecardRadar } from './matrixCharts';
import {
  BATTLECARD_SECTIONS,
  battlecardTitle as title,
  overallScores as overall,
  SECTION_TITLE,
  sideScore,
  type Battlecard,
} from './battlecard';

/** The battlecard as Markdown, every piece of team text escaped as the matrix export does. */
export function battlecardToMarkdown(card: Battlecard): string {
  const us = inline(card.subject ?? 'Us');
  const them = inline(card.product);
  const lines = [`# ${inline(title(card))}`, '', `${inline(card.category)}: ${inline(card.goal)}`, ''];
  if (card.description) lines.push(`${them}: ${inline(card.description)}`, '');
  lines.push(`Weighted score — ${inline(overall(card))}`);
  for (const section of BATTLECARD_SECTIONS) {
    const axes = card.sections[section];
    lines.push('', `## ${SECTION_TITLE[section]} (${axes.length})`, '');
    if (axes.length === 0) lines.push('None.');
    for (const axis of axes) {
      lines.push(
        `- **${inline(axis.name)}**${axis.weight !== 1 ? ` (×${axis.weight})` : ''}: ${us} ${inline(sideScore(card, axis.ours))}; ${them} ${inline(sideScore(card, axis.theirs))}`,
      );
      if (axis.ours.excerpt) lines.push(`  - ${us}: ${inline(axis.ours.excerpt)}${markdownEvidence(axis.ours)}`);
      if (axis.theirs.excerpt) lines.push(`  - ${them}: ${inline(axis.theirs.excerpt)}${markdownEvidence(axis.theirs)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The battlecard as one standalone HTML page: no scripts, the matrix export's styles, all text escaped. */
export function battlecardToHtml(card: Battlecard): string {
  const us = escapeHtml(card.subject ?? 'Us');
  const them = escapeHtml(card.product);
  const sections = BATTLECARD_SECTIONS.map((section) => {
    const axes = card.sections[section];
    const items = axes.map(
      (axis) => `<li class="${section}"><strong>${escapeHtml(axis.name)}</strong>${axis.weight !== 1 ? ` (×${axis.weight})` : ''}
<div>${us}: <span class="score">${escapeHtml(sideScore(card, axis.ours))}</span> ${escapeHtml(axis.ours.excerpt)}${evidenceHtml(axis.ours)}</div>
<div>${them}: <span class="score">${escapeHtml(sideScore(card, axis.theirs))}</span> ${escapeHtml(axis.theirs.excerpt)}${evidenceHtml(axis.theirs)}</div></li>`,
    );
    return `<section><h2>${SECTION_TITLE[section]} (${axes.length})</h2>\n${items.length ? `<ul>\n${items.join('\n')}\n</ul>` : '<p>None.</p>'}</section>`;
  });
  const head = `<p class="goal">${escapeHtml(card.category)}: ${escapeHtml(card.goal)}</p>
${card.description ? `<p>${them}: ${escapeHtml(card.description)}</p>\n` : ''}<p>Weighted score — ${escapeHtml(overall(card))}</p>
${battlecardRadar(card)}`;
  return standaloneHtml(title(card), `${head}\n${sections.join('\n')}`, `${HTML_EXPORT_STYLE}${CHART_STYLE}`);
}

export type BattlecardFormat = 'markdown' | 'html';

/** The battlecard's export formats, shared by the command, the panel's button and the command line. */
export const BATTLECARD_FORMATS: Readonly<Record<BattlecardFormat, ExportFormatInfo<Battlecard>>> = {
  markdown: {
    label: 'Markdown',
    description: 'to paste into a report, a wiki or a pull request',
    extension: 'md',
    render: battlecardToMarkdown,
  },
  html: { label: 'HTML', description: 'a standalone page', extension: 'html', render: battlecardToHtml },
};
