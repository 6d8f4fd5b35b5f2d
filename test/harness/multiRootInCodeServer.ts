import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runIntegrationInCodeServer } from './integrationInCodeServer';
import { repoRoot } from './paths';
import type { SessionDirs } from './session';
import type { SuiteResult } from './suiteResult';
import { KAFKA_NOTE, TEAM_SCOPE } from '../integration/teamScope';

/**
 * The multi-root suite (test/multiRoot) in a window of two workspace folders: the copy of example/ and a second
 * team's folder with its own scope file and note, opened through a .code-workspace file. VS Code reloads the
 * window to go from one folder to several, so a suite of its own opens them from the start.
 */
export function runMultiRootInCodeServer(name: string): Promise<SuiteResult> {
  return runIntegrationInCodeServer(name, {
    tests: path.join(repoRoot, 'out', 'test', 'multiRoot', 'index.js'),
    developmentPath: repoRoot,
    workspace: twoFolders,
  });
}

function twoFolders(dirs: SessionDirs): string {
  const second = path.join(dirs.root, 'platform-research');
  mkdirSync(path.join(second, 'notes'), { recursive: true });
  writeFileSync(path.join(second, 'competitor-scope.yaml'), TEAM_SCOPE.replace('"**/*.md"', 'notes/*.md'));
  writeFileSync(path.join(second, 'notes', 'kafka.md'), KAFKA_NOTE);
  const file = path.join(dirs.root, 'two-folders.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: dirs.workspace }, { path: second, name: 'platform' }] }));
  return file;
}
