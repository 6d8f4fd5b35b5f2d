import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium, type WebviewTestPage } from './webviewBrowser';

/**
 * The mocha hooks of a suite that opens webview pages in headless Chromium: one browser for the suite; after each
 * test, the page `current` gives is closed and `forget` called, and a test that passed must have left that page
 * clean (no script errors, no refused styles or scripts under the CSP, no failed requests). Returns the browser.
 */
export function chromiumSuite(current: () => WebviewTestPage | undefined, forget: () => void): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser?.close());
  afterEach(async function () {
    const page = current();
    if (page && this.currentTest?.state === 'passed') assert.deepEqual(page.errors, []);
    await page?.page.close();
    forget();
  });
  return () => browser!;
}
