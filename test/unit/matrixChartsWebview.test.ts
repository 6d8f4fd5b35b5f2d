import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildMatrix, type MatrixModel } from '../../src/core/matrix/matrixModel';
import { MATRIX_PAGE } from '../../src/shared/webviewPage';
import { openWith, showModel, type MatrixPage, type PageOptions } from '../webview/webviewBrowser';
import { chromiumSuite } from '../webview/chromiumSuite';
import { scoredCoverage, scoredMatrixScope, syntheticScope } from './matrixFixtures';
import { scoredIndex } from './scoringFixtures';

/** Grid (ours) scores all four axes, Django three, Flask has no note. */
function scoredModel(): MatrixModel {
  const index = scoredIndex();
  return buildMatrix(index.scope, [...index.subjectCoverage(), ...index.coverage()]);
}

interface Saved {
  view: string;
  radarVs: Record<string, string>;
}

describe('matrix webview’s chart view in Chromium', function () {
  this.timeout(60_000);
  let matrix: MatrixPage | undefined;
  const browser = chromiumSuite(
    () => matrix,
    () => (matrix = undefined),
  );

  const texts = (selector: string) => matrix!.page.locator(selector).allTextContents();
  const showCharts = (model: MatrixModel, options: PageOptions = {}) =>
    openWith(browser(), MATRIX_PAGE, { type: 'model', model, loading: false }, 'section.charts svg.scatter', options);

  it('toggles between the tables and each category’s radar and scatter from the toolbar, by mouse or keyboard, and saves it', async () => {
    matrix = await showModel(browser(), scoredModel());
    const page = matrix.page;
    assert.equal(await page.locator('#chart-view').getAttribute('aria-pressed'), 'false');
    await page.click('#chart-view');
    await page.waitForSelector('section.charts svg.scatter');
    assert.equal(await page.locator('#chart-view').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('table.matrix').count(), 0);
    assert.equal(await page.locator('#gaps-only').isVisible(), false, 'the tables’ own filters are hidden with them');
    assert.deepEqual(await texts('section.charts h2'), ['Web Frameworks']);
    assert.equal(await page.locator('svg.radar title').textContent(), 'Web Frameworks: Grid, Django, Flask');
    assert.equal(await page.locator('svg.radar line.grid').count(), 4);
    // One point per product with a score, each with its figures in its title; Flask is listed, not drawn at 0.
    assert.deepEqual(await texts('svg.scatter g.point > title'), [
      'Grid: 4 of 4 axes (100%); 14/20 (70%) on 4 of 4 axes',
      'Django: 4 of 4 axes (100%); 11/16 (69%) on 3 of 4 axes',
    ]);
    assert.deepEqual(await texts('svg.scatter .point-label'), ['Grid', 'Django']);
    assert.match((await page.locator('svg.scatter + figcaption').textContent()) ?? '', /Not drawn, with no value: Flask \(no score\)\./);
    assert.deepEqual(await texts('table.chart-data:has(caption:text("coverage and weighted score")) tbody tr td:last-child'), [
      '14/20 (70%) on 4 of 4 axes',
      '11/16 (69%) on 3 of 4 axes',
      'no score',
    ]);
    assert.deepEqual(((await matrix.savedState()) as Saved).view, 'charts');
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(
      `axe.run('section.charts').then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
    );
    assert.deepEqual(violations, [], 'axe-core finds nothing in the charts');
    await page.focus('#chart-view');
    await page.keyboard.press('Enter');
    await page.waitForSelector('table.matrix');
    assert.equal(await page.locator('section.charts').count(), 0);
    assert.deepEqual(((await matrix.savedState()) as Saved).view, 'table');
  });

  it('sets our product against the competitor picked on the radar, and comes back so after a reload', async () => {
    matrix = await showCharts(scoredModel(), { state: { view: 'charts' } });
    await matrix.page.selectOption('section[data-category="web"] select.radar-vs', 'django');
    await matrix.page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } }).document.querySelector(
          'svg.radar title',
        ).textContent === 'Web Frameworks: Grid, Django',
    );
    const state = (await matrix.savedState()) as Saved;
    assert.deepEqual(state.radarVs, { web: 'django' });
    await matrix.page.close();

    matrix = await showCharts(scoredModel(), { state });
    assert.equal(await matrix.page.locator('svg.radar title').textContent(), 'Web Frameworks: Grid, Django');
    assert.equal(await matrix.page.locator('select.radar-vs').inputValue(), 'django');
    assert.equal(await matrix.page.locator('#chart-view').getAttribute('aria-pressed'), 'true');
  });

  it('shows hostile names as text in the charts, and one category when the toolbar picks it', async () => {
    matrix = await showCharts(buildMatrix(scoredMatrixScope(), scoredCoverage()), { state: { view: 'charts' } });
    const page = matrix.page;
    assert.equal(await page.locator('img').count(), 0);
    assert.ok((await texts('table.chart-data tbody th')).some((name) => name.endsWith('<img src=x onerror=alert(1)>')));
    assert.deepEqual(await texts('section.charts h2'), ['Web | frameworks', 'Simulation']);
    // Two axes are not enough for a radar: it says so and shows the scores as a table.
    assert.match((await page.locator('section[data-category="web"] .chart-note').textContent()) ?? '', /needs at least three scored axes/);
    await page.selectOption('#category', 'sim');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(
          'section.charts',
        ).length === 1,
    );
    assert.deepEqual(await texts('section.charts h2'), ['Simulation']);
  });

  it('draws the charts of 2,000 products, asking for a competitor rather than drawing a radar of 500', async () => {
    const { scope, coverage: unscored } = syntheticScope(2000);
    const coverage = unscored.map((product, p) => ({
      ...product,
      axes: product.axes.map((axis, a) => (axis.status === 'answered' && (p + a) % 3 !== 0 ? { ...axis, score: (p + a) % 5 } : axis)),
    }));
    matrix = await showModel(browser(), buildMatrix(scope, coverage), { state: { category: 'category-1' } });
    const drawMs = await matrix.page.evaluate(() => {
      const started = performance.now();
      (globalThis as unknown as { document: { getElementById(id: string): { click(): void } } }).document
        .getElementById('chart-view')
        .click();
      return Math.round(performance.now() - started);
    });
    console.log(`      the charts of a category of 500 products drawn in ${drawMs} ms`);
    const page = matrix.page;
    assert.match((await page.locator('.chart-note').first().textContent()) ?? '', /^\d+ products are too many to tell apart on one radar/);
    assert.equal(await page.locator('svg.radar').count(), 0);
    const scored = buildMatrix(scope, coverage).tables[0].rows.filter((row) => row.score !== null).length;
    assert.ok(scored > 400, `${scored} products with a score`);
    assert.equal(await page.locator('svg.scatter g.point').count(), scored);
  });
});
