import * as assert from 'node:assert/strict';
import { buildMatrix } from '../../src/core/matrix/matrixModel';
import { buildBattlecard, type Battlecard } from '../../src/core/matrix/battlecard';
import { BATTLECARD_PAGE } from '../../src/shared/webviewPage';
import { openWith, type WebviewTestPage } from '../webview/webviewBrowser';
import { chromiumSuite } from '../webview/chromiumSuite';
import { DJANGO_NOTE, GRID_NOTE, scoredIndex } from './scoringFixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';

function card(notes?: Record<string, string>): Battlecard {
  const index = scoredIndex(notes);
  const built = buildBattlecard(index.scope, buildMatrix(index.scope, [...index.subjectCoverage(), ...index.coverage()]), 'web', 'django');
  assert.ok(built);
  return built;
}

describe('battlecard webview in Chromium', function () {
  this.timeout(60_000);
  let page: WebviewTestPage | undefined;
  const browser = chromiumSuite(
    () => page,
    () => (page = undefined),
  );

  const show = (shown: Battlecard, options = {}) =>
    openWith(browser(), BATTLECARD_PAGE, { type: 'card', card: shown, comparison: null }, 'section.verdict', options);
  const texts = (selector: string) => page!.page.locator(selector).allTextContents();

  it('says it is ready, then draws each verdict with both sides, and keeps which card it shows', async () => {
    page = await show(card());
    assert.deepEqual((await page.sent())[0], { type: 'ready' });
    assert.equal(await page.page.locator('h1').textContent(), 'Django vs. Grid');
    assert.equal(await page.page.title(), 'Battlecard: Django');
    assert.deepEqual(await texts('section.verdict h2'), ['▲ Where we lead (1)', '▼ Where they lead (1)', '= Parity (1)', '? Unknown (1)']);
    assert.deepEqual(await texts('section.we-lead .side'), [
      'Grid● 4/4 (best)OAuth and rate limits built in.⊘ unsourced',
      'Django◑ 2/4 (partial)Sessions and permissions.⊘ unsourced',
    ]);
    assert.deepEqual(await texts('section.we-lead .weight'), ['×2']);
    assert.deepEqual(await texts('section.unknown .score'), ['◑ 2/4 (partial)', 'not scored (answered)']);
    assert.equal(
      await page.page.locator('#summary').textContent(),
      'Weighted score — Over the 3 of 4 axes both have scored: Grid 12/16 (75%), Django 11/16 (69%).',
    );
    assert.deepEqual(await page.savedState(), { categoryId: 'web', productId: 'django', scrollTop: 0 });
  });

  it('draws the radar of both sides over the scored axes, with its title, legend and table, under the page’s CSP', async () => {
    page = await show(card());
    assert.equal(await page.page.locator('svg.radar line.grid').count(), 4, 'a spoke per scored axis');
    assert.equal(await page.page.locator('svg.radar title').textContent(), 'Web Frameworks: Grid, Django');
    assert.equal(await page.page.locator('svg.radar g.series').count(), 2);
    assert.deepEqual(await texts('.charts .legend li'), ['● Grid', '■ Django']);
    assert.deepEqual(await texts('.chart-data tbody tr'), ['● Grid4132', '■ Django243—']);
    // The series' colour comes from the page's style, in the theme's shade: our blue is lighter in a dark theme.
    const fill = () =>
      page!.page
        .locator('svg.radar g.series-0')
        .evaluate((g) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(g).fill);
    assert.equal(await fill(), 'rgb(0, 114, 178)');
    await page.page.locator('body').evaluate((body) => body.classList.add('vscode-dark'));
    assert.equal(await fill(), 'rgb(86, 180, 233)');
  });

  it('shows hostile names and answers as harmless text', async () => {
    const hostile = { ...card(), product: HOSTILE, description: `<script>alert(1)</script>` };
    page = await show(hostile);
    assert.equal(await page.page.locator('img').count(), 0);
    assert.equal(await page.page.locator('script').count(), 1);
    assert.equal(await page.page.locator('svg.radar title').textContent(), `Web Frameworks: Grid, ${HOSTILE}`);
    assert.equal(await page.page.locator('h1').textContent(), `${HOSTILE} vs. Grid`);
    assert.equal(await page.page.locator('.description').textContent(), `${HOSTILE}: <script>alert(1)</script>`);
  });

  it('draws the new card when one comes, and says so when the product has left the scope', async () => {
    page = await show(card());
    const tied = card({ 'research/grid.md': GRID_NOTE, 'research/django.md': DJANGO_NOTE.replace('Score: 2', 'Score: 4') });
    await page.post({ type: 'card', card: tied, comparison: null });
    await page.page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector(
          'section.parity h2',
        )?.textContent === '= Parity (2)',
    );
    assert.deepEqual(await texts('section.verdict h2'), ['▲ Where we lead (0)', '▼ Where they lead (1)', '= Parity (2)', '? Unknown (1)']);
    await page.post({ type: 'gone', product: 'Django' });
    assert.equal(await page.page.locator('.gone').textContent(), 'Django is no longer a competitor in the scope.');
  });

  it('turns its buttons into messages: a side’s note at the axis, export and copy', async () => {
    page = await show(card());
    await page.page.locator('section.they-lead .ours button.who').click();
    await page.page.locator('section.we-lead .theirs button.who').click();
    await page.page.locator('#export').click();
    await page.page.locator('#copy').click();
    assert.deepEqual((await page.sent()).slice(1), [
      { type: 'openAxis', side: 'ours', axisId: 'testing' },
      { type: 'openAxis', side: 'theirs', axisId: 'auth' },
      { type: 'export' },
      { type: 'copy' },
    ]);
  });

  it('marks the answers changed since a commit, ours and theirs, counts them, and asks to compare or stop', async () => {
    page = await show(card());
    assert.equal(await page.page.locator('#stop-comparing').isVisible(), false);
    const change = { categoryId: 'web', what: 'text', before: 'answered: “Sessions.”', after: 'answered: “Sessions and permissions.”' };
    const comparison = {
      label: 'main (1a2b3c4)',
      subjectId: 'grid',
      changes: [
        { ...change, productId: 'django', axisId: 'auth', kinds: ['text'] },
        { ...change, productId: 'grid', axisId: 'testing', kinds: ['answered'], what: 'answered' },
      ],
    };
    await page.post({ type: 'card', card: card(), comparison });
    await page.page.locator('#change-count', { hasText: '2 cells changed since main (1a2b3c4)' }).waitFor();
    assert.deepEqual(await page.page.locator('[data-change]').evaluateAll((all) => all.map((e) => e.getAttribute('data-change'))), [
      'text',
      'answered',
    ]);
    const theirs = page.page.locator('li[data-axis="auth"] .theirs');
    assert.match((await theirs.textContent()) ?? '', /^△ Changed/);
    assert.equal(
      await theirs.getAttribute('aria-description'),
      'Changed since main (1a2b3c4): text. Before: answered: “Sessions.”. After: answered: “Sessions and permissions.”.',
    );
    assert.match((await page.page.locator('li[data-axis="testing"] .ours').textContent()) ?? '', /^\+ Answered/);
    assert.deepEqual(await texts('li.axis.changed strong.axis-name'), ['Auth', 'Testing']);
    await page.page.locator('#changed-since').click();
    await page.page.locator('#stop-comparing').click();
    assert.deepEqual((await page.sent()).slice(1), [{ type: 'compare' }, { type: 'stopComparing' }]);
    await page.post({ type: 'card', card: card(), comparison: null });
    await page.page.locator('#stop-comparing').waitFor({ state: 'hidden' });
    assert.equal(await page.page.locator('[data-change]').count(), 0);
  });

  it('goes back to where it was scrolled after a reload', async () => {
    const long = card();
    const many = {
      ...long,
      sections: {
        ...long.sections,
        unknown: Array.from({ length: 60 }, (_, i) => ({ ...long.sections.unknown[0], id: `axis-${i}`, name: `Axis ${i}` })),
      },
    };
    page = await show(many, { state: { categoryId: 'web', productId: 'django', scrollTop: 400 }, size: { width: 900, height: 400 } });
    assert.equal(await page.page.locator('main').evaluate((main) => (main as unknown as { scrollTop: number }).scrollTop), 400);
  });
});
