import type { CoverageSummary } from '../index/coverage';
import { escapeHtml } from '../html';
import { STATUS_LABEL, STATUS_SYMBOL } from '../matrix/cellStatus';
import { evidenceHtml } from '../matrix/exportHtml';
import { categoryRadar } from '../matrix/matrixCharts';
import type { MatrixModel, MatrixTable } from '../matrix/matrixModel';
import { SORT_CHOICES } from '../matrix/matrixView';
import { describeScore } from '../scope/scale';
import type { Scoring } from '../scope/scopeModel';
import { COMPARISON_LABEL, COMPARISON_SYMBOL, COMPARISONS } from '../scoring/comparison';
import { formatWeightedScore } from '../scoring/weightedScore';
import { categoryFile, productFile, SITE_ASSETS, sitePage, type SiteBuild } from './sitePage';

/** The index: the scope's title and subject, coverage and freshness, a search box, and every category's matrix. */
export function indexPage(model: MatrixModel, summary: CoverageSummary, build: SiteBuild): string {
  const subject = model.subject
    ? `<p>Our product: <strong>${escapeHtml(model.subject)}</strong>.</p>`
    : '<p>The scope names no product of ours (no <code>subject</code>).</p>';
  const glance = `<ul class="glance">
<li><strong>${summary.answered}</strong> of ${summary.axes} axes answered over ${summary.products} products</li>
<li><strong>${summary.missing + summary.empty + summary.placeholder}</strong> gaps (${summary.missing} missing, ${summary.empty} empty, ${summary.placeholder} placeholders)</li>
<li><strong>${summary.stale}</strong> stale answers, <strong>${summary.unsourced}</strong> without a source</li>
</ul>`;
  const search = `<search><form role="search" id="search" action="#"><label for="search-input">Search products, axes and answers</label> <input id="search-input" type="search" autocomplete="off"></form><ul id="search-results" aria-live="polite"></ul></search>`;
  // The matrix's rows come from its data file, drawn by the site's script: a screenful at once, the rest in slices.
  const categories = model.tables
    .map((table) => {
      const id = `table-${escapeHtml(table.categoryId)}`;
      return `<section data-category="${escapeHtml(table.categoryId)}" aria-labelledby="${id}"><h2 id="${id}"><a href="${categoryFile(table.categoryId)}">${escapeHtml(table.name)}</a></h2>
<p class="goal">${escapeHtml(table.goal)}</p>
<div class="scroll" tabindex="0" role="region" aria-label="${escapeHtml(table.name)} matrix"><table class="matrix"><thead></thead><tbody></tbody></table></div>
<p class="empty-view" hidden>No product of this category has what the filters ask for.</p></section>`;
    })
    .join('\n');
  const noScript = `<noscript><p>The matrix is drawn by this page’s script. Each category’s page shows its matrix without it.</p></noscript>`;
  return sitePage({
    title: model.title,
    siteTitle: model.title,
    body: `<h1>${escapeHtml(model.title)}</h1>\n${subject}\n${glance}\n${search}\n${controls(model)}\n${noScript}\n${categories}`,
    build,
    scripts: [SITE_ASSETS.matrixData, SITE_ASSETS.matrix, SITE_ASSETS.minisearch, SITE_ASSETS.searchIndex, SITE_ASSETS.search],
  });
}

