import { chromium, type Page } from 'playwright-core';

/** Debian's Chromium; these flags keep it from reaching out to a network that this kind of machine does not have. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface WorkbenchOptions {
  viewport?: { width: number; height: number };
  /** The test run's exit code (0 or 1), once the extension tests have finished. */
  onExit?: (code: number) => void;
  /** The workbench's log, the extension host's console included. */
  onLog?: (type: string, args: unknown[]) => void;
  /** Runs before the workbench loads, e.g. to add init scripts to every frame (the benchmark's). */
  beforeLoad?: (page: Page) => Promise<void>;
}

export interface Workbench {
  page: Page;
  /** Rejects when the page or the browser dies. */
  crashed: Promise<never>;
  close(): Promise<void>;
}

/** Opens the VS Code workbench at `url` in headless Chromium with a fresh profile. */
export async function openWorkbench(url: string, options: WorkbenchOptions = {}): Promise<Workbench> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const { onExit, onLog } = options;
    // The workbench looks for these two functions on window when it runs extension tests.
    if (onExit) await page.exposeFunction('codeAutomationExit', (code: number) => onExit(code));
    if (onLog) {
      await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => onLog(type, Array.isArray(args) ? args : [args]));
    }
    const crashed = new Promise<never>((_, reject) => {
      page.on('crash', () => reject(new Error('the workbench page crashed')));
      browser.on('disconnected', () => reject(new Error('the browser closed')));
    });
    crashed.catch(() => undefined);
    // The workbench's first load fetches a few MB from the server: slow on a loaded machine, not hung.
    await options.beforeLoad?.(page);
    await page.goto(url, { timeout: 120_000 });
    return { page, crashed, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
