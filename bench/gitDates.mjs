/* global process, console, performance */
// `node bench/gitDates.mjs` (after a build): `check` over the 2,000 generated notes in a git repository of
// about 300 commits, with git's dates and with --no-git, each in fresh Node processes, median of 3 runs.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './reanalyze.mjs';
import { note, PRODUCTS, writeWorkspace } from './workspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const folder = path.join(here, '.work', 'git-workspace');
const cli = path.join(path.dirname(here), 'dist', 'cli.js');
const COMMITS = 300;
const REPETITIONS = 3;

function git(args, day) {
  const date = `${day}T12:00:00+00:00`;
  execFileSync('git', args, {
    cwd: folder,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_AUTHOR_NAME: 'Bench',
      GIT_AUTHOR_EMAIL: 'bench@example.invalid',
      GIT_COMMITTER_NAME: 'Bench',
      GIT_COMMITTER_EMAIL: 'bench@example.invalid',
    },
  });
}

writeWorkspace(folder);
git(['init', '-q', '-b', 'main'], '2024-01-01');
git(['add', '-A'], '2024-01-01');
git(['commit', '-q', '-m', 'notes'], '2024-01-01');
// Each later commit rewrites one section of a few notes, on its own day.
for (let c = 1; c < COMMITS; c++) {
  const day = new Date(Date.UTC(2024, 0, 1 + c)).toISOString().slice(0, 10);
  for (let k = 0; k < 5; k++) {
    const index = (c * 37 + k * 401) % PRODUCTS;
    const file = path.join(folder, 'research', `product-${index}.md`);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((line, i) => i > 8 && line.startsWith('## '));
    if (at !== -1) lines.splice(at + 2, 0, `Revised on ${day}: ${note(index + c).split('\n')[6]}`, '');
    fs.writeFileSync(file, lines.join('\n'));
  }
  git(['commit', '-q', '-a', '-m', `revision ${c}`], day);
}

function checkMs(...options) {
  return cliMs('check', folder, ...options);
}

/** `competitor-scope COMMAND ARGS --format json --as-of 2025-06-01` in a fresh Node process: its wall time and summary. */
function cliMs(command, ...args) {
  const start = performance.now();
  const child = spawnSync(process.execPath, [cli, command, ...args, '--format', 'json', '--as-of', '2025-06-01'], {
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (child.status !== 0 && child.status !== 1) throw new Error(child.stderr);
  return { ms: performance.now() - start, summary: JSON.parse(child.stdout).summary };
}

const withGit = [];
const withoutGit = [];
const diffs = [];
for (let i = 0; i < REPETITIONS; i++) {
  withGit.push(checkMs());
  withoutGit.push(checkMs('--no-git'));
  // The last 20 commits' changes: two sides of 2,000 notes each, read from git's objects.
  diffs.push(cliMs('diff', 'HEAD~20', 'HEAD', folder));
}
const gitMs = median(withGit.map((m) => m.ms));
const noGitMs = median(withoutGit.map((m) => m.ms));
console.log(`Git repository: ${PRODUCTS} notes, ${COMMITS} commits.`);
console.log(`  check with git's dates   ${gitMs.toFixed(0)} ms  (summary ${JSON.stringify(withGit[0].summary)})`);
console.log(`  check --no-git           ${noGitMs.toFixed(0)} ms`);
console.log(`  ratio                    ${(gitMs / noGitMs).toFixed(2)}   (target <= 2: ${gitMs / noGitMs <= 2 ? 'ok' : 'OVER TARGET'})`);
const diffMs = median(diffs.map((m) => m.ms));
console.log(`  diff HEAD~20 HEAD        ${diffMs.toFixed(0)} ms  (${JSON.stringify(diffs[0].summary.changed)})`);
console.log(`  ratio diff / check       ${(diffMs / gitMs).toFixed(2)}   (target <= 2: ${diffMs / gitMs <= 2 ? 'ok' : 'OVER TARGET'})`);
