import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckedScopeText } from '../git/gitHistory';

/** The worker's script: dist/scopeWorker.js beside the desktop bundle (out/src/node/scopeWorker.js beside this file in tests). */
const SCOPE_WORKER = path.join(__dirname, 'scopeWorker.js');

/**
 * A scope file's text checked on a worker thread of its own (parseScopeFile there), so that the thread asking is free
 * meanwhile; the Scope is built from the answer with scopeFromFile. Rejects when the worker cannot run, or `signal` aborts.
 */
export function checkScopeTextInWorker(text: string, signal?: AbortSignal, script = SCOPE_WORKER): Promise<CheckedScopeText> {
  if (signal?.aborted) return Promise.reject(new Error('it was cancelled'));
  const worker = new Worker(script);
  let cancel = () => {};
  return new Promise<CheckedScopeText>((resolve, reject) => {
    cancel = () => reject(new Error('it was cancelled'));
    signal?.addEventListener('abort', cancel);
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the scope file's worker stopped (exit code ${code})`)));
    worker.postMessage(text);
  }).finally(() => {
    signal?.removeEventListener('abort', cancel);
    void worker.terminate();
  });
}
