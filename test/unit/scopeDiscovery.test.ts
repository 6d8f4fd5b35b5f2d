import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseScope } from '../../src/core/scope/scopeParser';
import { STARTER_SCOPE } from '../../src/core/scope/starterScope';
import { main } from '../../src/cli/main';
import { tempFolder } from './helpers';
import { call, connect } from './mcpClient';

/** Runs the command line in-process from `cwd`: exit code and what it printed. */
async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, cwd, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const SCOPE = `version: 1
title: Vector search
subject: Lumen Search
notes: research/**/*.md
categories:
  - id: vector
    name: Vector databases
    goal: Compare hosted vector search with Lumen Search.
    products:
      - name: Weaviate
      - name: Pinecone
    axes:
      - name: Pricing
      - name: Hosting
`;

const WEAVIATE = '# Weaviate\n\n## Pricing\n\nFree tier.\n\n## Hosting\n\nManaged or self-hosted.\n';

/** A notes repository: `.git` marks its root, the scope at the root, a note in research/. */
function repository(scopeName = 'competitor-scope.yaml'): string {
  return tempFolder({ '.git/HEAD': 'ref: refs/heads/main\n', [scopeName]: SCOPE, 'research/weaviate.md': WEAVIATE });
}

describe('finding the scope file', () => {
  it('exits 2 with one line naming init when no scope file is in FOLDER or above it, for every command', async () => {
    const empty = tempFolder({});
    for (const argv of [['check'], ['matrix'], ['battlecard', 'Weaviate'], ['brief', 'Weaviate']]) {
      const { code, stdout, stderr } = await run(empty, ...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, /^competitor-scope: no competitor-scope\.yaml \(or \.yml\) in .+; run "competitor-scope init" to write one/);
      assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
    }
  });

  it('reads a scope file named competitor-scope.yml', async () => {
    const folder = repository('competitor-scope.yml');
    const { code, stdout } = await run(folder, 'check', '--format', 'json', '--max-missing', '2');
    assert.equal(code, 0, stdout);
    const report = JSON.parse(stdout);
    assert.equal(report.scope, 'competitor-scope.yml');
    assert.deepEqual(
      report.findings.filter((f: { code: string }) => f.code === 'unknown-product'),
      [],
    );
  });

  it('looks upward from FOLDER to the repository root: check research, and check from research, find the same', async () => {
    const folder = repository();
    const fromRoot = await run(folder, 'check', 'research', '--no-git');
    const fromInside = await run(path.join(folder, 'research'), 'check', '--no-git');
    assert.equal(fromRoot.code, 1);
    assert.match(fromRoot.stdout, /Pinecone \(Vector databases\) has no research note yet/);
    assert.deepEqual(fromInside, fromRoot);
    // The same findings as `check .`, named relative to FOLDER.
    const whole = await run(folder, 'check', '.', '--no-git');
    assert.equal(whole.stdout.replace(/\.\.\/competitor-scope/g, 'competitor-scope'), whole.stdout);
    assert.equal(fromRoot.stdout.split('\n').length, whole.stdout.split('\n').length);
  });

  it('checks only the notes under FOLDER when the scope is above it', async () => {
    const folder = repository();
    const { stdout } = await run(path.join(folder, 'research'), 'check', '--format', 'json', '--no-git');
    const report = JSON.parse(stdout);
    assert.equal(report.notes.files, 1);
    assert.deepEqual(report.products.find((p: { product: string }) => p.product === 'weaviate').notes, ['weaviate.md']);
  });

  it('does not look above FOLDER outside a repository', async () => {
    const folder = tempFolder({ 'competitor-scope.yaml': SCOPE, 'research/weaviate.md': WEAVIATE });
    const { code, stderr } = await run(path.join(folder, 'research'), 'check');
    assert.equal(code, 2);
    assert.match(stderr, /no competitor-scope\.yaml/);
  });

  it('uses the built-in scope only with --scope builtin, and says so in text and JSON', async () => {
    const empty = tempFolder({});
    const text = await run(empty, 'check', '--scope', 'builtin', '--max-missing', '999');
    assert.equal(text.code, 0);
    assert.match(
      text.stderr,
      /^competitor-scope: using the built-in example scope \(Grid \+ Throughput Engine\), as --scope builtin asks\.$/m,
    );
    const json = await run(empty, 'check', '--scope', 'builtin', '--format', 'json', '--max-missing', '999');
    assert.equal(JSON.parse(json.stdout).builtinScope, true);
    const matrix = await run(empty, 'matrix', '--scope', 'builtin');
    assert.match(matrix.stderr, /using the built-in example scope/);
  });
});

describe('finding the scope file: the MCP server', function () {
  this.timeout(60_000);

  it('answers every tool with an error naming init when there is no scope file', async () => {
    const client = await connect(tempFolder({}));
    try {
      for (const tool of ['list_scope', 'find_gaps', 'check_notes']) {
        const result = await call(client, tool);
        assert.equal(result.isError, true, tool);
        assert.match(result.text, /no competitor-scope\.yaml .+ run "competitor-scope init"/, tool);
      }
    } finally {
      await client.close();
    }
  });
});

describe('competitor-scope init', () => {
  it('writes a starter scope file, valid for the parser, with a comment per key', () => {
    const parsed = parseScope(STARTER_SCOPE);
    assert.ok(parsed.ok);
    assert.equal(parsed.scope.subject, 'Our Product');
    for (const key of ['version', 'title', 'subject', 'notes', 'categories', 'goal', 'products', 'axes']) {
      const line = STARTER_SCOPE.split('\n').findIndex((l) => l.trimStart().startsWith(`${key}:`));
      assert.match(STARTER_SCOPE.split('\n')[line - 1], /^\s*# /, key);
    }
  });

  it('writes a scope file and an example note that check accepts, and refuses to overwrite either', async () => {
    const folder = tempFolder({ '.git/HEAD': 'ref: refs/heads/main\n' });
    const init = await run(folder, 'init');
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stderr, /^Wrote competitor-scope\.yaml and research\/example-competitor\.md; /);
    const checked = await run(folder, 'check', '--no-git');
    assert.equal(checked.code, 0, checked.stdout);
    assert.match(checked.stdout, /2 answered \(0 stale, 0 unsourced\), 0 missing/);

    const scope = fs.readFileSync(path.join(folder, 'competitor-scope.yaml'), 'utf8');
    const again = await run(folder, 'init', '.');
    assert.equal(again.code, 2);
    assert.equal(
      again.stderr,
      `competitor-scope: ${path.join(folder, 'competitor-scope.yaml')} exists already; init writes over nothing.\n`,
    );
    assert.equal(fs.readFileSync(path.join(folder, 'competitor-scope.yaml'), 'utf8'), scope);

    const noteOnly = tempFolder({ 'research/example-competitor.md': '# Mine\n' });
    const refused = await run(noteOnly, 'init');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /example-competitor\.md exists already/);
    assert.ok(!fs.existsSync(path.join(noteOnly, 'competitor-scope.yaml')), 'nothing is written when one file is refused');
  });
});
