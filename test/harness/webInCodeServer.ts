import * as path from 'node:path';
import { runIntegrationInCodeServer } from './integrationInCodeServer';
import { repoRoot } from './paths';
import type { SuiteResult } from './suiteResult';

/** The web suite (test/web), bundled for the browser by scripts/build.mjs. */
export const webSuiteEntry = path.join(repoRoot, 'dist', 'test-web.js');

/**
 * The web build in the VS Code server's web worker extension host: this repository as the development
 * extension with extensionDevelopmentKind=web, so VS Code loads its `browser` entry there, and the web suite
 * run beside it.
 */
export function runWebInCodeServer(name: string): Promise<SuiteResult> {
  return runIntegrationInCodeServer(name, { tests: webSuiteEntry, developmentPath: repoRoot, webWorker: true });
}
