import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

/** The system themes a reader's browser may bring: light, dark, and forced colours (Windows' high contrast, here in dark). */
export const SYSTEM_THEMES = [
  { colorScheme: 'light', forcedColors: 'none' },
  { colorScheme: 'dark', forcedColors: 'none' },
  { colorScheme: 'dark', forcedColors: 'active' },
] as const;

export type SystemTheme = (typeof SYSTEM_THEMES)[number];

/** axe-core's browser script, evaluated in the page or frame under audit (CDP's evaluate is not bound by the page's CSP). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Every rule axe-core (all its non-experimental rules, best practices included) finds broken on the document of
 * `target`, one line each: the rule's id and impact, what it asks for, and up to three elements with why they fail.
 */
export async function axeViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE_SOURCE);
  return target.evaluate(`axe.run(document).then((result) => result.violations.map((v) =>
    v.id + ' (' + v.impact + '): ' + v.help + ' — ' +
    v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join('; ')))`);
}
