import { runSuite } from '../integration/index';

/** The multi-root suite's entry: every *.test.js beside this file, in a window of two workspace folders (see test/harness/multiRootInCodeServer.ts). */
export function run(): Promise<void> {
  return runSuite(__dirname);
}
