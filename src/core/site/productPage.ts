import { escapeHtml } from '../html';
import { EVIDENCE_SYMBOL, STATUS_LABEL, STATUS_SYMBOL } from '../matrix/cellStatus';
import { categoryRadar } from '../matrix/matrixCharts';
import type { MatrixModel, MatrixRow, MatrixTable } from '../matrix/matrixModel';
import { describeScore } from '../scope/scale';
import { COMPARISON_LABEL, COMPARISON_SYMBOL, COMPARISONS } from '../scoring/comparison';
import { formatWeightedScore } from '../scoring/weightedScore';
import { answerHtml } from './answerHtml';
import { categoryFile, noteLink, sitePage, type SiteBuild } from './sitePage';

/** What a product page shows besides the matrix: its description and, per axis, the answer's Markdown source. */
export interface ProductPageInput {
  readonly model: MatrixModel;
  readonly table: MatrixTable;
  readonly row: MatrixRow;
  readonly description: string;
  /** The answer's Markdown for the axis at that index; undefined when it has none. */
  readonly answer: (axisIndex: number) => string | undefined;
  readonly build: SiteBuild;
}

/** A product's page in a category: each axis's answer and evidence, and for a competitor its battlecard against ours. */
export function productPage(input: ProductPageInput): string {
  const { table, row, model } = input;
  const ours = table.rows.find((r) => r.subject);
  const battlecard = !row.subject && ours ? battlecardHtml(input, ours) : '';
  const score = row.score
    ? `<p>Weighted score: <strong>${formatWeightedScore(row.score)}</strong>; ${row.answered} of ${row.cells.length} axes answered.</p>`
    : `<p>${row.answered} of ${row.cells.length} axes answered; none scored.</p>`;
  return sitePage({
    title: `${row.name} in ${table.name} — ${model.title}`,
    siteTitle: model.title,
    body: `<h1>${escapeHtml(row.name)}${row.subject ? ' <em>(ours)</em>' : ''}</h1>
<p>In <a href="${categoryFile(table.categoryId)}">${escapeHtml(table.name)}</a>.${input.description ? ` ${escapeHtml(input.description)}` : ''}</p>
${score}
${battlecard}
<h2>Answers</h2>
${table.axes.map((_, index) => axisHtml(input, index)).join('\n')}`,
    build: input.build,
  });
}

function axisHtml(input: ProductPageInput, index: number): string {
  const axis = input.table.axes[index];
  const cell = input.row.cells[index];
  const facts = [
    `<span class="status ${cell.status}">${STATUS_SYMBOL[cell.status]} ${STATUS_LABEL[cell.status]}</span>`,
    cell.score === null ? 'unscored' : `score ${escapeHtml(describeScore(input.model.scoring, cell.score))}`,
    ...(cell.asOf
      ? [`as of ${escapeHtml(cell.asOf)}${cell.age ? ` (${escapeHtml(cell.age)})` : ''}`]
      : cell.status === 'answered'
        ? ['no date']
        : []),
    ...(cell.stale ? [`<span class="stale">${EVIDENCE_SYMBOL.stale} stale</span>`] : []),
    ...(cell.unsourced ? [`<span class="unsourced">${EVIDENCE_SYMBOL.unsourced} unsourced</span>`] : []),
  ];
  const source = input.answer(index);
  const sources = cell.sources.length
    ? `<p>Sources:</p><ol class="sources">${cell.sources.map((url) => `<li><a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a></li>`).join('')}</ol>`
    : '';
  const note = cell.file
    ? `<p class="note">From ${noteLink(input.build, cell.file, cell.line)}</p>`
    : '<p class="note">No note answers it.</p>';
  return `<section class="axis" id="axis-${escapeHtml(axis.id)}" aria-labelledby="axis-${escapeHtml(axis.id)}-title">
<h3 id="axis-${escapeHtml(axis.id)}-title">${escapeHtml(axis.name)}</h3>
${axis.description ? `<p class="goal">${escapeHtml(axis.description)}</p>` : ''}
<p class="facts">${facts.join(' · ')}</p>
${source && cell.status === 'answered' ? `<div class="answer">${answerHtml(source)}</div>` : ''}
${sources}
${note}
</section>`;
}

/** The competitor against our product: the counts, their two radars in one chart, and each axis by where it falls. */
function battlecardHtml(input: ProductPageInput, ours: MatrixRow): string {
  const { table, row } = input;
  const counts = COMPARISONS.map(
    (c) => `<li>${COMPARISON_SYMBOL[c]} ${COMPARISON_LABEL[c]}: <strong>${row.vs?.[c] ?? 0}</strong></li>`,
  ).join('');
  const unknown = row.cells.filter((cell) => cell.vs === null).length;
  const lists = COMPARISONS.map((c) => {
    const axes = table.axes.filter((_, index) => row.cells[index].vs === c);
    return axes.length
      ? `<h3>${COMPARISON_SYMBOL[c]} ${COMPARISON_LABEL[c]}</h3><ul>${axes.map((axis) => `<li><a href="#axis-${escapeHtml(axis.id)}">${escapeHtml(axis.name)}</a></li>`).join('')}</ul>`
      : '';
  }).join('');
  return `<section class="battlecard" aria-labelledby="battlecard-title">
<h2 id="battlecard-title">Battlecard against ${escapeHtml(ours.name)}</h2>
<ul class="counts">${counts}<li>Unknown (either side unscored): <strong>${unknown}</strong></li></ul>
${categoryRadar(table, input.model.scoring, [ours, row])}
${lists}
</section>`;
}
