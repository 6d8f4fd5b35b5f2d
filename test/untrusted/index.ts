import { runSuite } from '../integration/index';

/** The untrusted suite's entry: every *.test.js beside this file, in a window that does not trust its folder (see test/harness/untrustedInCodeServer.ts). */
export function run(): Promise<void> {
  return runSuite(__dirname);
}
