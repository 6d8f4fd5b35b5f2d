import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import { loadWorkspace } from '../../src/node/workspace';
import type { NoteIndex } from '../../src/core/index/noteIndex';
import { noGitDates } from '../../src/git/gitDates';

/** The project's root, from out/test/unit. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The example workspace's notes, analyzed as the command line reads them, dated by their markers only. */
export async function exampleIndex(): Promise<NoteIndex> {
  const workspace = await loadWorkspace({ folder: path.join(repoRoot, 'example'), git: noGitDates });
  assert.ok(workspace.ok);
  return workspace.index;
}

/** Runs `action` and fails when it takes longer than `ms`: bad input must not block the editor. */
export function fast<T>(ms: number, action: () => T): T {
  const start = performance.now();
  const result = action();
  const took = performance.now() - start;
  if (took >= ms) throw new Error(`took ${took.toFixed(0)} ms, more than ${ms} ms`);
  return result;
}

const folders: string[] = [];
after(() => folders.forEach((f) => fs.rmSync(f, { recursive: true, force: true })));

/** A fresh folder holding the given files ({relative path: content}), removed after the run. */
export function tempFolder(files: Record<string, string | Uint8Array>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'competitor-scope-'));
  folders.push(folder);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), content);
  }
  return folder;
}
