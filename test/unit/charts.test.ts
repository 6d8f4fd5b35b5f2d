import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DARK_PALETTE, LIGHT_PALETTE } from '../../src/core/charts/chartSeries';
import { repoRoot } from './helpers';
import { buildBattlecard } from '../../src/core/matrix/battlecard';
import { battlecardToHtml } from '../../src/core/matrix/battlecardText';
import { battlecardRadar, categoryRadar, categoryScatter } from '../../src/core/matrix/matrixCharts';
import { buildMatrix, type MatrixModel } from '../../src/core/matrix/matrixModel';
import { GRID_NOTE, scoredIndex, SCORED_SCOPE_YAML } from './scoringFixtures';
import { radarChart } from '../../src/core/charts/radarChart';
import { scatterChart } from '../../src/core/charts/scatterChart';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { testScope } from './noteFixtures';

function model(index = scoredIndex()): MatrixModel {
  return buildMatrix(index.scope, [...index.subjectCoverage(), ...index.coverage()]);
}

/** The page position of a tick's label (`50%`) on the scatter's x or y axis. */
function tick(svg: string, label: string, axis: 'x' | 'y'): number {
  const ticks = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>(\d+%)<\/text>/g)].filter((m) => m[3] === label);
  // The x axis's label sits below the plot (the larger y), the y axis's to its left (the smaller x).
  const [xTick] = ticks.sort((a, b) => Number(b[2]) - Number(a[2]));
  const [yTick] = [...ticks].sort((a, b) => Number(a[1]) - Number(b[1]));
  return axis === 'x' ? Number(xTick[1]) : Number(yTick[2]);
}

/** Each drawn point of a scatter: its hover title and its centre. */
function scatterPoints(svg: string): { title: string; x: number; y: number }[] {
  return [
    ...svg.matchAll(
      /<g class="point"><title>([^<]*)<\/title><g [^>]*><circle cx="([\d.]+)" cy="([\d.]+)"|<g class="point"><title>([^<]*)<\/title><g [^>]*><rect x="([\d.]+)" y="([\d.]+)"/g,
    ),
  ].map((m) =>
    m[1] !== undefined ? { title: m[1], x: Number(m[2]), y: Number(m[3]) } : { title: m[4], x: Number(m[5]) + 5, y: Number(m[6]) + 5 },
  );
}

