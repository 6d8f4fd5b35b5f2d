import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The command line's outputs on example/, kept as golden files under test/golden/: `NAME.out` is what the case
 * prints on stdout, byte for byte; `NAME.err` is its command line, its exit code and then its stderr, byte for byte.
 * Shared by test/unit/golden.test.ts, which compares, and scripts/updateGolden.mjs, which rewrites them.
 */

/** The project's root, from out/test/unit. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const goldenFolder = path.join(repoRoot, 'test', 'golden');

/** A fixed day and no git, so that an answer's age and staleness are the same on every machine and every day. */
const DETERMINISTIC = ['--as-of', '2025-06-01', '--no-git'];

export interface GoldenCase {
  name: string;
  /** The arguments after `competitor-scope`, run with the repository's root as the current folder. */
  args: string[];
  /**
   * A benchmark workspace (bench/workspace.mjs) of this corpus and size, written to a temporary folder that stands
   * for `<corpus>` in `args` and in the output: notes the way `npm run bench` reads them, small enough to keep.
   */
  corpus?: { kind: 'markdown' | 'prose'; products: number };
}

const CORPUS = '<corpus>';

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'check-json', args: ['check', 'example', '--format', 'json', ...DETERMINISTIC] },
  { name: 'check-text', args: ['check', 'example', '--format', 'text', ...DETERMINISTIC] },
  { name: 'check-github', args: ['check', 'example', '--format', 'github', ...DETERMINISTIC] },
  { name: 'matrix-markdown', args: ['matrix', 'example', '--format', 'markdown', ...DETERMINISTIC] },
  { name: 'matrix-csv', args: ['matrix', 'example', '--format', 'csv', ...DETERMINISTIC] },
  { name: 'matrix-html', args: ['matrix', 'example', '--format', 'html', ...DETERMINISTIC] },
  { name: 'battlecard-django', args: ['battlecard', 'Django', 'example', '--format', 'markdown', ...DETERMINISTIC] },
  { name: 'battlecard-unknown-product', args: ['battlecard', 'Djang', 'example', ...DETERMINISTIC] },
  { name: 'brief-product', args: ['brief', 'FastAPI', 'example', ...DETERMINISTIC] },
  { name: 'brief-category', args: ['brief', '--category', 'python-web-frameworks', 'example', ...DETERMINISTIC] },
  { name: 'brief-gaps', args: ['brief', '--gaps', 'example', ...DETERMINISTIC] },
  {
    name: 'check-bench-markdown',
    args: ['check', CORPUS, '--format', 'json', ...DETERMINISTIC],
    corpus: { kind: 'markdown', products: 30 },
  },
  { name: 'check-bench-prose', args: ['check', CORPUS, '--format', 'json', ...DETERMINISTIC], corpus: { kind: 'prose', products: 30 } },
  // `import` reads one document and dates nothing: it takes neither --as-of nor --no-git.
  { name: 'import-seed', args: ['import', 'test/fixtures/seed-competitor-scope.md'] },
];

/** The two golden files of a case, by file name. */
export type GoldenFiles = Record<string, string>;

/** Runs the built command line (dist/cli.js) on one case and returns what its golden files hold. */
export function runGoldenCase(goldenCase: GoldenCase): GoldenFiles {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is not built: run `npm run build` first.');
  const corpus = goldenCase.corpus ? fs.mkdtempSync(path.join(os.tmpdir(), 'competitor-scope-golden-')) : undefined;
  try {
    if (corpus && goldenCase.corpus) writeBenchWorkspace(corpus, goldenCase.corpus);
    const args = goldenCase.args.map((arg) => (corpus && arg === CORPUS ? corpus : arg));
    // A clean environment: no CI or GITHUB_* variable, no locale, and one time zone, whatever the machine has.
    const run = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, env: { TZ: 'UTC' }, encoding: 'utf8', timeout: 60_000 });
    if (run.error) throw run.error;
    if (run.status === null) throw new Error(`competitor-scope ${goldenCase.args.join(' ')} ended by ${run.signal}`);
    const portable = (output: string) => withoutRepoRoot(corpus ? output.split(corpus).join(CORPUS) : output);
    const header = `$ competitor-scope ${goldenCase.args.join(' ')}\nexit code ${run.status}\n--- stderr\n`;
    return { [`${goldenCase.name}.out`]: portable(run.stdout), [`${goldenCase.name}.err`]: header + portable(run.stderr) };
  } finally {
    if (corpus) fs.rmSync(corpus, { recursive: true, force: true });
  }
}

/** Writes the benchmark's workspace (bench/workspace.mjs, an ES module: Node 20.19 and later load it with require). */
function writeBenchWorkspace(folder: string, corpus: NonNullable<GoldenCase['corpus']>): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bench = require(path.join(repoRoot, 'bench', 'workspace.mjs')) as {
    writeWorkspace(folder: string, products: number, corpus: string): number;
  };
  bench.writeWorkspace(folder, corpus.products, corpus.kind);
}

/**
 * The one machine-dependent part of any output: `check` names the notes folder by its absolute path (in the JSON
 * report's `notes.folder` and the summary line). It becomes `<repo>`; nothing else is rewritten.
 */
function withoutRepoRoot(output: string): string {
  return output.split(repoRoot).join('<repo>');
}
