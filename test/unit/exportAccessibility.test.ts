import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { axeViolations, SYSTEM_THEMES } from '../webview/axe';
import { launchChromium } from '../webview/webviewBrowser';
import { runCli } from './cliRun';
import { repoRoot } from './helpers';

describe('HTML exports: accessibility', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  after(() => browser?.close());

  // example/ has every mark on show: answered, placeholder, empty and missing cells, scores, stale and unsourced answers.
  for (const [what, argv] of [
    ['the matrix export', ['matrix', path.join(repoRoot, 'example'), '--format', 'html']],
    ['the battlecard export', ['battlecard', 'django', path.join(repoRoot, 'example'), '--format', 'html']],
  ] as const) {
    it(`${what} passes axe-core in light, dark and forced colours: one main landmark, all content in it, contrast`, async () => {
      const run = await runCli([...argv, '--as-of', '2026-01-01']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /class="stale"/, 'the page shows a stale answer');
      browser ??= await launchChromium();
      for (const theme of SYSTEM_THEMES) {
        const page = await browser.newPage(theme);
        await page.setContent(run.stdout);
        assert.deepEqual(await axeViolations(page), [], `${what}, ${theme.colorScheme}, forced colours ${theme.forcedColors}`);
        await page.close();
      }
    });
  }
});
