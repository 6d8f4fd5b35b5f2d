/* global process, console, performance */
// `node bench/site.mjs` (after a build): building the static site of 2,000 products against checking the same
// folder, each a fresh process, alternated run by run; the target is a site at most 3 times the check. Then the
// index's first contentful paint from file:// in headless Chromium (target: under 1 s).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './reanalyze.mjs';
import { PRODUCTS, writeWorkspace } from './workspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(path.dirname(here), 'dist', 'cli.js');
const work = path.join(here, '.work');
const folder = path.join(work, 'site-corpus');
const site = path.join(work, 'site');
const RUNS = 3;

/** Wall time of one command line run, in ms; exit 0 and 1 (findings) both count as done. */
function timed(args) {
  const start = performance.now();
  const child = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  return performance.now() - start;
}

writeWorkspace(folder, PRODUCTS, 'markdown');
const check = [];
const build = [];
for (let run = 0; run < RUNS; run++) {
  check.push(timed(['check', folder, '--format', 'json', '--no-git']));
  fs.rmSync(site, { recursive: true, force: true });
  build.push(timed(['site', folder, '-o', site, '--no-git']));
}
const pages = fs.readdirSync(site).filter((name) => name.endsWith('.html')).length;
const ratio = median(build) / median(check);
console.log(`site, ${PRODUCTS} products (${pages} pages), medians of ${RUNS} runs, each a fresh Node process:`);
console.log(`  competitor-scope check --format json  ${median(check).toFixed(0)} ms`);
console.log(`  competitor-scope site -o DIR          ${median(build).toFixed(0)} ms`);
console.log(`  ratio site / check                    ${ratio.toFixed(2)}   (target <= 3: ${ratio <= 3 ? 'ok' : 'OVER TARGET'})`);

const require = createRequire(import.meta.url);
const { launchChromium } = require('../out/test/webview/webviewBrowser.js');
const browser = await launchChromium();
const paints = [];
const drawn = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage();
    await page.goto(`file://${path.join(site, 'index.html')}`, { timeout: 120_000 });
    paints.push(await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0].startTime`));
    // The rest of the rows come in idle slices after the first screenful; each table is busy until its last row is in.
    await page.waitForSelector('section[aria-busy]', { state: 'detached', timeout: 120_000 });
    drawn.push(await page.evaluate('performance.now()'));
    await page.close();
  }
} finally {
  await browser.close();
}
const paint = median(paints);
const size = (name) => {
  const bytes = fs.statSync(path.join(site, name)).size;
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(0)} KB` : `${(bytes / 1e6).toFixed(1)} MB`;
};
console.log(`  index.html first contentful paint     ${paint.toFixed(0)} ms   (target < 1000 ms: ${paint < 1000 ? 'ok' : 'OVER TARGET'})`);
console.log(`  index.html every row drawn            ${median(drawn).toFixed(0)} ms   (in idle slices after the first paint)`);
console.log(`  index.html ${size('index.html')}, its matrix's data ${size('matrix-data.js')}, its search index ${size('search-index.js')}`);
