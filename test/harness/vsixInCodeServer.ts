import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { locateCodeServer } from './codeServer';
import { runIntegrationInCodeServer } from './integrationInCodeServer';
import { repoRoot } from './paths';
import type { SessionDirs } from './session';
import { failedToRun, type SuiteResult } from './suiteResult';
import { webSuiteEntry } from './webInCodeServer';

/** What `npm run package` writes. */
export const vsixPath = path.join(repoRoot, 'dist', 'competitor-scope.vsix');
const vsixEntry = path.join(repoRoot, 'out', 'test', 'vsix', 'index.js');

/**
 * The VSIX carries the desktop and the web entry, and the command line with its MCP server (about 420 KB packed, most of it the MCP SDK),
 * which agent mode in VS Code 1.101+ starts; past this it is too heavy to install quickly.
 */
const maxVsixBytes = 1024 * 1024;

/** Why the VSIX cannot be tested, if it cannot. */
function vsixProblem(): string | undefined {
  if (!existsSync(vsixPath)) return `no ${path.relative(repoRoot, vsixPath)}: run \`npm run package\` first`;
  const size = statSync(vsixPath).size;
  if (size > maxVsixBytes) return `the VSIX is ${(size / 1024).toFixed(1)} KB, over ${maxVsixBytes / 1024} KB`;
  return undefined;
}

/** VS Code runs extension tests only in development mode: an empty extension stands in for ours. */
const testHost = path.join(repoRoot, 'test', 'vsix', 'host');

function installVsix(dirs: SessionDirs): void {
  execFileSync(
    process.execPath,
    [locateCodeServer(), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsixPath],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

/**
 * The packaged extension as a user gets it: the VSIX installed with `--install-extension` into the run's
 * extensions dir, VS Code started without this repository as its development extension, and a small
 * suite (test/vsix) run in it.
 */
export async function runVsixInCodeServer(name: string): Promise<SuiteResult> {
  const problem = vsixProblem();
  if (problem) return failedToRun(name, problem);
  return runIntegrationInCodeServer(name, {
    tests: vsixEntry,
    developmentPath: testHost,
    prepare: installVsix,
  });
}

/**
 * The packaged extension as vscode.dev would run it: the VSIX installed, then its desktop entry removed (`main`
 * and dist/extension.js), and the web suite run in the web worker. The suite's bundle is copied into the
 * installed folder: VS Code runs a suite in the host of the extension that holds it.
 */
export async function runVsixWebInCodeServer(name: string): Promise<SuiteResult> {
  const problem = vsixProblem();
  if (problem) return failedToRun(name, problem);
  const installedFolder = (dirs: SessionDirs) => {
    const [installed] = readdirSync(dirs.extensions).filter((entry) => entry.startsWith('competitor-scope.competitor-scope-'));
    if (!installed) throw new Error(`the VSIX did not install into ${dirs.extensions}`);
    return path.join(dirs.extensions, installed);
  };
  return runIntegrationInCodeServer(name, {
    tests: (dirs) => path.join(installedFolder(dirs), 'test-web.js'),
    developmentPath: testHost,
    webWorker: true,
    prepare: (dirs) => {
      installVsix(dirs);
      const folder = installedFolder(dirs);
      const manifestPath = path.join(folder, 'package.json');
      const { main, ...manifest } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { main?: string };
      if (!main) throw new Error(`${manifestPath} has no main to remove`);
      writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
      rmSync(path.join(folder, main));
      copyFileSync(webSuiteEntry, path.join(folder, 'test-web.js'));
    },
  });
}
