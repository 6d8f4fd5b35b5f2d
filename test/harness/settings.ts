import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Quiet, offline, trusted: no prompts or downloads that would stall a headless run or clutter a screenshot. */
export const harnessSettings: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  // The browser workbench saves after a second by default: on a loaded machine a test's edit, meant to be
  // reverted, would reach the disk and the next test's copy of example/.
  'files.autoSave': 'off',
  // The notes use typographic quotes; boxed as 'ambiguous' they only distract in a screenshot.
  'editor.unicodeHighlight.ambiguousCharacters': false,
};

/** Writes the user settings that VS Code reads at start (User/settings.json in its user-data-dir). */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  const dir = path.join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...harnessSettings, ...settings }, null, 2));
}
