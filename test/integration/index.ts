import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { writeCounts } from './results';

/**
 * The entry that VS Code calls in its extension host when started with extensionTestsPath (the VS Code
 * server and @vscode/test-electron alike): every *.test.js beside this file, in one mocha run.
 * Rejecting tells VS Code that the run failed.
 */
export function run(): Promise<void> {
  return runSuite(__dirname);
}

/**
 * Runs every *.test.js below `dir` in one mocha run, and hands the counts to the runner outside VS Code.
 * COMPETITOR_SCOPE_TEST_GREP (inherited through the server) runs only the tests whose full title matches it.
 */
export async function runSuite(dir: string): Promise<void> {
  const grep = process.env.COMPETITOR_SCOPE_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, ...(grep ? { grep } : {}) });
  for (const file of testFiles(dir)) mocha.addFile(file);
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  writeCounts({ passed: stats.passes, failed: stats.failures, pending: stats.pending });
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
