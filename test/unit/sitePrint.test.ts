import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../webview/webviewBrowser';
import { runCli } from './cliRun';
import { repoRoot, tempFolder } from './helpers';

/** The pages a PDF holds: its page objects (`/Type /Page`, not the `/Pages` tree). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').split(/\/Type\s*\/Page(?![s\w])/).length - 1;
}

describe('competitor-scope site, printed', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  after(() => browser?.close());

  it('prints each competitor’s battlecard on one A4 page, its answers after it on the pages that follow', async () => {
    const site = path.join(tempFolder({}), 'site');
    const run = await runCli(['site', path.join(repoRoot, 'example'), '-o', site, '--no-git', '--as-of', '2026-01-01']);
    assert.equal(run.code, 0, run.stderr);
    const competitors = fs
      .readdirSync(site)
      .filter((name) => name.startsWith('product-') && fs.readFileSync(path.join(site, name), 'utf8').includes('battlecard-title'));
    assert.ok(competitors.length >= 10, `${competitors.length} battlecard pages`);
    browser ??= await launchChromium();
    const page = await browser.newPage();
    for (const name of competitors) {
      await page.goto(`file://${path.join(site, name)}`);
      const whole = pdfPages(await page.pdf({ format: 'A4', margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' } }));
      assert.ok(whole >= 2, `${name}: the answers follow the battlecard's page (${whole} pages)`);
      // The page up to its battlecard: the title, what it is about, and the card itself.
      await page.evaluate(`(() => {
        const card = document.querySelector('main .battlecard');
        while (card.nextElementSibling) card.nextElementSibling.remove();
        document.querySelector('footer')?.remove();
      })()`);
      const card = pdfPages(await page.pdf({ format: 'A4', margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' } }));
      assert.equal(card, 1, `${name}: the battlecard prints on ${card} pages`);
    }
    await page.close();
  });
});
