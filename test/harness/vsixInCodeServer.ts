import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { locateCodeServer } from './codeServer';
import { runIntegrationInCodeServer } from './integrationInCodeServer';
import { repoRoot } from './paths';
import { failedToRun, type SuiteResult } from './suiteResult';

/** What `npm run package` writes. */
export const vsixPath = path.join(repoRoot, 'dist', 'competitor-scope.vsix');
const vsixEntry = path.join(repoRoot, 'out', 'test', 'vsix', 'index.js');

/**
 * The packaged extension as a user gets it: the VSIX installed with `--install-extension` into the run's
 * extensions dir, VS Code started without this repository as its development extension, and a small
 * suite (test/vsix) run in it.
 */
export async function runVsixInCodeServer(name: string): Promise<SuiteResult> {
  if (!existsSync(vsixPath)) return failedToRun(name, `no ${path.relative(repoRoot, vsixPath)}: run \`npm run package\` first`);
  return runIntegrationInCodeServer(name, {
    tests: vsixEntry,
    // VS Code runs extension tests only in development mode: an empty extension stands in for ours.
    developmentPath: path.join(repoRoot, 'test', 'vsix', 'host'),
    prepare: (dirs) => {
      execFileSync(process.execPath, [locateCodeServer(), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsixPath], { stdio: ['ignore', 'pipe', 'inherit'] });
    },
  });
}
