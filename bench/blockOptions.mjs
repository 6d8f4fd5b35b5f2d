/* global process, console */
// The options for reading a note's blocks (docs/performance.md, "Reading a note's blocks: the options measured"),
// side by side: `node bench/blockOptions.mjs FOLDER…` runs `bench/noteReading.mjs FOLDER --blocks=NAME` for each
// option, alternated round by round (each in its own process: one parser's classes in a process, as in the check),
// and prints each one's medians. Run after a build (out/).
//   kept         what src/core/notes/blockMarkdown.ts does
//   markdown-it  (a) the same parse with markdown-it's own line scan and normalize rule, as before issue 27
//   plain-runs   (c) the kept parse, and a first block rule that takes a run of plain lines as a paragraph at once
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { median } from './reanalyze.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BLOCK_OPTIONS = ['kept', 'markdown-it', 'plain-runs'];

/** A letter, or any character past ASCII: no block construct starts with one (every marker is ASCII punctuation or a digit). */
const plainStart = (code) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code >= 0x80;

/**
 * (c) A paragraph whose every line starts with a plain character: no other rule can start or end a block there
 * (thematic breaks, ATX headings, setext underlines, fences, HTML blocks, reference and footnote definitions, block
 * quotes and list items all start with punctuation or a digit; indented code needs 4 columns; CommonMark 0.31.2,
 * 4 and 5), so the tokens are those of markdown-it's paragraph rule without trying each rule on each line.
 */
function plainRunParagraph(state, startLine, endLine) {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  let next = startLine;
  for (; next < endLine && !state.isEmpty(next); next++)
    if (!plainStart(state.src.charCodeAt(state.bMarks[next] + state.tShift[next]))) return false;
  const content = state.md.utils.asciiTrim(state.getLines(startLine, next, state.blkIndent, false));
  state.line = next;
  state.push('paragraph_open', 'p', 1).map = [startLine, next];
  const inline = state.push('inline', '', 0);
  Object.assign(inline, { content, map: [startLine, next], children: [] });
  state.push('paragraph_close', 'p', -1);
  return true;
}

/** Reads blocks with one option in place of the kept parse: blockMarkdown is the compiled module that noteParser calls. */
export function useBlockOption(name, blockMarkdown) {
  if (name === 'kept') return;
  const md = blockMarkdown.createBlockParser();
  if (name === 'markdown-it') {
    const own = new MarkdownIt();
    const State = class extends own.block.State {};
    State.prototype.push = md.block.State.prototype.push;
    md.block.State = State;
    md.core.ruler.at('normalize', own.core.ruler.getRules('')[0]);
  } else if (name === 'plain-runs') {
    md.block.ruler.before('table', 'plain_paragraph', plainRunParagraph);
  } else {
    throw new Error(`no block option '${name}': ${BLOCK_OPTIONS.join(', ')}`);
  }
  blockMarkdown.parseBlocks = (text) => {
    const env = {};
    return { tokens: md.parse(text, env), env };
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ROUNDS = 3;
  for (const folder of process.argv.slice(2)) {
    const runs = Object.fromEntries(BLOCK_OPTIONS.map((name) => [name, []]));
    for (let round = 0; round < ROUNDS; round++)
      for (const name of BLOCK_OPTIONS) {
        const child = spawnSync(process.execPath, [path.join(here, 'noteReading.mjs'), folder, `--blocks=${name}`], { encoding: 'utf8' });
        if (child.status !== 0) throw new Error(child.stderr);
        runs[name].push(JSON.parse(child.stdout));
      }
    // Each figure's median over the rounds, and its lowest and highest: how far apart runs of the same option fall.
    const spread = (values, digits = 3) =>
      `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
    for (const [name, results] of Object.entries(runs)) {
      const figures = [
        `reading ÷ bare ${spread(results.map((r) => r.readMs / r.bareMs))}`,
        `parse ÷ bare ${spread(results.map((r) => r.parseMs / r.bareMs))}`,
        `block parse ms per 1,000 notes ${spread(
          results.map((r) => (r.blockMs / r.notes) * 1000),
          1,
        )}`,
      ];
      console.log([path.basename(folder), name, ...figures].join('\t'));
    }
  }
}
