import { radarChart } from '../charts/radarChart';
import { scatterChart } from '../charts/scatterChart';
import type { Scoring } from '../scope/scopeModel';
import { formatWeightedScore, scorePercent } from '../scoring/weightedScore';
import type { Battlecard } from './battlecard';
import type { MatrixRow, MatrixTable } from './matrixModel';

/** A product on a radar: its name and its score on each of the category's axes, in the scope's order. */
interface RadarProduct {
  readonly name: string;
  readonly scores: readonly (number | null)[];
}

/**
 * The radar over the axes some of the products score (the others would only draw empty spokes), with their weights,
 * one series per product: what the matrix's chart view, the site's pages, the battlecard and its export all draw.
 */
function productsRadar(
  title: string,
  axes: readonly { readonly name: string; readonly weight: number }[],
  products: readonly RadarProduct[],
  scoring: Scoring,
): string {
  const scored = axes.flatMap((_, index) => (products.some((p) => p.scores[index] !== null) ? [index] : []));
  return radarChart({
    title,
    axes: scored.map((index) => ({ name: axes[index].name, weight: axes[index].weight })),
    scale: scoring.scale,
    series: products.map((p) => ({ name: p.name, scores: scored.map((index) => p.scores[index]) })),
  });
}

/** A category's radar: each of `rows` (all of the table's by default, ours first) over its scored axes. */
export function categoryRadar(table: MatrixTable, scoring: Scoring, rows: readonly MatrixRow[] = table.rows): string {
  const products = rows.map((row) => ({ name: row.name, scores: row.cells.map((cell) => cell.score) }));
  return productsRadar(`${table.name}: ${rows.map((row) => row.name).join(', ')}`, table.axes, products, scoring);
}

/** The battlecard's radar: our product and the competitor over the axes either scores, in the scope's order. */
export function battlecardRadar(card: Battlecard): string {
  const axes = Object.values(card.sections)
    .flat()
    .sort((a, b) => a.position - b.position);
  const us = card.subject ?? 'Our product';
  const products = [
    { name: us, scores: axes.map((axis) => axis.ours.score) },
    { name: card.product, scores: axes.map((axis) => axis.theirs.score) },
  ];
  return productsRadar(`${card.category}: ${us}, ${card.product}`, axes, products, card.scoring);
}

/**
 * A category's scatter: each product's coverage (the share of the category's axes its notes answer) across, and its
 * weighted score (as a share of its maximum, over the axes it scores) up. A product with no score is listed as such.
 */
export function categoryScatter(table: MatrixTable): string {
  return scatterChart({
    title: `${table.name}: coverage and weighted score`,
    xTitle: 'Coverage (% of axes answered)',
    yTitle: 'Weighted score (% over scored axes)',
    points: table.rows.map((row) => {
      const coverage = row.cells.length === 0 ? 0 : Math.round((100 * row.answered) / row.cells.length);
      return {
        name: row.name,
        x: coverage,
        y: row.score ? scorePercent(row.score) : null,
        xText: `${row.answered} of ${row.cells.length} ${row.cells.length === 1 ? 'axis' : 'axes'} (${coverage}%)`,
        yText: row.score ? formatWeightedScore(row.score) : 'no score',
      };
    }),
  });
}
