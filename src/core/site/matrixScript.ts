/**
 * The index's matrix, drawn in the browser from the data file (matrixData.ts) with the DOM's text nodes, so no
 * answer's text is ever read as markup. As the matrix panel does: the first screenful of rows at once, the rest in
 * slices of about 12 ms when the page is idle, so that the page paints and answers at once with thousands of rows.
 * Its filters, sort and vs. view are the panel's: a competitor shows when one of its cells has what any ticked filter
 * asks for, an axis when one shown competitor's cell has, and our product stays first as the row read against.
 */
export const MATRIX_SCRIPT = `'use strict';
(function () {
  var data = window.competitorScopeMatrix;
  var form = document.getElementById('filters');
  var summary = document.getElementById('matrix-summary');
  if (!data || !form || !summary) return;
  var SLICE_MS = 12;
  var FIRST_ROWS = 40;
  var labels = data.labels;
  var sections = Array.prototype.map.call(document.querySelectorAll('section[data-category]'), function (section, index) {
    return { section: section, table: data.tables[index], head: section.querySelector('thead'), body: section.querySelector('tbody'), scroll: section.querySelector('.scroll'), empty: section.querySelector('.empty-view') };
  });
  var idle = window.requestIdleCallback ? function (next) { window.requestIdleCallback(next, { timeout: 50 }); } : function (next) { setTimeout(next, 0); };
  var run = 0;
  var jobs = [];
  var jobIndex = 0;
  var rowIndex = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function link(href, text) {
    var a = el('a', '', text);
    a.href = href;
    return a;
  }

  function choices() {
    var marks = {};
    form.querySelectorAll('input[data-mark]').forEach(function (box) { marks[box.dataset.mark] = box.checked; });
    var vs = document.getElementById('vs-subject');
    return { category: document.getElementById('filter-category').value, marks: marks, vs: !!(vs && vs.checked), sort: document.getElementById('sort').value };
  }

  /** The rows and axes a table shows under the choices, as the matrix panel's view has them. */
  function view(table, choice) {
    var marks = choice.marks;
    var order = table.orders[choice.sort] || table.orders.scope;
    var rows = order.map(function (index) { return table.rows[index]; });
    var axes = table.axes.map(function (_, index) { return index; });
    if (!marks.gap && !marks.stale && !marks.unsourced) return { rows: rows, axes: axes };
    function shows(cell) {
      return (marks.gap && cell.status !== 'answered') || (marks.stale && !!cell.stale) || (marks.unsourced && !!cell.unsourced);
    }
    var competitors = rows.filter(function (row) { return !row.subject && row.cells.some(shows); });
    if (competitors.length === 0) return { rows: [], axes: [] };
    return {
      rows: rows.filter(function (row) { return row.subject; }).concat(competitors),
      axes: axes.filter(function (index) { return competitors.some(function (row) { return shows(row.cells[index]); }); }),
    };
  }

  function headRow(table, axes, vs) {
    var tr = el('tr');
    var names = ['Product'].concat(axes.map(function (index) { return table.axes[index].name; }), ['Coverage', 'Score']);
    names.forEach(function (name) {
      var th = el('th', '', name);
      th.scope = 'col';
      tr.appendChild(th);
    });
    if (vs) {
      var th = el('th', 'total', 'vs. us');
      th.scope = 'col';
      th.title = 'Axes where we lead, are at parity, and where they lead';
      tr.appendChild(th);
    }
    return tr;
  }

  function evidence(cell) {
    var parts = [];
    if (cell.age) parts.push(document.createTextNode(cell.age));
    if (cell.sources) {
      var sources = el('span');
      cell.sources.forEach(function (url, index) {
        if (index > 0) sources.appendChild(document.createTextNode(' '));
        if (/^(https?|mailto):/i.test(url)) {
          var a = link(url, String(index + 1));
          a.rel = 'noopener noreferrer';
          sources.appendChild(a);
        }
      });
      parts.push(sources);
    }
    if (cell.unsourced) parts.push(el('span', 'unsourced', labels.unsourced));
    if (cell.stale) parts.push(el('span', 'stale', labels.stale));
    if (parts.length === 0) return [];
    var line = el('span', 'evidence');
    parts.forEach(function (part, index) {
      if (index > 0) line.appendChild(document.createTextNode(' · '));
      line.appendChild(part);
    });
    return [el('br'), line];
  }

  function cellElement(page, axis, cell, vs) {
    var comparison = vs && cell.vs;
    var td = el('td', cell.status + (comparison ? ' vs-' + comparison : ''));
    var a = link(page + '#axis-' + axis.id);
    a.appendChild(el('span', 'status', labels.status[cell.status]));
    td.appendChild(a);
    if (comparison) td.appendChild(el('span', 'vs-mark', labels.comparison[comparison]));
    if (cell.score) {
      td.appendChild(document.createTextNode(' '));
      td.appendChild(el('span', 'score', cell.score));
    }
    td.appendChild(document.createTextNode(' ' + cell.excerpt));
    if (cell.status === 'answered') evidence(cell).forEach(function (node) { td.appendChild(node); });
    return td;
  }

  function vsCounts(counts) {
    var td = el('td', 'total vs-counts');
    if (!counts) return td;
    var spoken = [];
    Object.keys(labels.comparison).forEach(function (comparison, index) {
      var words = labels.comparison[comparison];
      var space = words.indexOf(' ');
      spoken.push(words.slice(space + 1) + ': ' + counts[index]);
      if (index > 0) td.appendChild(document.createTextNode(' '));
      td.appendChild(el('span', 'vs-' + comparison, words.slice(0, space) + ' ' + counts[index]));
    });
    td.title = spoken.join(', ');
    td.setAttribute('aria-label', td.title);
    return td;
  }

  function rowElement(job, row) {
    var tr = el('tr', row.subject ? 'subject' : '');
    var th = el('th');
    th.scope = 'row';
    th.appendChild(link(row.page, row.name));
    if (row.subject) {
      th.appendChild(document.createTextNode(' '));
      th.appendChild(el('em', '', '(ours)'));
    }
    tr.appendChild(th);
    job.axes.forEach(function (index) {
      tr.appendChild(cellElement(row.page, job.table.axes[index], row.cells[index], job.vs && !row.subject));
    });
    tr.appendChild(el('td', 'total', row.coverage));
    tr.appendChild(el('td', 'total', row.score));
    if (job.vs) tr.appendChild(vsCounts(row.vs));
    return tr;
  }

  /**
   * Makes rows while \`more()\` says so; true once every table's rows are in. A table's rows join the page together
   * when the last is made: a table laid out again after every slice would cost more the longer it grew.
   */
  function drawWhile(more) {
    while (jobIndex < jobs.length) {
      var job = jobs[jobIndex];
      while (rowIndex < job.rows.length && more()) job.pending.appendChild(rowElement(job, job.rows[rowIndex++]));
      if (rowIndex < job.rows.length) return false;
      job.body.appendChild(job.pending);
      job.section.removeAttribute('aria-busy');
      jobIndex++;
      rowIndex = 0;
    }
    return true;
  }

  function drawLater(mine) {
    idle(function () {
      if (mine !== run) return;
      var until = performance.now() + SLICE_MS;
      if (!drawWhile(function () { return performance.now() < until; })) drawLater(mine);
    });
  }

  function draw() {
    var choice = choices();
    var shown = 0;
    var competitors = 0;
    run++;
    jobs = [];
    jobIndex = 0;
    rowIndex = 0;
    sections.forEach(function (part) {
      var table = part.table;
      competitors += table.rows.filter(function (row) { return !row.subject; }).length;
      part.section.hidden = choice.category !== '' && table.id !== choice.category;
      part.body.replaceChildren();
      if (part.section.hidden) return part.section.removeAttribute('aria-busy');
      var shows = view(table, choice);
      var vs = choice.vs && table.rows.some(function (row) { return row.subject; });
      shown += shows.rows.filter(function (row) { return !row.subject; }).length;
      part.head.replaceChildren(headRow(table, shows.axes, vs));
      part.scroll.hidden = shows.rows.length === 0;
      part.empty.hidden = shows.rows.length > 0;
      part.section.setAttribute('aria-busy', 'true');
      jobs.push({ section: part.section, body: part.body, pending: document.createDocumentFragment(), table: table, rows: shows.rows, axes: shows.axes, vs: vs });
    });
    summary.textContent = shown + ' of ' + competitors + ' competitors shown.';
    var first = 0;
    if (drawWhile(function () { return first++ < FIRST_ROWS; })) return;
    // The first screenful shows at once; the rest of its table follows when made.
    jobs[jobIndex].body.appendChild(jobs[jobIndex].pending);
    drawLater(run);
  }

  form.hidden = false;
  form.addEventListener('change', draw);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  draw();
})();
`;
