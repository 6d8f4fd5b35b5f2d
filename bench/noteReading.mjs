/* global process, console */
// The notes' own reading, in one process (node bench/noteReading.mjs FOLDER): the CPU time of reading every note
// as the check does (parse, then the per-note analysis against the scope) against a bare markdown-it parse() of
// the same texts, alternated round by round; no process start, file reading, scope file or report. Prints JSON.
// `--blocks=NAME` reads the blocks with one of the options bench/blockOptions.mjs compares.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import MarkdownIt from 'markdown-it';
import { useBlockOption } from './blockOptions.mjs';
import { median } from './reanalyze.mjs';

const require = createRequire(import.meta.url);
const blockMarkdown = require('../out/src/core/notes/blockMarkdown.js');
useBlockOption(/^--blocks=(.*)$/.exec(process.argv[3] ?? '')?.[1] ?? 'kept', blockMarkdown);
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
const blocks = [];
const analysis = [];
for (let round = 0; round < ROUNDS; round++) {
  bare.push(cpuMs((_, text) => md.parse(text, {})));
  parse.push(cpuMs((_, text) => parseNote(text)));
  blocks.push(cpuMs((_, text) => blockMarkdown.parseBlocks(text)));
  const index = new NoteIndex(scope.scope, { today: () => '2025-06-01' });
  analysis.push(cpuMs((file, text) => index.setNote(file, text)));
}
console.log(
  JSON.stringify({ notes: notes.length, bareMs: median(bare), parseMs: median(parse), blockMs: median(blocks), readMs: median(analysis) }),
);
