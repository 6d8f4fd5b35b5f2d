// `node out/test/runTests.js [--unit] [--integration] [--electron] [--web] [--vsix]`: the unit tests in Node, the
// integration tests inside a real VS Code (the VS Code server in headless Chromium, or with --electron
// desktop VS Code from @vscode/test-electron), with --web the web build in the server's web worker extension
// host, and with --vsix the packaged extension installed from its VSIX (after `npm run package`), in the Node
// host and, without its desktop entry, in the web worker. No flag runs them all. Exits non-zero on any failure.
import { runIntegrationInCodeServer } from './harness/integrationInCodeServer';
import { runMultiRootInCodeServer } from './harness/multiRootInCodeServer';
import { describeSuite, failedToRun, suitePassed, type SuiteResult } from './harness/suiteResult';
import { runUnitTests } from './harness/unitTests';
import { runUntrustedInCodeServer } from './harness/untrustedInCodeServer';
import { runVsixInCodeServer, runVsixWebInCodeServer } from './harness/vsixInCodeServer';
import { runWebInCodeServer } from './harness/webInCodeServer';
import { runIntegrationInElectron } from './runElectron';

const flags = new Set(process.argv.slice(2));
const unknown = [...flags].filter((flag) => !['--unit', '--integration', '--electron', '--web', '--vsix'].includes(flag));
if (unknown.length) {
  console.error(`unknown option ${unknown.join(' ')}; usage: runTests.js [--unit] [--integration] [--electron] [--web] [--vsix]`);
  process.exit(2);
}
const everything = flags.size === 0;
const suites: [string, (name: string) => Promise<SuiteResult>][] = [];
if (flags.has('--unit') || everything) suites.push(['unit (mocha in Node)', runUnitTests]);
if (flags.has('--integration') || flags.has('--electron') || everything) {
  suites.push(
    flags.has('--electron')
      ? ['integration (VS Code desktop)', runIntegrationInElectron]
      : ['integration (VS Code server)', (name) => runIntegrationInCodeServer(name)],
  );
  if (!flags.has('--electron')) {
    suites.push(['multi-root workspace (VS Code server)', runMultiRootInCodeServer]);
    suites.push(['untrusted workspace (VS Code server)', runUntrustedInCodeServer]);
  }
}
if (flags.has('--web') || everything) suites.push(['web build (VS Code server, web worker)', runWebInCodeServer]);
if (flags.has('--vsix') || everything) {
  suites.push(['packaged VSIX (VS Code server)', runVsixInCodeServer]);
  suites.push(['packaged VSIX without its desktop entry (web worker)', runVsixWebInCodeServer]);
}

async function main(): Promise<number> {
  const results: SuiteResult[] = [];
  for (const [name, run] of suites) {
    console.log(`\n=== ${name} ===`);
    const started = Date.now();
    results.push(await run(name).catch((error: Error) => failedToRun(name, error.message)));
    console.log(`=== ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  }
  console.log('');
  for (const result of results) console.log(describeSuite(result));
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  // A suite that failed as a whole (timeout, crash, no test run) counts as one failure, so the line never reads clean.
  const failed = results.reduce((sum, result) => sum + (result.failed || (suitePassed(result) ? 0 : 1)), 0);
  console.log(`total: ${passed} passed, ${failed} failed`);
  return results.every(suitePassed) ? 0 : 1;
}

// Exit explicitly: tests may leave timers or handles behind that would keep Node waiting.
main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
