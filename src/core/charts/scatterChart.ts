import { escapeHtml } from '../html';
import { chartFigure, marker, round, seriesGroup, seriesSymbol } from './chartSeries';
import { LabelPlaces } from './labelPlaces';

/** One product on a scatter: two shares in percent, and how the table states each (with its base). */
export interface ScatterPoint {
  readonly name: string;
  readonly x: number;
  /** Null when the product has no value to plot: it is listed, not drawn at 0. */
  readonly y: number | null;
  readonly xText: string;
  readonly yText: string;
}

export interface ScatterInput {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly points: readonly ScatterPoint[];
}

const LEFT = 64;
const TOP = 16;
const WIDTH = 360;
const HEIGHT = 260;
/** Room on the right for the labels of the points near 100%, and below for the x axis's ticks and title. */
const RIGHT_ROOM = 40;
const BOTTOM_ROOM = 52;
const TICKS = [0, 25, 50, 75, 100];
const LABEL_CHARS = 24;
/** How many of the points left out the caption names; the table lists them all. */
const NAMED_UNPLOTTED = 10;
const VIEW_WIDTH = LEFT + WIDTH + RIGHT_ROOM;
const VIEW_HEIGHT = TOP + HEIGHT + BOTTOM_ROOM;

/**
 * A scatter of products over two percentages (0 to 100 on both axes) as inline SVG: titled axes, each point its
 * product's symbol and name, a `<title>`, and the same data as a table (its text alternative). A point with no y value
 * is left out of the drawing and said so, never drawn at 0.
 */
export function scatterChart(input: ScatterInput): string {
  const px = (value: number) => round(LEFT + (WIDTH * clamp(value)) / 100);
  const py = (value: number) => round(TOP + HEIGHT - (HEIGHT * clamp(value)) / 100);
  const grid = TICKS.map(
    (t) =>
      `<line class="grid" x1="${px(t)}" y1="${py(0)}" x2="${px(t)}" y2="${py(100)}"/><line class="grid" x1="${px(0)}" y1="${py(t)}" x2="${px(100)}" y2="${py(t)}"/>` +
      `<text x="${px(t)}" y="${py(0) + 16}" text-anchor="middle">${t}%</text><text x="${px(0) - 6}" y="${py(t)}" text-anchor="end" dominant-baseline="middle">${t}%</text>`,
  ).join('');
  const axisTitles =
    `<text class="axis-title" x="${px(50)}" y="${py(0) + 40}" text-anchor="middle">${escapeHtml(input.xTitle)}</text>` +
    `<text class="axis-title" transform="translate(16 ${py(50)}) rotate(-90)" text-anchor="middle">${escapeHtml(input.yTitle)}</text>`;
  const plotted = input.points.flatMap((point, s) => (point.y === null ? [] : [{ point, s, x: px(point.x), y: py(point.y) }]));
  // Every point first, so that no label covers one; then the labels in order, ours (the first) first.
  const places = new LabelPlaces(VIEW_WIDTH, VIEW_HEIGHT);
  for (const { x, y } of plotted) places.markPoint(x, y, 6);
  let unnamed = 0;
  const points = plotted
    .map(({ point, s, x, y }) => {
      const name = shortName(point.name);
      const place = places.place(x, y, name.length);
      if (!place) unnamed++;
      const label = place
        ? `<text class="point-label" x="${round(place.x)}" y="${round(place.y)}" text-anchor="${place.anchor}" dominant-baseline="middle">${escapeHtml(name)}</text>`
        : '';
      const hover = `<title>${escapeHtml(`${point.name}: ${point.xText}; ${point.yText}`)}</title>`;
      return `<g class="point">${hover}${seriesGroup(s, marker(s, x, y))}${label}</g>`;
    })
    .join('');
  const unplotted = input.points.filter((point) => point.y === null);
  const named = unplotted.slice(0, NAMED_UNPLOTTED).map((point) => `${escapeHtml(point.name)} (${escapeHtml(point.yText)})`);
  const more = unplotted.length - named.length;
  const left = unplotted.length
    ? ` Not drawn, with no value: ${named.join(', ')}${more ? ` and ${more} more (the table lists them)` : ''}.`
    : '';
  const figure = chartFigure(
    {
      kind: 'scatter',
      title: input.title,
      viewBox: `0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`,
      content: `${grid}${axisTitles}${points}`,
    },
    `${escapeHtml(input.xTitle)} across, ${escapeHtml(input.yTitle)} up.${left}${crowded(unnamed)}`,
    // Each point is labelled with its product's name: no legend to look up.
    '',
  );
  return `${figure}\n${scatterTable(input)}`;
}

function scatterTable(input: ScatterInput): string {
  const rows = input.points
    .map(
      (point, s) =>
        `<tr><th scope="row">${seriesSymbol(s)} ${escapeHtml(point.name)}</th><td>${escapeHtml(point.xText)}</td><td>${escapeHtml(point.yText)}</td></tr>`,
    )
    .join('');
  return `<table class="chart-data"><caption>${escapeHtml(input.title)}: the figures</caption><thead><tr><th scope="col">Product</th><th scope="col">${escapeHtml(input.xTitle)}</th><th scope="col">${escapeHtml(input.yTitle)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function crowded(unnamed: number): string {
  if (unnamed === 0) return '';
  return ` ${unnamed === 1 ? '1 point is' : `${unnamed} points are`} too close to others to be named on the chart: its title (on hover) and the table name every product.`;
}

function clamp(value: number): number {
  return Math.min(100, Math.max(0, value));
}

function shortName(name: string): string {
  return name.length <= LABEL_CHARS ? name : `${name.slice(0, LABEL_CHARS - 1)}…`;
}
