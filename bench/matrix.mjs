/* global console, performance, window, requestAnimationFrame, setTimeout */
// `node bench/matrix.mjs` (after `npm run compile`): the matrix webview in headless Chromium with 2,000 products.
// Measures from posting the model to the first complete paint, and from posting one note's patch to its paint.
import { createRequire } from 'node:module';
import { median } from './reanalyze.mjs';

const require = createRequire(import.meta.url);
const { launchChromium, showModel } = require('../out/test/webview/webviewBrowser.js');
const { syntheticScope } = require('../out/test/unit/matrixFixtures.js');
const { buildMatrix, buildMatrixWithoutTexts } = require('../out/src/core/matrix/matrixModel.js');
const { syncMatrix } = require('../out/src/core/matrix/matrixStaging.js');

const PRODUCTS = 2000;
const RUNS = 5;

/** Posts a message as the extension does and resolves with the time until the frame after it is painted. */
function timePaint(page, message) {
  return page.evaluate(
    (m) =>
      new Promise((resolve) => {
        const start = performance.now();
        window.postMessage(m, '*');
        // The message handler renders synchronously; the frame after the next animation frame has been painted.
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      }),
    message,
  );
}

const { scope, coverage } = syntheticScope(PRODUCTS);
const model = buildMatrix(scope, coverage);
const changed = coverage.map((entry, i) =>
  i === 1 ? { ...entry, axes: entry.axes.map((a) => ({ ...a, status: 'answered', excerpt: 'Changed.' })) } : entry,
);
// The patch the panel sends for that change: the one step of bringing the page's model up to date.
const [patch] = [...syncMatrix(model, buildMatrixWithoutTexts(scope, changed), () => false)];

const browser = await launchChromium();
const firstPaint = [];
const update = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const tiny = buildMatrix(syntheticScope(1).scope, []);
    const matrix = await showModel(browser, tiny);
    firstPaint.push(await timePaint(matrix.page, { type: 'model', model, loading: false }));
    update.push(await timePaint(matrix.page, { type: 'patch', patch }));
    const rows = await matrix.page.locator('tbody tr.row').count();
    if (matrix.errors.length > 0 || rows === 0 || rows > 200) throw new Error(`bad page: ${rows} rows, ${matrix.errors.join('; ')}`);
    await matrix.page.close();
  }
} finally {
  await browser.close();
}
const verdict = (ms, target) => `${ms.toFixed(1)} ms (target < ${target} ms: ${ms < target ? 'met' : 'MISSED'})`;
console.log(`matrix webview, ${PRODUCTS} products, median of ${RUNS} runs in headless Chromium`);
console.log(`  first message to first complete paint: ${verdict(median(firstPaint), 300)}`);
console.log(`  one note's change, patch to paint:      ${verdict(median(update), 50)}`);
