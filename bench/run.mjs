/* global process, console, performance */
// `npm run bench`: the check against a bare markdown-it parse of the same notes, side by side, and against
// markdownlint-cli2 on them; its peak memory, and the time to re-analyze one changed note. Run after a build (dist/, out/).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, reanalyzeMs } from './reanalyze.mjs';
import { PRODUCTS, writeWorkspace } from './workspace.mjs';

const { workerCount } = createRequire(import.meta.url)('../out/src/node/noteWorkers.js');

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const work = path.join(here, '.work');
const cli = path.join(root, 'dist', 'cli.js');
const REPETITIONS = 5;
/** markdownlint-cli2 takes some ten times as long as the check: once a corpus is enough to see the ratio. */
const LINT_REPETITIONS = 1;
const markdownlintCli2 = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

if (!fs.existsSync(cli) || !fs.existsSync(path.join(root, 'out', 'src', 'core', 'index', 'noteIndex.js'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}

/** Runs a Node script as a child process: wall time (ms), CPU time (ms) and peak resident memory (MB). */
function measure(args, { cwd = root, env = {} } = {}) {
  const rssFile = path.join(work, 'rss.txt');
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(here, 'maxRss.mjs')).href, ...args], {
    cwd,
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile },
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  const usage = JSON.parse(fs.readFileSync(rssFile, 'utf8'));
  return { ms, cpuMs: usage.cpu / 1000, mb: usage.maxRSS / 1024, stdout: child.stdout };
}

/** The check against the bare parse on one corpus, alternated run by run so that both see the same state of the machine. */
function compare(corpus) {
  const corpusFolder = path.join(work, corpus);
  const bytes = writeWorkspace(corpusFolder, PRODUCTS, corpus);
  console.log(
    `\nCorpus '${corpus}': ${PRODUCTS} products, ${PRODUCTS} notes, ${(bytes / 1024 / 1024).toFixed(1)} MB of Markdown (${Math.round(bytes / PRODUCTS)} bytes a note).`,
  );
  // The same scope without notes: what the check costs whatever the notes (starting, the scope file, a report of every product).
  const noNotesFolder = path.join(work, `${corpus}-no-notes`);
  writeWorkspace(noNotesFolder, PRODUCTS, corpus);
  fs.rmSync(path.join(noNotesFolder, 'research'), { recursive: true });
  fs.mkdirSync(path.join(noNotesFolder, 'research'));
  const check = [];
  const bare = [];
  const scopeParse = [];
  const noNotes = [];
  // The check on one worker thread per core, whatever the default here (see src/node/noteWorkers.ts): what they
  // gain or cost against the default, and that the output is the same.
  const inWorkers = [];
  for (let i = 0; i < REPETITIONS; i++) {
    check.push(measure([cli, 'check', corpusFolder, '--format', 'json']));
    inWorkers.push(
      measure([cli, 'check', corpusFolder, '--format', 'json'], { env: { COMPETITOR_SCOPE_WORKERS: String(availableParallelism()) } }),
    );
    bare.push(measure([path.join(here, 'bareParse.mjs'), corpusFolder]));
    scopeParse.push(Number(measure([path.join(here, 'scopeParse.mjs'), corpusFolder]).stdout));
    noNotes.push(measure([cli, 'check', noNotesFolder, '--format', 'json']));
  }
  const reading = JSON.parse(measure([path.join(here, 'noteReading.mjs'), corpusFolder]).stdout);
  // The linter a team would otherwise run over its notes in CI, with its default rules, on the same files.
  const lint = Array.from({ length: LINT_REPETITIONS }, () => measure([markdownlintCli2, 'research/**/*.md'], { cwd: corpusFolder }));
  return { corpusFolder, check, bare, scopeParse, noNotes, reading, lint, inWorkers };
}

