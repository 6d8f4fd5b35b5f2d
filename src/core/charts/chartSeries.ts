import { escapeHtml } from '../html';

/**
 * Okabe and Ito's palette, which stays apart for the common colour-vision deficiencies, in two shades: on a light
 * background its orange, sky blue and grey are darkened, on a dark one its blue and grey lightened (and the sky blue
 * turned yellow, which the blue took), so that every series keeps 3:1 against the page. Each series also has its own
 * symbol, so no reading rests on colour.
 */
export const LIGHT_PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#9e7000', '#3d8fc0', '#6e6e6e'] as const;
export const DARK_PALETTE = ['#56b4e9', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#f0e442', '#bdbdbd'] as const;

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

/** How many series have a colour and symbol of their own; a chart of more repeats them. */
export const DISTINCT_SERIES = SYMBOLS.length;

/** The series' colour (on a light page) and symbol: the same for the same position in every chart of a page. */
export function seriesStyle(index: number): { colour: string; symbol: SymbolName; text: string } {
  const symbol = SYMBOLS[index % SYMBOLS.length];
  return { colour: LIGHT_PALETTE[index % LIGHT_PALETTE.length], symbol, text: SYMBOL_TEXT[symbol] };
}

/** The series' symbol in its colour (a class of the page's style: the CSP allows no inline style). */
export function seriesSymbol(index: number): string {
  return `<span class="symbol series-${index % LIGHT_PALETTE.length}" aria-hidden="true">${seriesStyle(index).text}</span>`;
}

/**
 * A series' group: its colour as attributes, which a page's style overrides through the class (the theme's shade),
 * and inherited by every shape inside.
 */
export function seriesGroup(index: number, content: string, attributes = ''): string {
  const { colour } = seriesStyle(index);
  return `<g class="series series-${index % LIGHT_PALETTE.length}" fill="${colour}" stroke="${colour}"${attributes}>${content}</g>`;
}

/** The series' symbol drawn at a point, in its group's colour. */
export function marker(index: number, x: number, y: number): string {
  const d = 5;
  switch (seriesStyle(index).symbol) {
    case 'circle':
      return `<circle cx="${x}" cy="${y}" r="${d}"/>`;
    case 'square':
      return `<rect x="${x - d}" y="${y - d}" width="${2 * d}" height="${2 * d}"/>`;
    case 'triangle':
      return polygon([
        [x, y - d - 1],
        [x + d + 1, y + d],
        [x - d - 1, y + d],
      ]);
    case 'diamond':
      return polygon([
        [x, y - d - 2],
        [x + d + 2, y],
        [x, y + d + 2],
        [x - d - 2, y],
      ]);
    case 'cross':
      return `<path d="M${x - d} ${y}H${x + d}M${x} ${y - d}V${y + d}" stroke-width="3"/>`;
    case 'star':
      return polygon(starPoints(x, y, d + 2));
    case 'bar':
      return `<rect x="${x - d - 1}" y="${y - 2}" width="${2 * d + 2}" height="4"/>`;
  }
}

export function polygon(points: readonly (readonly [number, number])[], attributes = ''): string {
  return `<polygon points="${points.map(([x, y]) => `${x},${y}`).join(' ')}"${attributes ? ` ${attributes}` : ''}/>`;
}

function starPoints(x: number, y: number, r: number): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI * i) / 5 - Math.PI / 2;
    const radius = i % 2 === 0 ? r : r / 2.2;
    return [round(x + radius * Math.cos(a)), round(y + radius * Math.sin(a))];
  });
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** An id for a chart's title from its text: letters and digits only, so that it is safe in an attribute. */
export function chartId(kind: string, title: string): string {
  let hash = 0;
  for (const c of title) hash = (hash * 31 + c.codePointAt(0)!) >>> 0;
  return `${kind}-${hash.toString(36)}`;
}

/** A chart's figure: the SVG labelled by its `<title>`, a caption that says what it shows, and the legend. */
export function chartFigure(
  svg: { kind: string; title: string; viewBox: string; content: string },
  caption: string,
  legend: string,
): string {
  const id = chartId(svg.kind, svg.title);
  const title = escapeHtml(svg.title);
  return `<figure class="chart">
<svg viewBox="${svg.viewBox}" role="img" aria-labelledby="${id}" class="${svg.kind}"><title id="${id}">${title}</title>${svg.content}</svg>
<figcaption>${title}. ${caption}${legend}</figcaption>
</figure>`;
}

/** The legend: each series' symbol and name. */
export function legendHtml(names: readonly string[]): string {
  return `<ul class="legend">${names.map((name, s) => `<li>${seriesSymbol(s)} ${escapeHtml(name)}</li>`).join('')}</ul>`;
}

const seriesRules = (palette: readonly string[]) => palette.map((colour, i) => `.series-${i} { color: ${colour}; }`).join('\n');

/**
 * The charts' style for a page with no theme of its own (the site, the exports): text in the page's colour, shapes in
 * their series' shade for a light or a dark page.
 */
export const CHART_STYLE = `
.chart { margin: 1em 0; }
.chart svg { max-width: 36em; width: 100%; height: auto; }
.chart svg text { fill: currentColor; stroke: none; font-size: 11px; }
.chart .grid { stroke: #8c959f; stroke-width: 0.6; fill: none; }
.chart .series { fill: currentColor; stroke: currentColor; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25em 1.5em; }
.symbol { font-weight: 700; }
.chart-data td { text-align: right; }
${seriesRules(LIGHT_PALETTE)}
@media (prefers-color-scheme: dark) {
${seriesRules(DARK_PALETTE)}
}
`;
