/* global process, console, performance */
// Prints the milliseconds a fresh process takes to parse and validate the benchmark's scope file: the part of
// the check that the bare markdown-it baseline does not do (node bench/scopeParse.mjs FOLDER).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseScope } = require('../out/src/core/scope/scopeParser.js');
const text = fs.readFileSync(path.join(process.argv[2], 'competitor-scope.yaml'), 'utf8');
const start = performance.now();
if (!parseScope(text).ok) throw new Error('the benchmark scope is invalid');
console.log((performance.now() - start).toFixed(1));
