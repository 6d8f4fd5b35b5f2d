import * as path from 'node:path';
import { readCounts, testEnvironment } from '../integration/results';
import { resultsFileName } from '../integration/testCounts';
import { repoRoot } from './paths';
import { createSessionDirs, type SessionDirs } from './session';
import { failedToRun, type SuiteResult } from './suiteResult';

/** The integration suite's run() entry, compiled. */
export const integrationEntry = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');

/** How long one VS Code test run may take, start-up included, before it counts as hung. */
const runTimeoutMs = 5 * 60_000;

/**
 * Runs the integration suite through `launch` and turns what it reported into a SuiteResult. `launch` starts
 * a VS Code on dirs.workspace (a fresh copy of example/) with `env` for its extension host, resolves with the
 * test run's exit code, and gives up, cleaning up after itself, when `timedOut` rejects.
 */
export async function runIntegrationSuite(
  name: string,
  launch: (dirs: SessionDirs, env: Record<string, string>, timedOut: Promise<never>) => Promise<number>,
): Promise<SuiteResult> {
  const dirs = createSessionDirs();
  const resultsFile = path.join(dirs.root, resultsFileName);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`VS Code timed out after ${runTimeoutMs / 1000} s`)), runTimeoutMs);
  });
  timedOut.catch(() => undefined);
  try {
    const exitCode = await launch(dirs, testEnvironment(resultsFile), timedOut);
    const counts = readCounts(resultsFile);
    if (!counts) return failedToRun(name, `VS Code ended (exit code ${exitCode}) before the suite reported results`);
    return { name, ...counts, problem: exitCode !== 0 && counts.failed === 0 ? `exit code ${exitCode}` : undefined };
  } catch (error) {
    return failedToRun(name, (error as Error).message);
  } finally {
    clearTimeout(timer);
    dirs.remove();
  }
}
