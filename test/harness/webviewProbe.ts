import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { axeViolations } from '../webview/axe';
import { WORKBENCH_PAGE, type ProbeAnswer, type ProbeElement, type ProbeRequest } from '../integration/webviewProbe';

/**
 * The harness's half of the webview probe (see test/integration/webviewProbe.ts): a loopback HTTP server that
 * answers a test's question about a webview's DOM from the workbench page that Playwright drives. A webview is
 * an iframe holding the page's own iframe; the page is found among all frames by its document title.
 */
export interface WebviewProbe {
  /** The address for the extension host's environment. */
  readonly url: string;
  /** The workbench page, once it is open; until then every question is answered "not found". */
  attach(page: Page): void;
  close(): Promise<void>;
}

export async function startWebviewProbe(): Promise<WebviewProbe> {
  let page: Page | undefined;
  const server = http.createServer((request, response) => {
    // The web worker's extension host asks from the workbench's origin: another port, so another origin.
    response.setHeader('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type' }).end();
      return;
    }
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      answer(page, JSON.parse(body) as ProbeRequest).then(
        (result) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
        (error: Error) => response.writeHead(500).end(error.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    attach: (opened) => (page = opened),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What the harness uses of the page's globals (it compiles without the DOM library). */
interface PageGlobals {
  getComputedStyle(node: unknown): { color: string };
  document: { documentElement: { clientWidth: number } };
}

async function answer(page: Page | undefined, request: ProbeRequest): Promise<ProbeAnswer> {
  const frame = page && (request.title === WORKBENCH_PAGE ? page.mainFrame() : await frameTitled(page, request.title));
  if (!frame) return { found: false, elements: [], viewportWidth: 0 };
  const elements = await frame.$$eval(request.selector, (nodes) =>
    nodes.map((node): ProbeElement => {
      const box = node.getBoundingClientRect();
      return {
        text: node.textContent ?? '',
        className: node.getAttribute('class') ?? '',
        title: node.getAttribute('title') ?? '',
        ariaLabel: node.getAttribute('aria-label') ?? '',
        color: (globalThis as unknown as PageGlobals).getComputedStyle(node).color,
        left: box.left,
        right: box.right,
        scrollWidth: node.scrollWidth,
        clientWidth: node.clientWidth,
      };
    }),
  );
  const viewportWidth = await frame.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.clientWidth);
  if (request.click && elements.length > 0) await frame.locator(request.selector).first().click();
  if (request.press && elements.length > 0) await frame.locator(request.selector).first().press(request.press);
  if (request.menuItem && elements.length > 0) await pickMenuItem(page!, frame, request.selector, request.menuItem);
  const violations = request.audit ? await axeViolations(frame) : undefined;
  return { found: true, elements, viewportWidth, violations };
}

/**
 * Right-clicks the first element `selector` matches and picks `menuItem` of the workbench's context menu, which it
 * draws (in a shadow root, which Playwright's locators enter) from the element's data-vscode-context. The menu fades
 * in, and a click before it has settled can be lost: the item is hovered (and so selected) first, a menu that stays
 * open after the click gets Enter on that selected item (as a keyboard user picks it), and the whole pick is made
 * again, up to five times, while the menu is still open or never opened. A last failure says what the menu held.
 */
async function pickMenuItem(page: Page, frame: Frame, selector: string, menuItem: string): Promise<void> {
  const items = page.locator('.context-view .action-item');
  const item = items.filter({ hasText: menuItem }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await frame.locator(selector).first().click({ button: 'right' });
      await item.hover({ timeout: 5_000 });
      await item.click({ timeout: 5_000 });
      const closed = () =>
        item.waitFor({ state: 'hidden', timeout: 2_000 }).then(
          () => true,
          () => false,
        );
      if (await closed()) return;
      await page.keyboard.press('Enter');
      if (await closed()) return;
      throw new Error(`the menu stayed open after "${menuItem}" was clicked and Enter pressed on it`);
    } catch (error) {
      if (attempt === 5) {
        const shown = await items.allInnerTexts().catch(() => []);
        throw new Error(
          `${error instanceof Error ? error.message : String(error)}\nthe menu held: ${shown.length > 0 ? shown.join(' | ') : 'nothing (it was not open)'}`,
          { cause: error },
        );
      }
      await page.keyboard.press('Escape');
      await items
        .first()
        .waitFor({ state: 'hidden', timeout: 2_000 })
        .catch(() => undefined);
    }
  }
}

/** The frame whose document has this title; frames that are loading or gone are passed over. */
async function frameTitled(page: Page, title: string): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const frameTitle = await frame.title().catch(() => undefined);
    if (frameTitle === title) return frame;
  }
  return undefined;
}
