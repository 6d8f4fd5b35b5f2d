import * as assert from 'node:assert/strict';
import { buildMatrix, buildMatrixWithoutTexts, type MatrixModel, type ProductCoverageInput } from '../../src/core/matrix/matrixModel';
import { syncMatrix } from '../../src/core/matrix/matrixStaging';
import { showModel, type MatrixPage } from '../webview/webviewBrowser';
import { chromiumSuite } from '../webview/chromiumSuite';
import { matrixCoverage, matrixScope, scoredCoverage, scoredMatrixScope, syntheticScope } from './matrixFixtures';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_ANSWER = '<script>alert("x")</script> =SUM(A1) &amp; more';

function smallModel(): MatrixModel {
  const coverage = matrixCoverage();
  return buildMatrix(matrixScope(), [...coverage, ansysCoverage()]);
}

/** Ansys answers with a javascript: link and HTML entities, which must show as written. */
function ansysCoverage(): ProductCoverageInput {
  const excerpt = '[docs](javascript:alert(1)) &lt;b&gt;bold&lt;/b&gt; &copy;';
  return {
    categoryId: 'sim',
    productId: 'ansys',
    notes: ['research/ansys.md'],
    axes: [{ axisId: 'fidelity', status: 'answered', file: 'research/ansys.md', line: 4, excerpt }],
  };
}

