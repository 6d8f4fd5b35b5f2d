// Rewrites test/golden/ from the current build (dist/cli.js), with the cases and the runner that
// test/unit/golden.test.ts compares with (compiled to out/): `npm run golden:update` builds first.
// Review the diff of test/golden/ before committing it: it is the change in what users see.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { GOLDEN_CASES, goldenFolder, runGoldenCase } = require('../out/test/unit/goldenCases.js');

fs.mkdirSync(goldenFolder, { recursive: true });
const written = new Set();
let changed = 0;
for (const goldenCase of GOLDEN_CASES) {
  for (const [file, content] of Object.entries(runGoldenCase(goldenCase))) {
    const target = path.join(goldenFolder, file);
    written.add(file);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === content) continue;
    fs.writeFileSync(target, content);
    changed++;
    console.log(`wrote test/golden/${file}`);
  }
}
for (const file of fs.readdirSync(goldenFolder)) {
  if (written.has(file) || file.startsWith('.')) continue;
  fs.rmSync(path.join(goldenFolder, file));
  changed++;
  console.log(`removed test/golden/${file}, which no case writes`);
}
console.log(changed === 0 ? 'test/golden/ is up to date.' : `${changed} golden files changed.`);