describe('charts', () => {
  it('draws a scatter point per product with a score at its coverage and weighted score, and lists the one without', () => {
    const table = model().tables[0];
    const svg = categoryScatter(table);
    const at = (percent: number, axis: 'x' | 'y') => {
      const zero = tick(svg, '0%', axis);
      return Math.round((zero + ((tick(svg, '100%', axis) - zero) * percent) / 100) * 10) / 10;
    };
    // Grid: all 4 axes answered and scored, (4×2 + 1 + 3 + 2) / (4×2 + 4×3) = 14/20; Django: 11/16 over the 3 it scores.
    assert.deepEqual(scatterPoints(svg), [
      { title: 'Grid: 4 of 4 axes (100%); 14/20 (70%) on 4 of 4 axes', x: at(100, 'x'), y: at(70, 'y') },
      { title: 'Django: 4 of 4 axes (100%); 11/16 (69%) on 3 of 4 axes', x: at(100, 'x'), y: at(69, 'y') },
    ]);
    assert.equal(table.rows[2].name, 'Flask');
    assert.match(svg, /Not drawn, with no value: Flask \(no score\)\./);
    assert.match(
      svg,
      /<th scope="row"><span class="symbol series-2" aria-hidden="true">▲<\/span> Flask<\/th><td>0 of 4 axes \(0%\)<\/td><td>no score<\/td>/,
    );
    assert.match(
      svg,
      /<svg viewBox="[^"]+" role="img" aria-labelledby="(scatter-\w+)" class="scatter"><title id="\1">Web Frameworks: coverage and weighted score<\/title>/,
    );
    assert.match(svg, />Coverage \(% of axes answered\)<\/text>/);
    assert.match(svg, />Weighted score \(% over scored axes\)<\/text>/);
  });

  it('names the points it has room for beside them, and says how many crowded ones only the table names', () => {
    const points = Array.from({ length: 10 }, (_, i) => ({ name: `Product ${i}`, x: 50, y: 50, xText: '50%', yText: '50%' }));
    const svg = scatterChart({ title: 'Crowded', xTitle: 'x', yTitle: 'y', points });
    const named = [...svg.matchAll(/<text class="point-label" x="([\d.]+)" y="([\d.]+)" text-anchor="(start|end)"/g)];
    assert.ok(named.length >= 2 && named.length < 10, `${named.length} named`);
    assert.equal(new Set(named.map((m) => m.slice(1).join())).size, named.length, 'no two labels in one place');
    assert.ok(svg.includes(` ${10 - named.length} points are too close to others to be named on the chart`));
    assert.equal(svg.match(/<g class="point">/g)?.length, 10, 'every point is drawn, named or not');
    const alone = scatterChart({ title: 'Alone', xTitle: 'x', yTitle: 'y', points: points.slice(0, 1) });
    assert.match(
      alone,
      /<circle cx="([\d.]+)" cy="([\d.]+)" r="5"\/><\/g><text class="point-label" x="[\d.]+" y="\2" text-anchor="start"[^>]*>Product 0</,
      'its own point leaves the place to its right free',
    );
    assert.doesNotMatch(alone, /too close/);
    const unscored = points.map((point) => ({ ...point, y: null, yText: 'no score' }));
    const none = scatterChart({ title: 'None', xTitle: 'x', yTitle: 'y', points: [...unscored, ...unscored] });
    assert.match(
      none,
      /Not drawn, with no value: Product 0 \(no score\), [^.]*Product 9 \(no score\) and 10 more \(the table lists them\)\./,
    );
  });

  it('draws the category’s radar with a spoke per scored axis, its weight beside its name', () => {
    const svg = categoryRadar(model().tables[0], model().scoring);
    assert.equal(svg.match(/<line class="grid"/g)?.length, 4);
    assert.match(svg, /<tspan [^>]*>Auth \(×2\)<\/tspan>/);
    assert.match(svg, /<title id="[^"]+">Web Frameworks: Grid, Django, Flask<\/title>/);
    assert.equal(svg.match(/<g class="series /g)?.length, 3);
  });

  it('draws the battlecard’s radar of both sides over the axes either scores, in the scope’s order', () => {
    const m = model();
    const card = buildBattlecard(scoredIndex().scope, m, 'web', 'django');
    assert.ok(card);
    const svg = battlecardRadar(card);
    assert.deepEqual(
      [...svg.matchAll(/<tspan [^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]),
      ['Auth (×2)', 'Testing', 'Docs', 'Pricing'],
    );
    assert.match(svg, /<th scope="row">[^]*?Grid<\/th><td>4<\/td><td>1<\/td><td>3<\/td><td>2<\/td><\/tr>/);
    assert.match(svg, /<th scope="row">[^]*?Django<\/th><td>2<\/td><td>4<\/td><td>3<\/td><td>—<\/td><\/tr>/);
    assert.ok(battlecardToHtml(card).includes(svg), 'the HTML export shows the same chart');
  });

  it('keeps hostile product, category and axis names as text in every chart', () => {
    const evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const yaml = SCORED_SCOPE_YAML.replace('name: Web Frameworks', `name: '${evil}'`).replace(
      '      - name: Flask\n',
      `      - name: '${evil}'\n        id: evil\n`,
    );
    const index = new NoteIndex(testScope(yaml));
    index.setNote('research/grid.md', GRID_NOTE);
    index.setNote('research/evil.md', `---\nproduct: evil\n---\n\n## Auth\n\nYes.\n\nScore: 3\n`);
    const m = model(index);
    const card = buildBattlecard(index.scope, m, 'web', 'evil');
    assert.ok(card);
    const axis = radarChart({ title: evil, axes: ['A', evil, 'C'].map((name) => ({ name, weight: 1 })), scale: 4, series: [] });
    const point = scatterChart({ title: evil, xTitle: evil, yTitle: evil, points: [{ name: evil, x: 1, y: 2, xText: evil, yText: evil }] });
    for (const svg of [categoryScatter(m.tables[0]), categoryRadar(m.tables[0], m.scoring), battlecardRadar(card), axis, point]) {
      assert.doesNotMatch(svg, /<(script|img)\b/);
      assert.match(svg, /&#60;script&#62;alert\(1\)&#60;\/script&#62;&#34;&#62;&#60;img src=x onerror=alert\(2\)&#62;/);
    }
  });
});

describe('the webviews’ chart style', () => {
  it('gives each series the shade core’s palette gives it, in a light and a dark theme', () => {
    const css = readFileSync(path.join(repoRoot, 'media', 'charts.css'), 'utf8');
    const shades = [...css.matchAll(/^\S[^{]*\{([^}]*)\}/gm)].flatMap((rule) => {
      const colours = [...rule[1].matchAll(/--series-\d: (#[0-9a-f]{6});/g)].map((m) => m[1]);
      return colours.length ? [colours] : [];
    });
    assert.deepEqual(shades, [[...LIGHT_PALETTE], [...DARK_PALETTE]]);
  });
});
