/* global process */
// The baseline: a bare markdown-it parse() (default options, block and inline rules) of every note.
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';

const folder = path.join(process.argv[2], 'research');
const md = new MarkdownIt();
let tokens = 0;
for (const name of fs.readdirSync(folder)) tokens += md.parse(fs.readFileSync(path.join(folder, name), 'utf8'), {}).length;
process.stdout.write(`${tokens}\n`);
