/* global process, console */
// The notes' own reading, in one process (node bench/noteReading.mjs FOLDER): the CPU time of reading every note
// as the check does (parse, then the per-note analysis against the scope) against a bare markdown-it parse() of
// the same texts, alternated round by round; no process start, file reading, scope file or report. Prints JSON.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import MarkdownIt from 'markdown-it';
import { median } from './reanalyze.mjs';

const require = createRequire(import.meta.url);
const { NoteIndex } = require('../out/src/core/index/noteIndex.js');
const { parseNote } = require('../out/src/core/notes/noteParser.js');
const { parseScope } = require('../out/src/core/scope/scopeParser.js');

const ROUNDS = 7;
const folder = process.argv[2];
const research = path.join(folder, 'research');
const notes = fs.readdirSync(research).map((name) => [`research/${name}`, fs.readFileSync(path.join(research, name), 'utf8')]);
const scope = parseScope(fs.readFileSync(path.join(folder, 'competitor-scope.yaml'), 'utf8'));
if (!scope.ok) throw new Error('the benchmark scope is invalid');

/** CPU milliseconds of one pass over every note. */
function cpuMs(read) {
  const start = process.cpuUsage();
  for (const [file, text] of notes) read(file, text);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const md = new MarkdownIt();
const bare = [];
const parse = [];
const analysis = [];
for (let round = 0; round < ROUNDS; round++) {
  bare.push(cpuMs((_, text) => md.parse(text, {})));
  parse.push(cpuMs((_, text) => parseNote(text)));
  const index = new NoteIndex(scope.scope, { today: () => '2025-06-01' });
  analysis.push(cpuMs((file, text) => index.setNote(file, text)));
}
console.log(JSON.stringify({ bareMs: median(bare), parseMs: median(parse), readMs: median(analysis) }));