/** A category's page: its goal, its matrix, the radar of our product against each competitor, and the counts. */
export function categoryPage(model: MatrixModel, table: MatrixTable, build: SiteBuild): string {
  const ours = table.rows.find((row) => row.subject);
  const competitors = table.rows.filter((row) => !row.subject);
  const counts = ours
    ? `<h2>Against ${escapeHtml(ours.name)}</h2>
<table><thead><tr><th scope="col">Competitor</th>${COMPARISONS.map((c) => `<th scope="col">${COMPARISON_SYMBOL[c]} ${COMPARISON_LABEL[c]}</th>`).join('')}</tr></thead>
<tbody>${competitors.map((row) => `<tr><th scope="row"><a href="${productFile(table.categoryId, row.key)}">${escapeHtml(row.name)}</a></th>${COMPARISONS.map((c) => `<td>${row.vs?.[c] ?? 0}</td>`).join('')}</tr>`).join('')}</tbody></table>`
    : '<p>No note covers our product in this category: there is nothing to compare against.</p>';
  return sitePage({
    title: `${table.name} — ${model.title}`,
    siteTitle: model.title,
    body: `<h1>${escapeHtml(table.name)}</h1>
<p class="goal">${escapeHtml(table.goal)}</p>
<h2>Matrix</h2>
${matrixTable(table, model.scoring)}
<h2>Scores</h2>
${categoryRadar(table, model.scoring)}
${counts}`,
    build,
  });
}

/** The index's filters, sort and vs. view, as the matrix panel has them; shown and applied by the site's script. */
function controls(model: MatrixModel): string {
  const options = model.tables
    .map((table) => `<option value="${escapeHtml(table.categoryId)}">${escapeHtml(table.name)}</option>`)
    .join('');
  const sorts = SORT_CHOICES.map((choice) => `<option value="${choice.value}">${escapeHtml(choice.label)}</option>`).join('');
  const box = (mark: string, label: string, title: string) =>
    `<label title="${title}"><input type="checkbox" data-mark="${mark}"> ${label}</label>`;
  const vs = model.subject
    ? ` <label title="Mark each competitor’s scored cells by how it compares with our product, and count them"><input type="checkbox" id="vs-subject"> vs. ${escapeHtml(model.subject)}</label>`
    : '';
  return `<form id="filters" hidden aria-label="Filter and sort the matrix"><label>Category <select id="filter-category"><option value="">All</option>${options}</select></label>
${box('gap', 'Gaps only', 'Products and axes with a missing, empty or placeholder answer')} ${box('stale', 'Stale answers', 'Answers older than their freshness limit')} ${box('unsourced', 'Unsourced answers', 'Answers that cite no source')}${vs}
<label>Sort <select id="sort">${sorts}</select></label></form>
<p id="matrix-summary" role="status"></p>`;
}

/** A category's matrix: each product's name links to its page, each cell to the product's page at that axis. */
function matrixTable(table: MatrixTable, scoring: Scoring): string {
  const head = table.axes.map((axis) => `<th scope="col">${escapeHtml(axis.name)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const page = productFile(table.categoryId, row.key);
      const cells = row.cells
        .map((cell, index) => {
          const score = cell.score === null ? '' : ` <span class="score">${escapeHtml(describeScore(scoring, cell.score))}</span>`;
          const link = `<a href="${page}#axis-${escapeHtml(table.axes[index].id)}"><span class="status">${STATUS_SYMBOL[cell.status]} ${STATUS_LABEL[cell.status]}</span></a>`;
          return `<td class="${cell.status}">${link}${score} ${escapeHtml(cell.excerpt)}${evidenceHtml(cell)}</td>`;
        })
        .join('');
      const name = `<a href="${page}">${escapeHtml(row.name)}</a>${row.subject ? ' <em>(ours)</em>' : ''}`;
      return `<tr${row.subject ? ' class="subject"' : ''}><th scope="row">${name}</th>${cells}<td class="total">${row.answered}/${row.cells.length}</td><td class="total">${row.score ? formatWeightedScore(row.score) : '—'}</td></tr>`;
    })
    .join('\n');
  return `<div class="scroll" tabindex="0" role="region" aria-label="${escapeHtml(table.name)} matrix"><table class="matrix">
<thead><tr><th scope="col">Product</th>${head}<th scope="col">Coverage</th><th scope="col">Score</th></tr></thead>
<tbody>
${body}
</tbody>
</table></div>`;
}
