// A worker thread of the editor (see scopeWorkers.ts): checks the scope file text it is sent, as the editor's own
// thread would. Bundled on its own as dist/scopeWorker.js, beside dist/extension.js.
import { parentPort } from 'node:worker_threads';
import { parseScopeFile } from '../core/scope/scopeParser';
import type { CheckedScopeText } from '../git/gitHistory';

parentPort?.on('message', (text: string) => {
  const { result, file } = parseScopeFile(text);
  const answer: CheckedScopeText = result.ok && file ? { file } : { problems: result.problems };
  parentPort?.postMessage(answer);
});
