import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { lookupFiles } from 'mocha/lib/cli/lookup-files.js';
import { repoRoot } from './paths';
import type { SuiteResult } from './suiteResult';

/** The part of .mocharc.json that the runner uses, so that `npx mocha` and `npm test` run the same tests. */
interface MochaConfig {
  spec: string | string[];
  reporter?: string;
  timeout?: number;
  ui?: Mocha.Interface;
}

/** The unit tests, in this Node process, as .mocharc.json describes them. */
export async function runUnitTests(name: string): Promise<SuiteResult> {
  const config = JSON.parse(readFileSync(path.join(repoRoot, '.mocharc.json'), 'utf8')) as MochaConfig;
  const mocha = new Mocha({ reporter: config.reporter, timeout: config.timeout, ui: config.ui });
  for (const spec of [config.spec].flat()) {
    for (const file of lookupFiles(path.join(repoRoot, spec), ['.js'])) mocha.addFile(file);
  }
  await mocha.loadFilesAsync();
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  return { name, passed: stats.passes, failed: stats.failures, pending: stats.pending };
}
