// `node out/test/harness/screenshots.js [name...]`: takes the shots in shots.ts from a real VS Code (the
// VS Code server in headless Chromium) with the extension loaded, into docs/images/<name>.png.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { startCodeServer, type CodeServer } from './codeServer';
import { repoRoot } from './paths';
import { createSessionDirs } from './session';
import { shots, type Shot } from './shots';
import { openWorkbench, type Workbench } from './workbench';
import { waitForWorkbench } from './workbenchActions';

const imagesFolder = path.join(repoRoot, 'docs', 'images');

/** Each shot in a VS Code of its own, so that it starts from a fresh window and can have its own theme. */
async function take(shot: Shot): Promise<string> {
  const dirs = createSessionDirs();
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  try {
    shot.prepare?.(dirs.workspace);
    server = await startCodeServer(dirs, { folder: dirs.workspace, settings: { 'workbench.colorTheme': shot.theme } });
    workbench = await openWorkbench(server.workbenchUrl(dirs.workspace, [['extensionDevelopmentPath', server.remoteUri(repoRoot)]]), {
      viewport: { width: 1400, height: 900 },
    });
    await waitForWorkbench(workbench.page);
    await shot.arrange(workbench.page);
    const file = path.join(imagesFolder, `${shot.name}.png`);
    await workbench.page.screenshot({ path: file });
    return file;
  } finally {
    await workbench?.close();
    await server?.stop();
    dirs.remove();
  }
}

async function main(names: string[]): Promise<void> {
  const unknown = names.filter((name) => !shots.some((shot) => shot.name === name));
  if (unknown.length) throw new Error(`no shot named ${unknown.join(', ')}; known: ${shots.map((shot) => shot.name).join(', ')}`);
  mkdirSync(imagesFolder, { recursive: true });
  for (const shot of shots.filter((candidate) => !names.length || names.includes(candidate.name))) {
    console.log(`${shot.name}: ${path.relative(repoRoot, await take(shot))}`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
