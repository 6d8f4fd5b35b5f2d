import * as assert from 'node:assert/strict';
import { buildMatrix } from '../../src/core/matrix/matrixModel';
import type { MatrixComparison } from '../../src/shared/matrixMessages';
import { showModel, type MatrixPage } from '../webview/webviewBrowser';
import { chromiumSuite } from '../webview/chromiumSuite';
import { matrixCoverage, matrixScope } from './matrixFixtures';

const COMPARISON: MatrixComparison = {
  label: 'main (1a2b3c4)',
  changes: [
    {
      categoryId: 'web',
      productId: 'django',
      axisId: 'auth',
      kinds: ['text', 'score'],
      what: 'text, score',
      before: '✓ answered · score 2',
      after: '✓ answered · score 3',
    },
    {
      categoryId: 'sim',
      productId: 'ansys',
      axisId: 'fidelity',
      kinds: ['answered'],
      what: 'answered',
      before: '✗ missing',
      after: '✓ answered',
    },
  ],
};

describe('the matrix compared with a point of history, in Chromium', function () {
  this.timeout(60_000);
  let matrix: MatrixPage | undefined;
  const browser = chromiumSuite(
    () => matrix,
    () => (matrix = undefined),
  );

  const focused = () =>
    matrix!.page.evaluate(() => {
      type Cell = { dataset: Record<string, string>; closest(s: string): { dataset: Record<string, string> } | null };
      const cell = (globalThis as unknown as { document: { activeElement: Cell } }).document.activeElement;
      return `${cell.closest('section')?.dataset.category}/${cell.closest('tr')?.dataset.row}/${cell.dataset.column}`;
    });

  it('marks each changed cell with a symbol, a word and its kinds, before → after in its title and description, and counts them', async () => {
    matrix = await showModel(browser(), buildMatrix(matrixScope(), matrixCoverage()));
    const page = matrix.page;
    assert.equal(await page.locator('.comparing').isHidden(), true);
    await matrix.post({ type: 'comparison', comparison: COMPARISON });
    await page.waitForSelector('[data-change]');
    const changed = page.locator('td[data-change]');
    assert.deepEqual(await changed.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-change'))), ['text score', 'answered']);
    assert.deepEqual(await page.locator('td[data-change] .change-mark').allTextContents(), ['△ Changed', '+ Answered']);
    const django = page.locator('tr[data-row="django"] td[data-column="auth"]');
    assert.match(
      (await django.getAttribute('title')) ?? '',
      /^Changed since main \(1a2b3c4\): text, score\nBefore: ✓ answered · score 2\nAfter: ✓ answered · score 3\n/,
    );
    assert.equal(
      await django.getAttribute('aria-description'),
      'Changed since main (1a2b3c4): text, score. Before: ✓ answered · score 2. After: ✓ answered · score 3.',
    );
    assert.equal(await page.locator('#change-count').textContent(), '2 cells changed since main (1a2b3c4)');
    // Every other cell is as it was.
    assert.equal(await page.locator('td.cell:not([data-change]) .change-mark').count(), 0);

    await matrix.post({ type: 'comparison', comparison: null });
    await page.waitForSelector('[data-change]', { state: 'detached' });
    assert.equal(await page.locator('.comparing').isHidden(), true);
  });

  it('moves to the next change with n and the previous with Shift+N, going round, and shows the changed rows only', async () => {
    matrix = await showModel(browser(), buildMatrix(matrixScope(), matrixCoverage()));
    const page = matrix.page;
    await matrix.post({ type: 'comparison', comparison: COMPARISON });
    await page.waitForSelector('[data-change]');
    await page.locator('section[data-category="web"] thead th[data-column="product"]').focus();
    await page.keyboard.press('n');
    assert.equal(await focused(), 'web/django/auth');
    await page.keyboard.press('n');
    assert.equal(await focused(), 'sim/ansys/fidelity');
    await page.keyboard.press('n');
    assert.equal(await focused(), 'web/django/auth');
    await page.keyboard.press('Shift+N');
    assert.equal(await focused(), 'sim/ansys/fidelity');

    await page.check('#changed-only');
    assert.deepEqual(await page.locator('tbody th .product-name').allTextContents(), ['Django', 'Ansys']);
    assert.equal(((await matrix.savedState()) as { changedOnly: boolean }).changedOnly, true);
    await page.click('#stop-comparing');
    assert.deepEqual((await matrix.sent()).at(-1), { type: 'stopComparing' });
  });
});
