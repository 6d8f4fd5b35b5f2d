import { escapeHtml } from '../html';

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

/**
 * Okabe and Ito's palette, which stays apart for the common colour-vision deficiencies; each series also has its own
 * symbol, so no reading rests on colour.
 */
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7f7f7f'] as const;
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'bar'] as const;
type SymbolName = (typeof SYMBOLS)[number];
const SYMBOL_TEXT: Readonly<Record<SymbolName, string>> = {
  circle: '●',
  square: '■',
  triangle: '▲',
  diamond: '◆',
  cross: '✚',
  star: '★',
  bar: '▬',
};

const SIZE = 360;
/** Room beside the circle for the axes' names, each wrapped to lines of LABEL_CHARS at the chart's 11px. */
const LABEL_ROOM = 130;
const LABEL_CHARS = 20;
const LABEL_LINES = 3;
const LINE_HEIGHT = 13;
const CENTER = SIZE / 2;
const RADIUS = 120;

/** The series' colour and symbol: the same for the same position in every chart of a page. */
export function seriesStyle(index: number): { colour: string; symbol: SymbolName; text: string } {
  const symbol = SYMBOLS[index % SYMBOLS.length];
  return { colour: PALETTE[index % PALETTE.length], symbol, text: SYMBOL_TEXT[symbol] };
}

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
      const { colour, symbol } = seriesStyle(s);
      const points = series.scores.flatMap((score, i) => (score === null ? [] : [at(i, score)]));
      const outline = points.length > 1 ? polygon(points, `fill="${colour}" fill-opacity="0.08" stroke="${colour}" stroke-width="2"`) : '';
      return `<g>${outline}${points.map(([x, y]) => marker(symbol, x, y, colour)).join('')}</g>`;
    })
    .join('');
  const legend = input.series.map((series, s) => `<li>${seriesSymbol(s)} ${escapeHtml(series.name)}</li>`).join('');
  const title = escapeHtml(input.title);
  return `<figure class="chart">
<svg viewBox="${-LABEL_ROOM} 0 ${SIZE + 2 * LABEL_ROOM} ${SIZE}" role="img" aria-labelledby="${chartId(input.title)}" class="radar"><title id="${chartId(input.title)}">${title}</title>${rings}${spokes}${shapes}</svg>
<figcaption>${title}. Scores from 0 to ${input.scale}, a weight other than 1 after its axis (×2); an unscored axis has no point.<ul class="legend">${legend}</ul></figcaption>
</figure>
${radarTable(input)}`;
}

/** The series' symbol in its colour (a class of the site's style: the CSP allows no inline style). */
export function seriesSymbol(index: number): string {
  return `<span class="symbol series-${index % PALETTE.length}" aria-hidden="true">${seriesStyle(index).text}</span>`;
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

function polygon(points: readonly (readonly [number, number])[], attributes: string): string {
  return `<polygon points="${points.map(([x, y]) => `${x},${y}`).join(' ')}" ${attributes}/>`;
}

function marker(symbol: SymbolName, x: number, y: number, colour: string): string {
  const paint = `fill="${colour}" stroke="${colour}"`;
  const d = 5;
  switch (symbol) {
    case 'circle':
      return `<circle cx="${x}" cy="${y}" r="${d}" ${paint}/>`;
    case 'square':
      return `<rect x="${x - d}" y="${y - d}" width="${2 * d}" height="${2 * d}" ${paint}/>`;
    case 'triangle':
      return polygon(
        [
          [x, y - d - 1],
          [x + d + 1, y + d],
          [x - d - 1, y + d],
        ],
        paint,
      );
    case 'diamond':
      return polygon(
        [
          [x, y - d - 2],
          [x + d + 2, y],
          [x, y + d + 2],
          [x - d - 2, y],
        ],
        paint,
      );
    case 'cross':
      return `<path d="M${x - d} ${y}H${x + d}M${x} ${y - d}V${y + d}" stroke="${colour}" stroke-width="3"/>`;
    case 'star':
      return polygon(starPoints(x, y, d + 2), paint);
    case 'bar':
      return `<rect x="${x - d - 1}" y="${y - 2}" width="${2 * d + 2}" height="4" ${paint}/>`;
  }
}

function starPoints(x: number, y: number, r: number): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI * i) / 5 - Math.PI / 2;
    const radius = i % 2 === 0 ? r : r / 2.2;
    return [round(x + radius * Math.cos(a)), round(y + radius * Math.sin(a))];
  });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** An id for the chart's title from its text: letters and digits only, so that it is safe in an attribute. */
function chartId(title: string): string {
  let hash = 0;
  for (const c of title) hash = (hash * 31 + c.codePointAt(0)!) >>> 0;
  return `chart-${hash.toString(36)}`;
}

/** The series' colours as the site's style sets them on symbols. */
export const SERIES_STYLE = PALETTE.map((colour, i) => `.series-${i} { color: ${colour}; }`).join('\n');

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
