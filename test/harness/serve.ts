// `node out/test/harness/serve.js [--folder FOLDER] [--host HOST] [--port PORT]`: the extension in the VS Code
// server on FOLDER (default a copy of example/, removed on exit), for a person to try in a browser where desktop
// VS Code is missing (scripts/start.sh). Runs until Ctrl-C.
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startCodeServer } from './codeServer';
import { repoRoot } from './paths';
import { externalAddresses, isLoopback, reachMessage } from './serveAddresses';
import { createSessionDirs } from './session';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { folder: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string' } },
  });
  const host = values.host!;
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    throw new Error(`--port must be a port number (1-65535), not "${values.port}"`);
  }
  const dirs = createSessionDirs();
  process.once('exit', () => dirs.remove());
  const folder = values.folder === undefined ? dirs.workspace : path.resolve(values.folder);
  // Reachable from other machines: never without a password.
  const password = isLoopback(host) ? undefined : randomBytes(9).toString('base64url');
  const server = await startCodeServer(dirs, { folder, host, port, password });
  const url = (at: string) => server.workbenchUrl(folder, [['extensionDevelopmentPath', server.remoteUri(repoRoot, at)]], at);
  console.log(`Competitor Scope in the VS Code server, on ${folder}.\n`);
  console.log(reachMessage(host, server.port, externalAddresses(os.networkInterfaces()), url, password));
  console.log('\nCtrl-C stops it.');
  await server.crashed;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