const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');
for (const corpus of ['markdown', 'prose']) {
  const { corpusFolder, check, bare, scopeParse, noNotes, reading, lint, inWorkers } = compare(corpus);
  const report = JSON.parse(check[0].stdout);
  const checkMs = median(check.map((m) => m.ms));
  const bareMs = median(bare.map((m) => m.ms));
  const checkMb = median(check.map((m) => m.mb));
  const ratio = checkMs / bareMs;
  console.log(
    `check --format json: ${report.products.length} products, ${report.findings.length} findings, summary ${JSON.stringify(report.summary)}`,
  );
  console.log(`Medians of ${REPETITIONS} runs, each a fresh Node process:`);
  console.log(`  competitor-scope check --format json  ${checkMs.toFixed(0)} ms`);
  console.log(`  bare markdown-it parse()              ${bareMs.toFixed(0)} ms`);
  console.log(`  ratio check / bare parse              ${ratio.toFixed(2)}   (target <= 0.60: ${verdict(ratio <= 0.6)})`);
  const scopeMs = median(scopeParse);
  const scopeKb = fs.statSync(path.join(corpusFolder, 'competitor-scope.yaml')).size / 1024;
  console.log(
    `  of the check: parsing the ${scopeKb.toFixed(0)} KB scope  ${scopeMs.toFixed(0)} ms  (which the baseline does not do; without it the ratio is ${((checkMs - scopeMs) / bareMs).toFixed(2)})`,
  );
  const noNotesMs = median(noNotes.map((m) => m.ms));
  console.log(
    `  of the check: the same scope without notes  ${noNotesMs.toFixed(0)} ms = ${(noNotesMs / bareMs).toFixed(2)} of the bare parse (starting, the scope, a report of ${PRODUCTS} products)`,
  );
  const readingRatio = reading.readMs / reading.bareMs;
  console.log(
    `  of the check: reading the notes, in one process (CPU): parse ${reading.parseMs.toFixed(0)} ms, with each note's analysis ${reading.readMs.toFixed(0)} ms; bare parse ${reading.bareMs.toFixed(0)} ms`,
  );
  console.log(
    `  ratio reading the notes / bare parse   ${readingRatio.toFixed(2)}   (parse alone ${(reading.parseMs / reading.bareMs).toFixed(2)}; the check's part of the target <= 0.60: ${verdict(readingRatio <= 0.6)})`,
  );
  const cpuRatio = median(check.map((m) => m.cpuMs)) / median(bare.map((m) => m.cpuMs));
  console.log(
    `  ratio of CPU time, all threads       ${cpuRatio.toFixed(2)}   (check ${median(check.map((m) => m.cpuMs)).toFixed(0)} ms, bare ${median(bare.map((m) => m.cpuMs)).toFixed(0)} ms)`,
  );
  const lintMs = median(lint.map((m) => m.ms));
  console.log(
    `  markdownlint-cli2 on the same notes   ${lintMs.toFixed(0)} ms: the check is ${(lintMs / checkMs).toFixed(1)}× faster  (target >= 15×: ${verdict(lintMs / checkMs >= 15)}; CPU time ${(median(lint.map((m) => m.cpuMs)) / median(check.map((m) => m.cpuMs))).toFixed(1)}×)`,
  );
  const workersMs = median(inWorkers.map((m) => m.ms));
  const sameOutput = inWorkers.every((m) => m.stdout === check[0].stdout);
  const cores = availableParallelism();
  console.log(
    `  the check on ${cores} worker threads (COMPETITOR_SCOPE_WORKERS=${cores})  ${workersMs.toFixed(0)} ms = ${(workersMs / checkMs).toFixed(2)} of the default's time (${workerCount(2000, undefined) > 0 ? 'workers' : 'one thread'} on ${cores} cores), CPU ${median(inWorkers.map((m) => m.cpuMs)).toFixed(0)} ms; output ${sameOutput ? 'the same, byte for byte' : 'DIFFERENT'}`,
  );
  console.log(
    `  peak memory of the check              ${checkMb.toFixed(0)} MB  (target < 150 MB: ${verdict(checkMb < 150)}; bare parse ${median(bare.map((m) => m.mb)).toFixed(0)} MB)`,
  );
}

const { ms: reanalyze, bytes: bigBytes, notes } = reanalyzeMs(path.join(work, 'markdown'));
console.log(
  `  re-analyze one ${(bigBytes / 1024).toFixed(0)} KB note among ${notes}  ${reanalyze.toFixed(2)} ms  (target < 5 ms: ${verdict(reanalyze < 5)})`,
);
// The heap an index of 10,000 notes keeps, in a process of its own (with its garbage collector exposed).
spawnSync(process.execPath, ['--expose-gc', path.join(here, 'heap.mjs')], { stdio: 'inherit' });
