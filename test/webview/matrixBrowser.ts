import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { MatrixModel } from '../../src/core/matrix/matrixModel';
import { matrixPageHtml, newNonce } from '../../src/shared/matrixPage';

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
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The webview's script, bundled from source as scripts/build.mjs bundles it, so that a test never runs a stale media/matrix.js. */
function webviewScript(): string {
  const result = buildSync({ entryPoints: [path.join(repoRoot, 'src/webview/main.ts')], bundle: true, platform: 'browser', target: 'es2022', format: 'iife', write: false });
  return result.outputFiles[0].text;
}

export interface MatrixPage {
  readonly page: Page;
  /** Console errors, page errors and refused requests: a clean page has none. */
  readonly errors: string[];
  /** The messages the page has posted to the extension so far. */
  sent(): Promise<unknown[]>;
  /** The state the page last saved with setState. */
  savedState(): Promise<unknown>;
  post(message: unknown): Promise<void>;
}

/**
 * Opens the exact page the panel builds (matrixPageHtml) with the bundled script and stylesheet,
 * a stand-in for acquireVsCodeApi that records what the page posts, and a state to restore.
 */
export async function openMatrixPage(browser: Browser, options: { state?: unknown; size?: { width: number; height: number } } = {}): Promise<MatrixPage> {
  const page = await browser.newPage({ viewport: options.size ?? { width: 1200, height: 800 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  const files: Record<string, { body: string; contentType: string }> = {
    '/index.html': {
      body: matrixPageHtml({ cspSource: ORIGIN, scriptUri: `${ORIGIN}/media/matrix.js`, styleUri: `${ORIGIN}/media/matrix.css`, nonce: newNonce() }),
      contentType: 'text/html',
    },
    '/media/matrix.js': { body: webviewScript(), contentType: 'text/javascript' },
    '/media/matrix.css': { body: readFileSync(path.join(repoRoot, 'media/matrix.css'), 'utf8'), contentType: 'text/css' },
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

/** Opens the page and gives it a model the way the panel does: after the page says it is ready. */
export async function showModel(browser: Browser, model: MatrixModel, options: Parameters<typeof openMatrixPage>[1] = {}): Promise<MatrixPage> {
  const matrix = await openMatrixPage(browser, options);
  await matrix.page.waitForFunction(() => (globalThis as unknown as PageGlobals).__sent.some((m) => m.type === 'ready'));
  await matrix.post({ type: 'model', model });
  await matrix.page.waitForSelector('table.matrix');
  return matrix;
}
