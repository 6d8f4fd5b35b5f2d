// `node out/test/harness/serve.js`: the extension in the VS Code server on example/ itself, for a person to
// try in a browser where desktop VS Code is missing (scripts/start.sh). Runs until Ctrl-C.
import { startCodeServer } from './codeServer';
import { exampleFolder, repoRoot } from './paths';
import { createSessionDirs } from './session';

async function main(): Promise<void> {
  const dirs = createSessionDirs();
  process.once('exit', () => dirs.remove());
  const server = await startCodeServer(dirs, { folder: exampleFolder });
  const url = server.workbenchUrl(exampleFolder, [['extensionDevelopmentPath', server.remoteUri(repoRoot)]]);
  console.log(`Competitor Scope in the VS Code server, on ${exampleFolder}. Open in a browser on this machine:\n\n  ${url}\n\nCtrl-C stops it.`);
  await server.crashed;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
