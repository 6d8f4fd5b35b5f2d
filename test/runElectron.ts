import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { integrationEntry, runIntegrationSuite } from './harness/integrationRun';
import { repoRoot } from './harness/paths';
import { writeUserSettings } from './harness/settings';
import type { SuiteResult } from './harness/suiteResult';

/**
 * The integration suite in desktop VS Code, downloaded by @vscode/test-electron: for machines that can
 * download it (`node out/test/runTests.js --electron`). This one can't; the VS Code server runs the same suite.
 */
export function runIntegrationInElectron(name: string): Promise<SuiteResult> {
  return runIntegrationSuite(name, async (dirs, env, timedOut) => {
    writeUserSettings(dirs.userData, {});
    try {
      const run = runTests({
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: integrationEntry,
        extensionTestsEnv: env,
        launchArgs: [dirs.workspace, '--disable-extensions', `--user-data-dir=${dirs.userData}`, `--extensions-dir=${dirs.extensions}`],
      });
      return await Promise.race([run, timedOut]);
    } catch (error) {
      // A failing suite ends VS Code with code 1; the counts it wrote tell the rest.
      if (error instanceof TestRunFailedError && error.code !== undefined) return error.code;
      throw error;
    }
  });
}
