import * as path from 'node:path';
import { comparedRepository } from '../integration/comparedRepository';
import { runIntegrationInCodeServer } from './integrationInCodeServer';
import { repoRoot } from './paths';
import type { SessionDirs } from './session';
import type { SuiteResult } from './suiteResult';

/**
 * The untrusted suite (test/untrusted) in a window that does not trust its folder: workspace trust on, no prompt
 * at start, so the folder (a repository with a history, built here) opens in Restricted Mode. Every git command
 * of the server and its extension host is traced to a file.
 */
export function runUntrustedInCodeServer(name: string): Promise<SuiteResult> {
  return runIntegrationInCodeServer(name, {
    tests: path.join(repoRoot, 'out', 'test', 'untrusted', 'index.js'),
    developmentPath: repoRoot,
    workspace: (dirs) => {
      const folder = path.join(dirs.root, 'untrusted-history');
      comparedRepository(folder);
      return folder;
    },
    settings: {
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
    },
    env: tracedGit,
  });
}

/**
 * Git's own trace of every command it runs, to a file the suite reads: the extension host's environment is the
 * login shell's (PATH included), with the server's own variables added, GIT_TRACE among them.
 */
function tracedGit(dirs: SessionDirs): Record<string, string> {
  return { GIT_TRACE: path.join(dirs.root, 'git-trace.log') };
}
