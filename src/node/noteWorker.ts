// A worker thread of the note worker pool (see noteWorkerPool.ts): reads and parses the note files it is sent
// (`check`), or parses the texts it is sent (the extension host), in the order sent. Bundled on its own as
// dist/noteWorker.js, beside dist/cli.js and dist/extension.js.
import { parentPort } from 'node:worker_threads';
import { parseNoteFile, parseNoteText } from './noteRead';
import type { NotesRequest, NotesResponse } from './noteWorkerPool';

parentPort?.on('message', (request: NotesRequest) => {
  const notes = 'files' in request ? request.files.map(parseNoteFile) : request.texts.map(parseNoteText);
  const response: NotesResponse = { batch: request.batch, notes };
  parentPort?.postMessage(response);
});
