import { DISTINCT_SERIES } from '../core/charts/chartSeries';
import { categoryRadar, categoryScatter } from '../core/matrix/matrixCharts';
import type { MatrixTable } from '../core/matrix/matrixModel';
import type { Scoring } from '../core/scope/scopeModel';
import { chartBody } from './chartMarkup';
import { element } from './dom';

/**
 * A category's charts, in place of its table: the radar of the scores (every product, or our product against the
 * competitor picked) and the scatter of coverage against weighted score, each with its table, both drawn by core.
 * `onPick` gets the competitor picked for the radar ('' for every product).
 */
export function categoryCharts(table: MatrixTable, scoring: Scoring, vs: string, onPick: (productId: string) => void): HTMLElement {
  const id = `charts-${table.categoryId}`;
  const ours = table.rows.find((row) => row.subject);
  const competitors = table.rows.filter((row) => !row.subject);
  const picked = competitors.find((row) => row.key === vs);
  const pick = element(
    'select',
    { className: 'radar-vs', attributes: { id: `${id}-vs`, 'data-category': table.categoryId } },
    element('option', { text: 'Every product', attributes: { value: '' } }),
    ...competitors.map((row) =>
      element('option', { text: `${ours ? `${ours.name} vs. ` : ''}${row.name}`, attributes: { value: row.key } }),
    ),
  );
  pick.value = picked?.key ?? '';
  pick.addEventListener('change', () => onPick(pick.value));
  const rows = picked ? [...(ours ? [ours] : []), picked] : table.rows;
  // Beyond the palette's series, colours and symbols would repeat and no shape could be told from another.
  const radar =
    rows.length > DISTINCT_SERIES
      ? element('p', {
          className: 'chart-note',
          text: `${rows.length} products are too many to tell apart on one radar: pick a competitor to set against ${ours?.name ?? 'the others'}.`,
        })
      : chartBody(categoryRadar(table, scoring, rows));
  return element(
    'section',
    { className: 'charts', attributes: { 'aria-labelledby': id, 'data-category': table.categoryId } },
    element('h2', { text: table.name, attributes: { id } }),
    element('p', { className: 'goal', text: table.goal }),
    element(
      'div',
      { className: 'chart-pair' },
      element(
        'div',
        { className: 'chart-block' },
        element('h3', { text: 'Scores by axis' }),
        element('label', { text: 'Radar ', attributes: { for: `${id}-vs` } }),
        pick,
        radar,
      ),
      element(
        'div',
        { className: 'chart-block' },
        element('h3', { text: 'Coverage and weighted score' }),
        chartBody(categoryScatter(table)),
      ),
    ),
  );
}
