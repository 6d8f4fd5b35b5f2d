import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { structuredPatch } from 'diff';
import { GOLDEN_CASES, goldenFolder, runGoldenCase } from './goldenCases';

/** At most this many lines of the first differing hunk go into a failure message. */
const DIFF_LINES = 30;

/** The first place where the golden file and the output differ, as a short unified diff. */
function firstDifference(file: string, expected: string, actual: string): string {
  const [hunk] = structuredPatch(`test/golden/${file}`, 'output', expected, actual, '', '', { context: 3 }).hunks;
  if (!hunk) return '(no line differs: the bytes do, e.g. a line ending)';
  const lines = hunk.lines.slice(0, DIFF_LINES).map((line) => line.slice(0, 300));
  const more = hunk.lines.length > DIFF_LINES ? [`… ${hunk.lines.length - DIFF_LINES} more lines`] : [];
  return [
    `--- test/golden/${file}`,
    '+++ output',
    `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    ...lines,
    ...more,
  ].join('\n');
}

describe('the command line’s outputs on example/ and benchmark notes (golden files)', () => {
  for (const goldenCase of GOLDEN_CASES) {
    const corpus = goldenCase.corpus ? ` (${goldenCase.corpus.kind} benchmark corpus, ${goldenCase.corpus.products} notes)` : '';
    it(`competitor-scope ${goldenCase.args.join(' ')}${corpus}`, () => {
      for (const [file, actual] of Object.entries(runGoldenCase(goldenCase))) {
        const goldenPath = path.join(goldenFolder, file);
        assert.ok(fs.existsSync(goldenPath), `test/golden/${file} is missing: run \`npm run golden:update\` to write it.`);
        const expected = fs.readFileSync(goldenPath, 'utf8');
        if (actual !== expected) {
          assert.fail(
            `The output differs from test/golden/${file}. If the change is intended, run \`npm run golden:update\` and review the golden files' diff.\n${firstDifference(file, expected, actual)}`,
          );
        }
      }
    });
  }

  it('keeps no golden file that no case writes', () => {
    const written = new Set(GOLDEN_CASES.flatMap((c) => [`${c.name}.out`, `${c.name}.err`]));
    const stale = fs.readdirSync(goldenFolder).filter((file) => !written.has(file) && !file.startsWith('.'));
    assert.deepEqual(stale, [], 'Run `npm run golden:update`, which removes them.');
  });
});
