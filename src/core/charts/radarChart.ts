import { escapeHtml } from '../html';
import { chartFigure, legendHtml, marker, polygon, round, seriesGroup, seriesSymbol } from './chartSeries';

/** One product on a radar: its score on each axis, in axis order; null where it has none. */
export interface RadarSeries {
  readonly name: string;
  readonly scores: readonly (number | null)[];
}

export interface RadarInput {
  readonly title: string;
  /** Each axis's name and weight, in order. */
  readonly axes: readonly { readonly name: string; readonly weight: number }[];
  readonly scale: number;
  readonly series: readonly RadarSeries[];
}

const SIZE = 360;
/** Room beside the circle for the axes' names, each wrapped to lines of LABEL_CHARS at the chart's 11px. */
const LABEL_ROOM = 130;
const LABEL_CHARS = 20;
const LABEL_LINES = 3;
const LINE_HEIGHT = 13;
const CENTER = SIZE / 2;
const RADIUS = 120;

/**
 * A radar chart as inline SVG with its `<title>`, a legend with symbols, and the same data as a table (its text
 * alternative). An axis a product has not scored gets no point: the polygon joins its scored points only.
 */
export function radarChart(input: RadarInput): string {
  if (input.axes.length < 3) {
    return `<p class="chart-note">No radar: it needs at least three scored axes, and this has ${input.axes.length}.</p>${radarTable(input)}`;
  }
  const angle = (i: number) => (2 * Math.PI * i) / input.axes.length - Math.PI / 2;
  const at = (i: number, value: number): [number, number] => {
    const r = (RADIUS * value) / (input.scale || 1);
    return [round(CENTER + r * Math.cos(angle(i))), round(CENTER + r * Math.sin(angle(i)))];
  };
  const rings = Array.from({ length: input.scale }, (_, k) =>
    polygon(
      input.axes.map((_, i) => at(i, k + 1)),
      'class="grid" fill="none"',
    ),
  ).join('');
  const spokes = input.axes
    .map((axis, i) => {
      const [x, y] = at(i, input.scale);
      const [lx, ly] = at(i, input.scale * 1.18);
      const anchor = Math.abs(lx - CENTER) < 8 ? 'middle' : lx > CENTER ? 'start' : 'end';
      const label = `${axis.name}${axis.weight !== 1 ? ` (×${axis.weight})` : ''}`;
      const lines = labelLines(label);
      // Lines centred on the spoke's end: the first moved up by half the block's height.
      const tspans = lines
        .map(
          (line, k) =>
            `<tspan x="${lx}" dy="${k === 0 ? round(-((lines.length - 1) * LINE_HEIGHT) / 2) : LINE_HEIGHT}">${escapeHtml(line)}</tspan>`,
        )
        .join('');
      return `<line class="grid" x1="${CENTER}" y1="${CENTER}" x2="${x}" y2="${y}"/><text x="${lx}" y="${ly}" text-anchor="${anchor}" dominant-baseline="middle">${tspans}</text>`;
    })
    .join('');
  const shapes = input.series
    .map((series, s) => {
      const points = series.scores.flatMap((score, i) => (score === null ? [] : [at(i, score)]));
      const outline = points.length > 1 ? polygon(points, 'fill-opacity="0.08" stroke-width="2"') : '';
      return seriesGroup(s, `${outline}${points.map(([x, y]) => marker(s, x, y)).join('')}`);
    })
    .join('');
  const figure = chartFigure(
    {
      kind: 'radar',
      title: input.title,
      viewBox: `${-LABEL_ROOM} 0 ${SIZE + 2 * LABEL_ROOM} ${SIZE}`,
      content: `${rings}${spokes}${shapes}`,
    },
    `Scores from 0 to ${input.scale}, a weight other than 1 after its axis (×2); an unscored axis has no point.`,
    legendHtml(input.series.map((series) => series.name)),
  );
  return `${figure}\n${radarTable(input)}`;
}

/** The chart's data as a table: what a screen reader, a printout and a search engine read. */
function radarTable(input: RadarInput): string {
  const head = input.axes
    .map((axis) => `<th scope="col">${escapeHtml(axis.name)} <span class="weight">×${axis.weight}</span></th>`)
    .join('');
  const rows = input.series
    .map((series, s) => {
      const cells = series.scores.map((score) => `<td>${score === null ? '—' : score}</td>`).join('');
      return `<tr><th scope="row">${seriesSymbol(s)} ${escapeHtml(series.name)}</th>${cells}</tr>`;
    })
    .join('');
  return `<table class="chart-data"><caption>${escapeHtml(input.title)}: the scores</caption><thead><tr><th scope="col">Product</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** An axis's name in lines of at most LABEL_CHARS characters (a longer word stands alone), at most LABEL_LINES, the last cut with "…". */
function labelLines(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= LABEL_CHARS) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  if (lines.length <= LABEL_LINES) return lines;
  return [...lines.slice(0, LABEL_LINES - 1), `${lines[LABEL_LINES - 1].slice(0, LABEL_CHARS - 1)}…`];
}
