/* global performance */
// Re-analyzing one changed note inside a full index: the cost of a keystroke (after the debounce) in the editor.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { note } from './workspace.mjs';

const require = createRequire(import.meta.url);
const { NoteIndex } = require('../out/src/core/index/noteIndex.js');
const { parseScope } = require('../out/src/core/scope/scopeParser.js');

/** Median milliseconds of `setNote` + `findings` for a ~50 KB note in an index holding every note of the workspace. */
export function reanalyzeMs(folder, repetitions = 30) {
  const parsed = parseScope(fs.readFileSync(path.join(folder, 'competitor-scope.yaml'), 'utf8'));
  if (!parsed.ok) throw new Error('the benchmark scope is invalid');
  const index = new NoteIndex(parsed.scope);
  const research = path.join(folder, 'research');
  for (const name of fs.readdirSync(research)) index.setNote(`research/${name}`, fs.readFileSync(path.join(research, name), 'utf8'));
  let big = note(7);
  for (let i = 1; big.length < 50 * 1024; i++)
    big += `\n${note(7 + i * 5)
      .split('\n')
      .slice(4)
      .join('\n')}`;
  const times = [];
  for (let i = 0; i < repetitions; i++) {
    const text = `${big}\n\nEdit number ${i}.\n`;
    const start = performance.now();
    index.setNote('research/product-7.md', text);
    index.findings('research/product-7.md');
    times.push(performance.now() - start);
  }
  return { ms: median(times.slice(5)), bytes: big.length, notes: index.paths().length };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
