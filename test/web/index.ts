// The web suite's entry: VS Code's web worker extension host calls run() when the workbench is opened with
// extensionDevelopmentKind=web and extensionTestsPath pointing at this file's bundle (dist/test-web.js, built
// for the browser by scripts/build.mjs). See test/harness/webInCodeServer.ts.
import * as vscode from 'vscode';
import { resultsFileName, type TestCounts } from '../integration/testCounts';
import { workspaceFolder } from '../integration/helpers';

interface BrowserMocha {
  setup(options: { ui: string; reporter: string; color: boolean; timeout: number }): void;
  run(done: (failures: number) => void): { stats?: { passes: number; failures: number; pending: number } };
}

export async function run(): Promise<void> {
  // mocha's browser build is an ES module that replaces module.exports when bundled at the top level: load it
  // here, and use the global it sets.
  require('mocha/mocha.js');
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  // Loaded after setup, which defines describe and it.
  require('./webBuild.test');
  require('./notes.test');
  require('./matrix.test');
  require('./history.test');
  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  await writeCounts({ passed: stats.passes, failed: stats.failures, pending: stats.pending });
  if (stats.failures > 0) throw new Error(`${stats.failures} web test(s) failed`);
}

/** The web worker has no environment and no fs: the counts go beside the workspace copy, through workspace.fs. */
async function writeCounts(counts: TestCounts): Promise<void> {
  const file = vscode.Uri.joinPath(workspaceFolder().uri, '..', resultsFileName);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(counts)));
}
