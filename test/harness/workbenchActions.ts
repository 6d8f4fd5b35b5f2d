// Steps that screenshot shots take in the VS Code workbench, by what a person sees: labels, not internals.
import type { Locator, Page } from 'playwright-core';

/** Waits for the workbench to be up, with the Competitor Scope container in the activity bar. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await activityBarItem(page, 'Competitor Scope').waitFor({ timeout: 60_000 });
}

/** An activity-bar entry (a tab); its label is on the link inside, e.g. 'Explorer (Ctrl+Shift+E)'. */
function activityBarItem(page: Page, label: string): Locator {
  return page.locator(`.activitybar .action-item:has(> .action-label[aria-label*="${label}"])`).first();
}

/** Opens an activity-bar container, e.g. 'Competitor Scope' or 'Explorer', unless it is open already. */
export async function openViewContainer(page: Page, label: string): Promise<void> {
  const item = activityBarItem(page, label);
  if ((await item.getAttribute('aria-selected')) !== 'true') await item.click();
}

/** Drags the side bar's edge so that it is `width` pixels wide (long tree labels need room). */
export async function resizeSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('the side bar is not visible');
  const edge = box.x + box.width - 1;
  await page.mouse.move(edge, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** A row of a visible tree (views, the explorer), by its label. */
export function treeItem(page: Page, label: string): Locator {
  return page.getByRole('treeitem', { name: label }).first();
}

/** Expands a tree row without running its command (clicking a product opens its note). */
export async function expandTreeItem(page: Page, label: string): Promise<void> {
  const row = treeItem(page, label);
  await row.waitFor({ timeout: 30_000 });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  await page.waitForFunction((element) => element?.getAttribute('aria-expanded') === 'true', await row.elementHandle());
}

/** Runs a command by its title in the command palette, e.g. 'View: Toggle Problems'. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
}

/** Opens a workspace file through Quick Open, e.g. 'fastapi.md'. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`).first().waitFor();
}

/** Lets animations, decorations and late renders settle before a screenshot. */
export function settle(page: Page, ms = 1000): Promise<void> {
  return page.waitForTimeout(ms);
}
