// A worker thread of `check` (see noteWorkers.ts): reads and parses the note files it is sent, in the order sent.
// Bundled on its own as dist/noteWorker.js, beside dist/cli.js.
import { parentPort } from 'node:worker_threads';
import { parseNoteFile } from './noteRead';
import type { NotesRequest, NotesResponse } from './noteWorkers';

parentPort?.on('message', ({ batch, files }: NotesRequest) => {
  const response: NotesResponse = { batch, notes: files.map(parseNoteFile) };
  parentPort?.postMessage(response);
});
