import { HTML_EXPORT_STYLE } from '../matrix/exportHtml';
import { CHART_STYLE } from '../charts/chartSeries';

/** The site's style: the exports' own, its page frame and charts, dark from the system's choice, and print. */
export const SITE_STYLE = `${HTML_EXPORT_STYLE}
body { max-width: 90em; margin: 0 auto; padding: 0 1.5em; }
header, footer { padding: 0.75em 0; color: #59636e; }
footer { border-top: 1px solid #d0d7de; margin-top: 2em; font-size: 0.9em; }
a { color: #0550ae; }
.scroll { overflow-x: auto; }
.glance { display: flex; flex-wrap: wrap; gap: 0.5em 2em; list-style: none; padding: 0; }
.weight { font-weight: normal; color: #59636e; }
.axis { border-top: 1px solid #d0d7de; }
.facts .stale { color: #9a6700; font-weight: 600; }
.facts .unsourced { color: #8250df; }
.answer { max-width: 48em; }
#search-results li a { font-weight: 600; }
#filters { display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; align-items: center; }
#filters[hidden] { display: none; }
/* A category's matrix is laid out when it nears the viewport: thousands of rows laid out at once would hold up the page. */
section[data-category] { content-visibility: auto; contain-intrinsic-size: auto 60em; }
.vs-mark { display: block; font-size: 0.9em; font-weight: 600; }
.vs-we-lead .vs-mark, .vs-counts .vs-we-lead { color: #1a7f37; }
.vs-parity .vs-mark, .vs-counts .vs-parity { color: #59636e; }
.vs-they-lead .vs-mark, .vs-counts .vs-they-lead { color: #cf222e; }
td.vs-we-lead { box-shadow: inset 4px 0 0 #1a7f37; }
td.vs-parity { box-shadow: inset 4px 0 0 #8c959f; }
td.vs-they-lead { box-shadow: inset 4px 0 0 #cf222e; }
${CHART_STYLE}
@media (prefers-color-scheme: dark) {
  a { color: #4493f8; }
  header, footer, .weight { color: #9198a1; }
  footer, .axis { border-color: #3d444d; }
  .facts .stale { color: #d29922; }
  .facts .unsourced { color: #ab7df8; }
  .vs-we-lead .vs-mark, .vs-counts .vs-we-lead { color: #3fb950; }
  .vs-parity .vs-mark, .vs-counts .vs-parity { color: #9198a1; }
  .vs-they-lead .vs-mark, .vs-counts .vs-they-lead { color: #f85149; }
}
@media print {
  header, search, #search, .scroll { overflow: visible; }
  header, search { display: none; }
  body { font-size: 11px; margin: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
  section[data-category] { content-visibility: visible; }
  .battlecard { break-after: page; }
  .axis { break-inside: avoid; }
}
`;

/**
 * The index's search, run in the browser over the index file with MiniSearch (loaded before it): results are
 * made with the DOM's text nodes, so no answer's text is ever read as markup.
 */
export const SEARCH_SCRIPT = `'use strict';
(function () {
  var documents = window.competitorScopeSearch || [];
  var form = document.getElementById('search');
  var input = document.getElementById('search-input');
  var results = document.getElementById('search-results');
  if (!form || !input || !results || typeof MiniSearch === 'undefined') return;
  var search;
  function show() {
    results.replaceChildren();
    var query = input.value.trim();
    if (!query) return;
    // Indexed at the first query, not as the page loads: thousands of answers would hold up its first paint.
    if (!search) {
      search = new MiniSearch({ fields: ['product', 'category', 'axes', 'answers'], storeFields: ['page', 'product', 'category'], searchOptions: { prefix: true, fuzzy: 0.2, boost: { product: 3, axes: 2 } } });
      search.addAll(documents);
    }
    var found = search.search(query).slice(0, 20);
    if (found.length === 0) {
      var none = document.createElement('li');
      none.textContent = 'Nothing found for "' + query + '".';
      results.appendChild(none);
      return;
    }
    found.forEach(function (hit) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = hit.page;
      link.textContent = hit.product;
      item.appendChild(link);
      item.appendChild(document.createTextNode(' in ' + hit.category));
      results.appendChild(item);
    });
  }
  form.addEventListener('submit', function (event) { event.preventDefault(); show(); });
  input.addEventListener('input', show);
})();
`;
