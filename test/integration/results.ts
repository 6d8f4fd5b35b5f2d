import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { TestCounts } from './testCounts';

/** How the integration suite, inside the extension host, hands its counts to the runner outside it. */
const resultsFileVariable = 'COMPETITOR_SCOPE_TEST_RESULTS';

/** The environment of a test run's extension host (it inherits the VS Code server's). */
export function testEnvironment(resultsFile: string): Record<string, string> {
  return { COMPETITOR_SCOPE_TEST: '1', [resultsFileVariable]: resultsFile };
}

export function writeCounts(counts: TestCounts): void {
  const file = process.env[resultsFileVariable];
  if (file) writeFileSync(file, JSON.stringify(counts));
}

export function readCounts(file: string): TestCounts | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TestCounts) : undefined;
}
