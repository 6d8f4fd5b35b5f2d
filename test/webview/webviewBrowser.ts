import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { MatrixModel } from '../../src/core/matrix/matrixModel';
import { BATTLECARD_PAGE, MATRIX_PAGE, newNonce, webviewPageHtml, type WebviewPage } from '../../src/shared/webviewPage';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const ORIGIN = 'https://matrix.webview.test';

/** What the stand-in puts on the page's global object (the tests compile without the DOM library). */
interface PageGlobals {
  __sent: Array<{ type: string }>;
  __saved(): unknown;
  postMessage(message: unknown, targetOrigin: string): void;
}

/** Debian's Chromium, headless, as the project's browser tests and benchmarks run it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page's script, bundled from source as scripts/build.mjs bundles it, so that a test never runs a stale media/*.js. */
function webviewScript(entry: string): string {
  const result = buildSync({
    entryPoints: [path.join(repoRoot, entry)],
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    write: false,
  });
  return result.outputFiles[0].text;
}

/** Each page and the source its script is bundled from. */
const ENTRIES = new Map<WebviewPage, string>([
  [MATRIX_PAGE, 'src/webview/matrixPage.ts'],
  [BATTLECARD_PAGE, 'src/webview/battlecard.ts'],
]);

export interface WebviewTestPage {
  readonly page: Page;
  /** Console errors, page errors and refused requests: a clean page has none. */
  readonly errors: string[];
  /** The messages the page has posted to the extension so far. */
  sent(): Promise<unknown[]>;
  /** The state the page last saved with setState. */
  savedState(): Promise<unknown>;
  post(message: unknown): Promise<void>;
}

/** The matrix's page in the browser, as the tests of the matrix name it. */
export type MatrixPage = WebviewTestPage;

export interface PageOptions {
  readonly state?: unknown;
  readonly size?: { width: number; height: number };
}

/**
 * Opens the exact page a panel builds (webviewPageHtml) with its bundled script and stylesheets,
 * a stand-in for acquireVsCodeApi that records what the page posts, and a state to restore.
 */
export async function openWebviewPage(browser: Browser, webviewPage: WebviewPage, options: PageOptions = {}): Promise<WebviewTestPage> {
  const page = await browser.newPage({ viewport: options.size ?? { width: 1200, height: 800 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  const files: Record<string, { body: string; contentType: string }> = {
    '/index.html': {
      body: webviewPageHtml(webviewPage, { cspSource: ORIGIN, media: (file) => `${ORIGIN}/media/${file}`, nonce: newNonce() }),
      contentType: 'text/html',
    },
    [`/media/${webviewPage.script}`]: { body: webviewScript(ENTRIES.get(webviewPage)!), contentType: 'text/javascript' },
    ...Object.fromEntries(
      webviewPage.styles.map((file) => [
        `/media/${file}`,
        { body: readFileSync(path.join(repoRoot, 'media', file), 'utf8'), contentType: 'text/css' },
      ]),
    ),
  };
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = files[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ status: 200, body: file.body, contentType: file.contentType }) : route.fulfill({ status: 404, body: '' });
  });
  await page.addInitScript((state) => {
    const sent: unknown[] = [];
    let saved: unknown = state;
    Object.assign(globalThis, {
      __sent: sent,
      __saved: () => saved,
      acquireVsCodeApi: () => ({ postMessage: (m: unknown) => sent.push(m), getState: () => saved, setState: (s: unknown) => (saved = s) }),
    });
  }, options.state ?? null);
  await page.goto(`${ORIGIN}/index.html`);
  return {
    page,
    errors,
    sent: () => page.evaluate(() => (globalThis as unknown as PageGlobals).__sent.slice()),
    savedState: () => page.evaluate(() => (globalThis as unknown as PageGlobals).__saved()),
    post: (message) => page.evaluate((m) => (globalThis as unknown as PageGlobals).postMessage(m, '*'), message),
  };
}

/** Opens a page and posts it a first message the way its panel does: after the page says it is ready; then waits for `selector`. */
export async function openWith(
  browser: Browser,
  webviewPage: WebviewPage,
  message: unknown,
  selector: string,
  options: PageOptions = {},
): Promise<WebviewTestPage> {
  const opened = await openWebviewPage(browser, webviewPage, options);
  await opened.page.waitForFunction(() => (globalThis as unknown as PageGlobals).__sent.some((m) => m.type === 'ready'));
  await opened.post(message);
  await opened.page.waitForSelector(selector);
  return opened;
}

/** Opens the matrix's page and gives it a model. */
export function showModel(browser: Browser, model: MatrixModel, options: PageOptions = {}): Promise<MatrixPage> {
  return openWith(browser, MATRIX_PAGE, { type: 'model', model, loading: false }, 'table.matrix', options);
}
