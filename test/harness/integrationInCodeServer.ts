import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { startCodeServer } from './codeServer';
import { integrationEntry, runIntegrationSuite } from './integrationRun';
import { repoRoot } from './paths';
import type { SessionDirs } from './session';
import type { SuiteResult } from './suiteResult';
import { startWebviewProbe } from './webviewProbe';
import { openWorkbench, type Workbench } from './workbench';
import { probeAddressFileName, webviewProbeVariable } from '../integration/webviewProbe';

/** Which extension a run loads, and which suite it runs. */
export interface CodeServerRun {
  /**
   * The suite's run() entry, compiled; or where `prepare` put it. VS Code runs it in the extension host of the
   * extension whose folder holds it (else in the Node host).
   */
  tests: string | ((dirs: SessionDirs) => string);
  /** The extension's folder, loaded in development mode; none when it is installed in the extensions dir. */
  developmentPath?: string;
  /** Runs before the server starts, e.g. installs a VSIX into the run's extensions dir. */
  prepare?: (dirs: SessionDirs) => void;
  /** What the window opens instead of the copy of example/, e.g. a .code-workspace file of several folders. */
  workspace?: (dirs: SessionDirs) => string;
  /** Runs Competitor Scope (its `browser` entry) in the browser's web worker extension host, not in Node. */
  webWorker?: boolean;
  /** User settings on top of the harness's, e.g. workspace trust turned on. */
  settings?: Record<string, unknown>;
  /** More environment for the server and its extension host. */
  env?: (dirs: SessionDirs) => Record<string, string>;
}

const extensionId = 'competitor-scope.competitor-scope';
/**
 * Where the server has a Node host, an extension with both entries runs there. The workbench of code-server
 * 4.100 ignores the payload's extensionDevelopmentKind (it reads a property its environment does not have), so
 * the user setting places the extension in the web worker, as vscode.dev, which has no Node host, would.
 */
const inWebWorker = { 'remote.extensionKind': { [extensionId]: ['web'] } };

/** The integration suite inside a real VS Code: the VS Code server, its workbench in headless Chromium. */
export function runIntegrationInCodeServer(
  name: string,
  run: CodeServerRun = { tests: integrationEntry, developmentPath: repoRoot },
): Promise<SuiteResult> {
  return runIntegrationSuite(name, async (dirs, env, timedOut) => {
    run.prepare?.(dirs);
    const tests = typeof run.tests === 'string' ? run.tests : run.tests(dirs);
    const opened = run.workspace?.(dirs) ?? dirs.workspace;
    // Tests in the extension host ask the probe what a webview's page shows.
    const probe = await startWebviewProbe();
    writeFileSync(path.join(dirs.root, probeAddressFileName), probe.url);
    const server = await startCodeServer(dirs, {
      folder: opened,
      env: { ...env, ...run.env?.(dirs), [webviewProbeVariable]: probe.url },
      settings: { ...run.settings, ...(run.webWorker ? inWebWorker : {}) },
    });
    let workbench: Workbench | undefined;
    try {
      const url = server.workbenchUrl(opened, [
        ...(run.developmentPath ? [['extensionDevelopmentPath', server.remoteUri(run.developmentPath)] as [string, string]] : []),
        ...(run.webWorker ? [['extensionDevelopmentKind', 'web'] as [string, string]] : []),
        ['extensionTestsPath', server.remoteUri(tests)],
      ]);
      let onExit!: (code: number) => void;
      const exited = new Promise<number>((resolve) => (onExit = resolve));
      workbench = await openWorkbench(url, { onExit, onLog: printWorkbenchLog });
      probe.attach(workbench.page);
      return await Promise.race([exited, server.crashed, workbench.crashed, timedOut]);
    } catch (error) {
      console.log(`--- code-server's last output ---\n${server.logTail()}\n---`);
      throw error;
    } finally {
      await workbench?.close();
      await server.stop();
      await probe.close();
    }
  });
}

/** The extension host's console arrives here as 'info' lines: the test names and the pass count. */
function printWorkbenchLog(type: string, args: unknown[]): void {
  // Mocha's reporter logs printf-style ('%s (%dms)', title, duration); the arguments arrive unformatted.
  const text = format(...args);
  console.log(type === 'info' ? text : `[vscode ${type}] ${text}`);
}
