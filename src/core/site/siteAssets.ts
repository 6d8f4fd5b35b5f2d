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
${CHART_STYLE}
@media (prefers-color-scheme: dark) {
  a { color: #4493f8; }
  header, footer, .weight, .evidence { color: #9198a1; }
  footer, .axis { border-color: #3d444d; }
  .facts .stale, .evidence .stale { color: #d29922; }
  .facts .unsourced, .evidence .unsourced { color: #ab7df8; }
}
@media print {
  header, search, #search, .scroll { overflow: visible; }
  header, search { display: none; }
  body { font-size: 11px; margin: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
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
  var filters = document.getElementById('filters');
  if (!filters) return;
  filters.hidden = false;
  function apply() {
    var category = document.getElementById('filter-category').value;
    var marks = Array.prototype.filter.call(filters.querySelectorAll('input[data-mark]'), function (box) { return box.checked; }).map(function (box) { return box.dataset.mark; });
    document.querySelectorAll('section[data-category]').forEach(function (section) {
      section.hidden = category !== '' && section.dataset.category !== category;
    });
    document.querySelectorAll('tr[data-marks]').forEach(function (row) {
      var has = row.dataset.marks.split(' ');
      row.hidden = !marks.every(function (mark) { return has.indexOf(mark) >= 0; });
    });
  }
  filters.addEventListener('change', apply);
  filters.addEventListener('submit', function (event) { event.preventDefault(); });
})();
(function () {
  var documents = window.competitorScopeSearch || [];
  var form = document.getElementById('search');
  var input = document.getElementById('search-input');
  var results = document.getElementById('search-results');
  if (!form || !input || !results || typeof MiniSearch === 'undefined') return;
  var search = new MiniSearch({ fields: ['product', 'category', 'axes', 'answers'], storeFields: ['page', 'product', 'category'], searchOptions: { prefix: true, fuzzy: 0.2, boost: { product: 3, axes: 2 } } });
  search.addAll(documents);
  function show() {
    results.replaceChildren();
    var query = input.value.trim();
    if (!query) return;
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
