// What a test in the extension host sees of a webview's page. The page runs in the workbench's browser, out of the
// extension host's reach: the harness (test/harness/webviewProbe.ts) reads its DOM with Playwright and answers
// over a loopback HTTP address that it passes in the environment. Only the Node host's suite has it.

/** The variable that holds the probe's address; absent where nothing drives the workbench (e.g. under test-electron). */
export const webviewProbeVariable = 'COMPETITOR_SCOPE_WEBVIEW_PROBE';

/** The title that asks about the workbench's own page (its notifications, its menus) instead of a webview's. */
export const WORKBENCH_PAGE = '(the workbench)';

/**
 * A question about the page whose document title is `title` (WORKBENCH_PAGE: the workbench): the elements
 * `selector` matches; `click` clicks the first, `press` presses a key (`n`, `Shift+N`) with the first focused,
 * `menuItem` right-clicks the first and picks that item of the workbench's context menu; `audit` runs axe-core on the page.
 */
export interface ProbeRequest {
  readonly title: string;
  readonly selector: string;
  readonly click?: boolean;
  readonly press?: string;
  readonly audit?: boolean;
  readonly menuItem?: string;
}

/** An element as a person meets it: its text, its classes, what hovering or a screen reader would say, its colour and where it is. */
export interface ProbeElement {
  readonly text: string;
  readonly className: string;
  readonly title: string;
  readonly ariaLabel: string;
  /** The computed CSS colour, e.g. `rgb(204, 204, 204)`. */
  readonly color: string;
  /** Its left and right edges in the page's viewport, in CSS pixels. */
  readonly left: number;
  readonly right: number;
  /** The width of its content, and of its box inside the borders: a text cut by its box is wider than the box. */
  readonly scrollWidth: number;
  readonly clientWidth: number;
}

/** `found` is false while no page has that title (not open, hidden, or still loading). */
export interface ProbeAnswer {
  readonly found: boolean;
  readonly elements: readonly ProbeElement[];
  /** The page's viewport width, in CSS pixels. */
  readonly viewportWidth: number;
  /** With `audit`: each rule axe-core finds broken, with its impact, what it asks for and the elements that fail it. */
  readonly violations?: readonly string[];
}

/**
 * The probe's address in a file beside the run's copy of example/ (SessionDirs.root), for the web worker, which has
 * no environment: the web suite reads it through workspace.fs and hands it to useProbeAddress.
 */
export const probeAddressFileName = 'webview-probe-address';

let givenAddress: string | undefined;

/** Asks the probe at `address` from now on (the web worker's, read from probeAddressFileName). */
export function useProbeAddress(address: string): void {
  givenAddress = address;
}

const probeAddress = () => givenAddress ?? (typeof process === 'undefined' ? undefined : process.env[webviewProbeVariable]);

export function webviewProbeAvailable(): boolean {
  return Boolean(probeAddress());
}

export async function askWebview(request: ProbeRequest): Promise<ProbeAnswer> {
  const address = probeAddress();
  if (!address) throw new Error(`${webviewProbeVariable} is not set: this suite runs without a view of the workbench`);
  const response = await fetch(address, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  if (!response.ok) throw new Error(`the webview probe answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ProbeAnswer;
}

/**
 * Polls the page titled `title` until the elements `selector` matches pass `accept`, and returns that answer;
 * the error says what the page showed last.
 */
export async function waitForWebview(
  title: string,
  selector: string,
  accept: (elements: readonly ProbeElement[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<ProbeAnswer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await askWebview({ title, selector });
    if (last.found && accept(last.elements)) return last;
    if (Date.now() > deadline) {
      const seen = last.found ? JSON.stringify(last.elements.map((e) => e.text)) : `no page titled "${title}"`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${selector} showed ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Presses a key in the page titled `title` with the first element `selector` matches focused, as the user would. */
export async function pressInWebview(title: string, selector: string, key: string): Promise<void> {
  const answer = await askWebview({ title, selector, press: key });
  if (!answer.found || answer.elements.length === 0) throw new Error(`nothing to press ${key} on: ${selector} in "${title}"`);
}

/** What axe-core finds wrong with the page titled `title` as it is drawn now (see ProbeAnswer's `violations`). */
export async function auditWebview(title: string): Promise<readonly string[]> {
  const answer = await askWebview({ title, selector: 'body', audit: true });
  if (!answer.found || !answer.violations) throw new Error(`no page titled "${title}" to audit`);
  return answer.violations;
}

/** Right-clicks the first element `selector` matches in the page titled `title` and picks `item` of the context menu. */
export async function pickFromContextMenu(title: string, selector: string, item: string): Promise<void> {
  const answer = await askWebview({ title, selector, menuItem: item });
  if (!answer.found || answer.elements.length === 0) throw new Error(`nothing to right-click: ${selector} in "${title}"`);
}

/** Clicks the first element `selector` matches in the page titled `title`, as the user would. */
export async function clickInWebview(title: string, selector: string): Promise<void> {
  const answer = await askWebview({ title, selector, click: true });
  if (!answer.found || answer.elements.length === 0) throw new Error(`nothing to click: ${selector} in "${title}"`);
}
