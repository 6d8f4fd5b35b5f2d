import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { waitFor, workspacePath } from './helpers';

const unreadable = (path: string) =>
  vscode.languages
    .getDiagnostics(vscode.Uri.file(workspacePath(path)))
    .filter((d) => d.source === 'competitor-scope' && typeof d.code === 'object' && d.code.value === 'unreadable-note')
    .map((d) => d.message);

/** Unblocks whatever waits to read the pipe (an open for reading waits for a writer), then removes it. */
function removePipe(pipe: string): void {
  try {
    closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // no reader waits
  }
  unlinkSync(pipe);
}

describe('files a hostile repository holds, in the editor', () => {
  const outside = mkdtempSync(join(tmpdir(), 'competitor-scope-outside-'));
  after(() => rmSync(outside, { recursive: true, force: true }));

  it('reads no note through a link out of the folder, nor a pipe or a huge file, and says why on each', async () => {
    const api = await extensionApi();
    writeFileSync(join(outside, 'django.md'), '---\nproduct: django\n---\n## Pricing\n\nA secret sentence from outside the folder.\n');
    const [link, pipe, huge] = ['research/outside.md', 'research/pipe.md', 'research/huge.md'].map((path) => workspacePath(path));
    symlinkSync(join(outside, 'django.md'), link);
    execFileSync('mkfifo', [pipe]);
    writeFileSync(huge, '');
    truncateSync(huge, 3 * 1024 ** 3);
    try {
      await waitFor(() => unreadable('research/outside.md').length > 0, 'the link out of the folder to be refused');
      assert.deepEqual(unreadable('research/outside.md'), [
        "This note is not analyzed: it is a link to a file outside the scope's folder, and nothing outside the folder is read.",
      ]);
      assert.equal(api.notes().note('research/outside.md'), undefined, 'its text is not analyzed');
      await waitFor(() => unreadable('research/pipe.md').length > 0, 'the pipe to be refused');
      assert.deepEqual(unreadable('research/pipe.md'), [
        'This note is not analyzed: it is not a regular file (it is a device, a pipe or a socket).',
      ]);
      await waitFor(() => unreadable('research/huge.md').length > 0, 'the 3 GB note to be refused');
      assert.match(unreadable('research/huge.md')[0], /^This note is not analyzed: it is 3072\.0 MB\b/);
    } finally {
      removePipe(pipe);
      unlinkSync(link);
      unlinkSync(huge);
      await waitFor(
        () =>
          !api
            .notes()
            .paths()
            .some((path) => ['research/outside.md', 'research/pipe.md', 'research/huge.md'].includes(path)),
        'the three notes to go',
      );
    }
  });

  it('refuses a scope file that links out of the folder, unread, and keeps the last valid scope', async () => {
    const api = await extensionApi();
    const scopeFile = workspacePath('competitor-scope.yaml');
    const original = readFileSync(scopeFile, 'utf8');
    writeFileSync(join(outside, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    symlinkSync(join(outside, 'passwd'), `${scopeFile}.link`);
    renameSync(`${scopeFile}.link`, scopeFile);
    try {
      const state = await waitFor(() => api.scope().problems.length > 0 && api.scope(), 'the scope file to be refused');
      assert.deepEqual(
        state.problems.map((p) => p.message),
        ['The scope file is a link to a file outside its folder; nothing outside the folder is read.'],
      );
      assert.equal(state.stale, true, 'the last valid scope stays in force');
    } finally {
      unlinkSync(scopeFile);
      writeFileSync(scopeFile, original);
      await waitFor(() => api.scope().problems.length === 0 && !api.scope().stale, 'the scope file to be valid again');
      await api.ready();
    }
  });
});