describe('matrix webview in Chromium', function () {
  this.timeout(60_000);
  let matrix: MatrixPage | undefined;
  const browser = chromiumSuite(
    () => matrix,
    () => (matrix = undefined),
  );

  const texts = (selector: string) => matrix!.page.locator(selector).allTextContents();
  const focused = () =>
    matrix!.page.evaluate(() => {
      const cell = (
        globalThis as unknown as {
          document: { activeElement: { dataset: Record<string, string>; closest(s: string): { dataset: Record<string, string> } | null } };
        }
      ).document.activeElement;
      return {
        row: cell.closest('tr')?.dataset.row ?? null,
        column: cell.dataset.column,
        category: cell.closest('section')?.dataset.category,
      };
    });
  const lastSent = async () => (await matrix!.sent()).at(-1);

  it('says it is ready before anything else, then draws one table per category with headers for screen readers', async () => {
    matrix = await showModel(browser(), smallModel());
    assert.deepEqual((await matrix.sent())[0], { type: 'ready' });
    assert.deepEqual(await texts('section.category h2'), ['Web | frameworks', 'Simulation']);
    assert.deepEqual(await texts('section[data-category="web"] thead th .axis-name'), ['Auth', 'Testing']);
    assert.equal(await matrix.page.locator('section[data-category="web"] thead th[scope="col"]').count(), 5);
    assert.deepEqual(await texts('section[data-category="web"] tbody th[scope="row"] .product-name'), [
      'Our Engine',
      'Django',
      'Flask',
      HOSTILE_NAME,
    ]);
    assert.equal(await matrix.page.locator('tr.subject .badge').textContent(), 'subject');
    const django = matrix.page.locator('section[data-category="web"] tr[data-row="django"]');
    assert.deepEqual(await django.locator('td').allTextContents(), ['●Answered: Sessions | CSRF built in.', '◐Placeholder', '1/2', '—']);
    assert.match((await django.locator('td.answered').getAttribute('title')) ?? '', /Sessions \| CSRF built in\.\nRate limits: none\./);
    assert.deepEqual(await texts('section[data-category="web"] tr[data-row="flask"] td'), ['✕Missing', '✕Missing', '0/2', '—']);
    assert.deepEqual(await texts('section[data-category="web"] tfoot td'), ['2/3', '0/3', '2/6', '']);
    assert.deepEqual(await texts('section[data-category="web"] thead .column-total'), ['2/3', '0/3']);
    assert.equal(await matrix.page.locator('#summary').textContent(), '3/7 answered (43%)');
  });

  it('gives each row the ids its context menu (Research Brief, Open Battlecard) hands to the command, and whether it is a competitor', async () => {
    matrix = await showModel(browser(), smallModel());
    const context = async (row: string) =>
      JSON.parse(
        (await matrix!.page.locator(`section[data-category="web"] tr[data-row="${row}"]`).getAttribute('data-vscode-context')) ?? 'null',
      );
    assert.deepEqual(await context('django'), {
      webviewSection: 'product',
      competitor: true,
      categoryId: 'web',
      productId: 'django',
      preventDefaultContextMenuItems: true,
    });
    assert.deepEqual(await context('flask'), {
      webviewSection: 'product',
      competitor: true,
      categoryId: 'web',
      productId: 'flask',
      preventDefaultContextMenuItems: true,
    });
    // Our own row has a brief but no battlecard: the menu's `when` reads `competitor`.
    assert.equal((await context('our-engine')).competitor, false);
  });

  it('gives each answer cell the axis its context menu (History of This Answer) adds to the row’s ids, and H asks for that history', async () => {
    matrix = await showModel(browser(), smallModel());
    const page = matrix.page;
    const cell = page.locator('section[data-category="web"] tr[data-row="django"] td[data-column="auth"]');
    // VS Code merges a cell's context over its row's: the command gets the category, the product and the axis.
    assert.deepEqual(JSON.parse((await cell.getAttribute('data-vscode-context')) ?? 'null'), { answerCell: true, axisId: 'auth' });
    assert.match((await cell.getAttribute('title')) ?? '', /H shows the answer’s history$/);
    await cell.focus();
    await page.keyboard.press('h');
    assert.deepEqual(await lastSent(), { type: 'answerHistory', categoryId: 'web', productId: 'django', axisId: 'auth' });
    // A product's name and the totals have no answer: H does nothing there.
    await page.locator('section[data-category="web"] tr[data-row="django"] th').focus();
    await page.keyboard.press('h');
    assert.deepEqual(await lastSent(), { type: 'answerHistory', categoryId: 'web', productId: 'django', axisId: 'auth' });
    assert.equal(
      await page.locator('section[data-category="web"] tr[data-row="django"] td[data-column="total"]').getAttribute('data-vscode-context'),
      null,
    );
  });

  it('shows hostile names and answers as harmless text', async () => {
    matrix = await showModel(browser(), smallModel());
    const page = matrix.page;
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 1);
    assert.equal(await page.locator('a').count(), 0);
    assert.equal(await page.locator('b').count(), 0);
    assert.equal(await page.locator('tr[data-row="zeta"] th .product-name').textContent(), HOSTILE_NAME);
    assert.equal(await page.locator('tr[data-row="zeta"] td.answered .excerpt').textContent(), HOSTILE_ANSWER);
    assert.equal(
      await page.locator('tr[data-row="ansys"] td.answered .excerpt').textContent(),
      '[docs](javascript:alert(1)) &lt;b&gt;bold&lt;/b&gt; &copy;',
    );
    assert.equal(await page.locator('h1').textContent(), 'Matrix <test> & scope');
    assert.equal(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).alert), 'function');
  });

  it('shows one category, the gaps only, and sorts by name and by coverage, saving each choice', async () => {
    matrix = await showModel(browser(), smallModel());
    const page = matrix.page;
    await page.selectOption('#category', 'sim');
    assert.deepEqual(await texts('section.category h2'), ['Simulation']);
    await page.selectOption('#category', '');
    await page.check('#gaps-only');
    // Simulation has no gaps left; in Web, every product has one and so does every axis.
    assert.deepEqual(await texts('section.category h2'), ['Web | frameworks']);
    assert.deepEqual(await texts('section[data-category="web"] tbody th .product-name'), ['Our Engine', 'Django', 'Flask', HOSTILE_NAME]);
    await page.uncheck('#gaps-only');
    await page.selectOption('#sort', 'name-desc');
    assert.deepEqual(await texts('section[data-category="web"] tbody th .product-name'), ['Our Engine', 'Flask', 'Django', HOSTILE_NAME]);
    await page.selectOption('#sort', 'coverage');
    assert.deepEqual(await texts('section[data-category="web"] tbody th .product-name'), ['Our Engine', 'Flask', HOSTILE_NAME, 'Django']);
    assert.deepEqual(await matrix.savedState(), {
      category: '',
      gapsOnly: false,
      staleOnly: false,
      unsourcedOnly: false,
      changedOnly: false,
      vsSubject: false,
      sort: 'coverage',
      descending: false,
      scrollTop: 0,
      focus: { categoryId: 'web', row: null, column: 'product' },
      view: 'table',
      radarVs: {},
    });
  });

  it('moves between cells with the arrow keys and acts on Enter', async () => {
    matrix = await showModel(browser(), smallModel());
    const page = matrix.page;
    // Past the toolbar: category, gaps only, stale, unsourced, vs. our product, sort, charts, export.
    for (let i = 0; i < 9; i++) await page.keyboard.press('Tab');
    assert.deepEqual(await focused(), { row: null, column: 'product', category: 'web' });
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await focused(), { row: null, column: 'auth', category: 'web' });
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.axis-info').textContent(), 'Auth — How requests are authenticated.Close');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.axis-info').isHidden(), true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await focused(), { row: 'django', column: 'testing', category: 'web' });
    assert.equal(await page.locator('[tabindex="0"]').count(), 1);
    await page.keyboard.press('Enter');
    assert.deepEqual(await lastSent(), { type: 'openCell', categoryId: 'web', productId: 'django', axisId: 'testing' });
    await page.keyboard.press('Home');
    await page.keyboard.press(' ');
    assert.deepEqual(await lastSent(), { type: 'openProduct', categoryId: 'web', productId: 'django' });
    // Down from the last row runs into the next table's header row.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await focused(), { row: null, column: 'product', category: 'sim' });
    await page.keyboard.press('Control+End');
    assert.deepEqual(await focused(), { row: 'ansys', column: 'score', category: 'sim' });
    assert.deepEqual(((await matrix.savedState()) as { focus: unknown }).focus, { categoryId: 'sim', row: 'ansys', column: 'score' });
  });

  it('sends the message a click means: a missing cell, a product, the export button', async () => {
    matrix = await showModel(browser(), smallModel());
    const page = matrix.page;
    await page.click('tr[data-row="flask"] td[data-column="testing"]');
    assert.deepEqual(await lastSent(), { type: 'openCell', categoryId: 'web', productId: 'flask', axisId: 'testing' });
    await page.click('tr[data-row="zeta"] th');
    assert.deepEqual(await lastSent(), { type: 'openProduct', categoryId: 'web', productId: 'zeta' });
    // Totals are read, not acted on.
    await page.click('tfoot td.table-total >> nth=0');
    assert.deepEqual(await lastSent(), { type: 'openProduct', categoryId: 'web', productId: 'zeta' });
    await page.click('#export');
    assert.deepEqual(await lastSent(), { type: 'export' });
  });

  it('applies a patch in place, keeping the view and the focused cell', async () => {
    const before = smallModel();
    matrix = await showModel(browser(), before);
    const page = matrix.page;
    await page.selectOption('#sort', 'name');
    await page.click('tr[data-row="flask"] td[data-column="auth"]');
    const coverage = matrixCoverage();
    coverage.push({
      categoryId: 'web',
      productId: 'flask',
      notes: ['research/flask.md'],
      axes: [{ axisId: 'auth', status: 'answered', file: 'research/flask.md', line: 3, excerpt: 'Flask-Login.' }],
    });
    coverage.push(ansysCoverage());
    const [patch, ...more] = [...syncMatrix(before, buildMatrixWithoutTexts(matrixScope(), coverage), () => false)];
    assert.equal(patch?.kind, 'rows');
    assert.deepEqual(more, []);
    await matrix.post({ type: 'patch', patch });
    await page.locator('tr[data-row="flask"] td[data-column="auth"]', { hasText: 'Flask-Login.' }).waitFor();
    assert.deepEqual(await texts('section[data-category="web"] tfoot td'), ['3/3', '0/3', '3/6', '']);
    assert.equal(await page.locator('#sort').inputValue(), 'name');
    assert.deepEqual(await focused(), { row: 'flask', column: 'auth', category: 'web' });
  });

  it('shows scores as Harvey balls with their number and label as text, the row’s weighted score, and the vs. view', async () => {
    matrix = await showModel(browser(), buildMatrix(scoredMatrixScope(), scoredCoverage()));
    const page = matrix.page;
    const django = 'section[data-category="web"] tr[data-row="django"]';
    assert.equal(await page.locator(`${django} td[data-column="auth"] .ball`).textContent(), '◑');
    assert.equal(await page.locator(`${django} td[data-column="auth"] .visually-hidden`).textContent(), 'Answered, Score 2/4 (partial): ');
    assert.match((await page.locator(`${django} td[data-column="auth"]`).getAttribute('title')) ?? '', /Score 2\/4 \(partial\)/);
    // Auth weighs 2: (2×2 + 4) / (4×2 + 4).
    assert.equal(await page.locator(`${django} td[data-column="score"]`).textContent(), '8/12 (67%) on 2 of 2 axes');
    assert.equal(await page.locator('.vs-mark').count(), 0, 'no comparison until the vs. view is on');
    await page.check('#vs-subject');
    assert.equal(await page.locator('label:has(#vs-subject)').textContent(), ' vs. Our Engine');
    assert.deepEqual(await texts(`${django} td.cell .vs-mark`), ['▲ We lead', '▼ They lead']);
    assert.deepEqual(await page.locator(`${django} td.cell`).evaluateAll((cells) => cells.map((c) => c.className)), [
      'cell answered vs-we-lead',
      'cell answered vs-they-lead',
    ]);
    assert.equal(await page.locator(`${django} td[data-column="vs"]`).getAttribute('aria-label'), 'We lead: 1, Parity: 0, They lead: 1');
    assert.equal(await page.locator(`${django} td[data-column="vs"]`).textContent(), '▲ 1= 0▼ 1');
    assert.deepEqual(
      await page.locator('section[data-category="web"] tr[data-row="flask"] td.cell').evaluateAll((cells) => cells.map((c) => c.className)),
      ['cell answered vs-parity', 'cell missing vs-none'],
    );
    await page.selectOption('#sort', 'score-desc');
    assert.deepEqual(await texts('section[data-category="web"] tbody th .product-name'), ['Our Engine', 'Flask', 'Django', HOSTILE_NAME]);
    assert.equal(((await matrix.savedState()) as { vsSubject: boolean }).vsSubject, true);
  });

  it('opens at a product: scrolls to its row far down, focuses it, and widens a view that hides it', async () => {
    const { scope, coverage } = syntheticScope(2000);
    matrix = await showModel(browser(), buildMatrix(scope, coverage));
    const page = matrix.page;
    await page.selectOption('#category', 'category-1');
    await matrix.post({ type: 'reveal', categoryId: 'category-4', productId: 'product-4-450' });
    await page.waitForSelector('tr[data-row="product-4-450"]');
    assert.equal(await page.locator('#category').inputValue(), '', 'all categories again: the product is in another one');
    assert.deepEqual(await focused(), { row: 'product-4-450', column: 'product', category: 'category-4' });
    assert.ok((await page.locator('.scroller').evaluate((el) => el.scrollTop)) > 10_000);
  });

  it('keeps the DOM small with 2,000 products, scrolls to the end, and restores its state on reload', async () => {
    const { scope, coverage } = syntheticScope(2000);
    const model = buildMatrix(scope, coverage);
    matrix = await showModel(browser(), model);
    const page = matrix.page;
    assert.ok((await page.locator('tbody tr.row').count()) < 100, 'only the rows in view are drawn');
    assert.ok((await page.locator('*').count()) < 2500);
    await page.locator('.scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForSelector('tr[data-row="product-4-500"]');
    await page.click('tr[data-row="product-4-500"] td[data-column="axis-2"]');
    await page.waitForFunction(() => ((globalThis as unknown as { __saved(): { scrollTop: number } }).__saved().scrollTop ?? 0) > 10_000);
    const state = await matrix.savedState();
    await page.close();

    matrix = await showModel(browser(), model, { state });
    await matrix.page.waitForSelector('tr[data-row="product-4-500"]');
    assert.equal(await matrix.page.locator('tr[data-row="product-4-500"] td[data-column="axis-2"]').getAttribute('tabindex'), '0');
    assert.ok((await matrix.page.locator('.scroller').evaluate((el) => el.scrollTop)) > 10_000);
  });
});
