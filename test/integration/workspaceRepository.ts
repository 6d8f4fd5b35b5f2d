import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { extensionApi } from './api';
import { closeAllEditors, waitFor, workspacePath } from './helpers';
import { webviewProbeAvailable } from './webviewProbe';

/**
 * For the suite that calls it: a git repository that `build` makes in the workspace folder `name`, with its scope
 * file, once the extension runs (a folder appearing then is a scope appearing); it and its scope are gone after the
 * suite. A suite that reads a webview's page is skipped where no page can be read.
 */
export function withWorkspaceRepository(name: string, build: (folder: string) => void, options: { readsWebview: boolean }): void {
  const folder = workspacePath(name);
  before(async function () {
    if (options.readsWebview && !webviewProbeAvailable()) this.skip();
    await closeAllEditors();
    await (await extensionApi()).ready();
    build(folder);
  });
  after(async () => {
    await closeAllEditors();
    rmSync(path.join(folder, 'competitor-scope.yaml'), { force: true });
    const api = await extensionApi();
    await waitFor(() => api.scopes().length === 1, 'the repository’s scope to go with its scope file');
    rmSync(folder, { recursive: true, force: true });
  });
}
