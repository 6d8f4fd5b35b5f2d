// `node out/test/harness/siteScreenshots.js` (after a build): builds the static site from example/ with the command line
// and takes its pictures for the README in headless Chromium, into docs/images/site-*.png: the index (compared with our
// product), a category page at its radar chart, and a competitor's page at its battlecard.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../webview/webviewBrowser';
import { repoRoot } from './paths';

const CATEGORY = 'python-web-frameworks';

/** Each picture: its file's name, its page, and what is done on the page before it is taken. */
const SITE_SHOTS: ReadonlyArray<{ name: string; page: string; arrange?: (page: Page) => Promise<unknown> }> = [
  { name: 'site-index', page: 'index.html', arrange: (page) => page.check('#vs-subject') },
  { name: 'site-category', page: `category-${CATEGORY}.html`, arrange: (page) => scrollTo(page, 'Scores') },
  { name: 'site-battlecard', page: `product-${CATEGORY}~django.html` },
];

/** Scrolls a heading to the top of the page, with a little room above it. */
async function scrollTo(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { name: heading, exact: true }).scrollIntoViewIfNeeded();
  await page.evaluate(
    `(() => { const top = [...document.querySelectorAll('h2')].find((h) => h.textContent === ${JSON.stringify(heading)}).getBoundingClientRect().top; window.scrollBy(0, top - 16); })()`,
  );
}

async function main(): Promise<void> {
  const site = path.join(mkdtempSync(path.join(os.tmpdir(), 'competitor-scope-site-shots-')), 'site');
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'site', path.join(repoRoot, 'example'), '-o', site], {
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`competitor-scope site failed (${build.status}): ${build.stderr}`);
  const browser = await launchChromium();
  try {
    for (const shot of SITE_SHOTS) {
      const page = await browser.newPage({ viewport: { width: 1300, height: 900 }, colorScheme: 'light' });
      await page.goto(`file://${path.join(site, shot.page)}`);
      await shot.arrange?.(page);
      await page.waitForSelector('section[aria-busy]', { state: 'detached' });
      const file = path.join(repoRoot, 'docs', 'images', `${shot.name}.png`);
      await page.screenshot({ path: file });
      console.log(`${shot.name}: ${path.relative(repoRoot, file)}`);
      await page.close();
    }
  } finally {
    await browser.close();
    rmSync(path.dirname(site), { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
