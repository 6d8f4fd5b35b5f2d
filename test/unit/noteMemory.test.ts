import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseScope } from '../../src/core/scope/scopeParser';
import { noteFingerprint } from '../../src/git/noteFingerprint';
import { repoRoot } from './goldenCases';

/** The benchmark's generator (bench/workspace.mjs, an ES module: Node 20.19 and later load it with require). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bench = require(path.join(repoRoot, 'bench', 'workspace.mjs')) as {
  note(index: number): string;
  scope(products: number): string;
};

/** The heap in use after a full garbage collection: what is kept, not garbage not yet collected. */
function retainedHeap(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/**
 * What the editor holds for each note between edits grows with the workspace: at 10,000 notes the extension host
 * must stay under 150 MB, of which it holds 47 MB itself (docs/performance.md), which leaves 10.5 KB a note. A note
 * of the benchmark's kind (about 4.3 KB, with lists, tables and code) kept 30 KB, then 17.8 KB while each
 * paragraph's kept opening, a slice of the note's text, held the whole text alive, then 16 KB; about 10 KB now that
 * a long opening is a reference into the note's text, read again when a view shows it (see noteLeads).
 */
const MAX_KB_A_NOTE = 10.5;
const NOTES = 1500;

describe('the memory the note index keeps', () => {
  it(`keeps at most ${MAX_KB_A_NOTE} KB a note once notes are analyzed and their coverage computed`, function () {
    this.timeout(60_000);
    const scope = parseScope(bench.scope(NOTES));
    assert.ok(scope.ok);
    const before = retainedHeap();
    // As the editor keeps them on the desktop: no note's text, which it reads again from the file when a view asks.
    const readText = (path: string) => bench.note(Number(/product-(\d+)\.md$/.exec(path)?.[1]));
    const index = new NoteIndex(scope.scope, { today: () => '2025-06-01', fingerprint: noteFingerprint, readText });
    // Each text made here: what the index keeps of it counts.
    for (let i = 0; i < NOTES; i++) index.setNote(`research/product-${i}.md`, bench.note(i));
    index.coverage();
    const kept = (retainedHeap() - before) / NOTES / 1024;
    assert.equal(index.paths().length, NOTES);
    assert.ok(kept <= MAX_KB_A_NOTE, `${kept.toFixed(1)} KB a note`);
  });
});
