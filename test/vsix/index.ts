import { runSuite } from '../integration/index';

/** The run() entry of the packaged extension's suite (see test/harness/vsixInCodeServer.ts). */
export function run(): Promise<void> {
  return runSuite(__dirname);
}
