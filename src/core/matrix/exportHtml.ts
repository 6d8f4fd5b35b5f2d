import { escapeHtml } from '../html';
import type { Scoring } from '../scope/scopeModel';
import { describeScore, harveyBall } from '../scope/scale';
import { formatWeightedScore } from '../scoring/weightedScore';
import { evidenceParts, STATUSES, type AnswerEvidence, STATUS_LABEL, STATUS_SYMBOL } from './cellStatus';
import type { MatrixCell, MatrixModel, MatrixTable } from './matrixModel';

/** The matrix as one standalone HTML file: no scripts, its own styles, every piece of team text escaped. */
export function matrixToHtml(model: MatrixModel): string {
  const legend = STATUSES.map((status) => `<span class="${status}">${STATUS_SYMBOL[status]} ${STATUS_LABEL[status]}</span>`).join(' ');
  return standaloneHtml(
    model.title,
    `<p>Coverage: ${model.answered}/${model.total} answered. ${legend}</p>
${model.tables.map((table) => tableHtml(table, model.scoring)).join('\n')}`,
  );
}

/**
 * A standalone export page: no scripts (its CSP allows only its inline styles), the export's styles, the
 * title escaped as the page's title and first heading, and all of it in the page's one main landmark (so that
 * a screen reader's landmark list finds it). `body` is HTML whose team text is already escaped.
 */
export function standaloneHtml(title: string, body: string, style = HTML_EXPORT_STYLE): string {
  const escaped = escapeHtml(title);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escaped}</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>${escaped}</h1>
${body}
</main>
</body>
</html>
`;
}

function tableHtml(table: MatrixTable, scoring: Scoring): string {
  const competitors = table.rows.filter((row) => !row.subject).length;
  const head = table.axes.map((axis) => `<th scope="col"${titleAttr(axis.description)}>${escapeHtml(axis.name)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = row.cells
        .map(
          (cell) =>
            `<td class="${cell.status}"${titleAttr(cell.detail)}><span class="status">${STATUS_SYMBOL[cell.status]} ${STATUS_LABEL[cell.status]}</span>${scoreHtml(cell, scoring)} ${escapeHtml(cell.excerpt)}${evidenceHtml(cell)}</td>`,
        )
        .join('');
      const name = escapeHtml(row.name) + (row.subject ? ' <em>(subject)</em>' : '');
      const score = row.score ? formatWeightedScore(row.score) : '—';
      return `<tr${row.subject ? ' class="subject"' : ''}><th scope="row">${name}</th>${cells}<td class="total">${row.answered}/${row.cells.length}</td><td class="total">${score}</td></tr>`;
    })
    .join('\n');
  const foot = table.axes.map((axis) => `<td class="total">${axis.answered}/${competitors}</td>`).join('');
  return `<section>
<h2>${escapeHtml(table.name)}</h2>
<p class="goal">${escapeHtml(table.goal)}</p>
<table>
<thead><tr><th scope="col">Product</th>${head}<th scope="col">Coverage</th><th scope="col">Score</th></tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><th scope="row">Answered</th>${foot}<td class="total">${table.answered}/${table.total}</td><td></td></tr></tfoot>
</table>
</section>`;
}

/** The cell's Harvey ball, with its number and label as text beside it. */
function scoreHtml(cell: MatrixCell, scoring: Scoring): string {
  if (cell.score === null) return '';
  return ` <span class="score"><span aria-hidden="true">${harveyBall(cell.score, scoring.scale)}</span> ${escapeHtml(describeScore(scoring, cell.score))}</span>`;
}

/** An answer's age, its sources as numbered links, and its marks. */
export function evidenceHtml(cell: AnswerEvidence): string {
  if (cell.status !== 'answered') return '';
  const links = cell.sources.map((url, i) => `<a href="${escapeHtml(new URL(url).href)}" rel="noopener noreferrer">${i + 1}</a>`).join(' ');
  const parts = evidenceParts({ ...cell, age: escapeHtml(cell.age) }, links, (kind, text) => `<span class="${kind}">${text}</span>`);
  return parts.length > 0 ? `<br><span class="evidence">${parts.join(' · ')}</span>` : '';
}

function titleAttr(text: string): string {
  return text ? ` title="${escapeHtml(text)}"` : '';
}

/** The exports' page style, shared by the matrix and the battlecard. */
export const HTML_EXPORT_STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em; color: #1f2328; background: #fff; }
table { border-collapse: collapse; margin-bottom: 2em; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; text-align: left; max-width: 22em; }
thead th { background: #f6f8fa; }
.goal { color: #59636e; }
.status { font-weight: 600; white-space: nowrap; }
.answered .status, span.answered { color: #1a7f37; }
.placeholder .status, span.placeholder, .empty .status, span.empty { color: #9a6700; }
.missing .status, span.missing { color: #cf222e; }
.total { text-align: right; white-space: nowrap; }
.score { white-space: nowrap; font-weight: 600; }
.evidence { color: #59636e; font-size: 0.9em; }
.evidence .stale { color: #9a6700; font-weight: 600; }
.evidence .unsourced { color: #8250df; }
tr.subject th { font-style: italic; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #0d1117; }
  th, td { border-color: #3d444d; }
  thead th { background: #151b23; }
  .goal { color: #9198a1; }
  .answered .status, span.answered { color: #3fb950; }
  .placeholder .status, span.placeholder, .empty .status, span.empty { color: #d29922; }
  .missing .status, span.missing { color: #f85149; }
  .evidence { color: #9198a1; }
  .evidence .stale { color: #d29922; }
  .evidence .unsourced { color: #ab7df8; }
}
`;
