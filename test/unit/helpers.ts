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

/** The least processor time, in ms, of three runs of `work`: processor time, not wall time, for the machine may be busy. */
export function processorMs(work: () => unknown): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Below this, a run's processor time is mostly the clock's noise: a baseline never counts as less. */
const NOISE_MS = 2;

/**
 * Fails when `hostile` takes more than `times` as much processor time as `benign`, input known to be cheap, measured
 * here on the same machine: a ratio holds on a busy machine, and work gone quadratic or exponential overshoots it by far.
 */
export function noSlowerThan(benign: () => unknown, hostile: () => unknown, times: number): void {
  hostile(); // warms the code up, so that neither is measured cold
  const base = Math.max(processorMs(benign), NOISE_MS);
  const took = processorMs(hostile);
  assert.ok(
    took < base * times,
    `took ${took.toFixed(1)} ms, more than ${times} times the ${base.toFixed(1)} ms of the input it is compared with`,
  );
}

/**
 * Fails unless `work` on the input of 8 times the `size` takes less than `times` (24 unless told) as long as on the
 * input of `size`: linear work takes 8 times as long, quadratic 64 times. The inputs are made before the clock starts.
 */
export function growsLinearly<T>(inputOf: (size: number) => T, work: (input: T) => unknown, size: number, times = 24): void {
  const [small, large] = [inputOf(size), inputOf(8 * size)];
  work(small); // warms the code up
  const smallMs = Math.max(
    processorMs(() => work(small)),
    NOISE_MS,
  );
  const largeMs = processorMs(() => work(large));
  assert.ok(
    largeMs < smallMs * times,
    `${size}: ${smallMs.toFixed(1)} ms; ${8 * size}: ${largeMs.toFixed(1)} ms (${(largeMs / smallMs).toFixed(1)} times)`,
  );
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
