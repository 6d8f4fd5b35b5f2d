import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { repoRoot, tempFolder } from './helpers';

const cli = path.join(repoRoot, 'dist', 'cli.js');
/** What the command line may take, whatever the files: its memory, and its time as a multiple of a run on a small folder. */
const LIMITS = { times: 5, mb: 300 };

/** Runs the command line in-process: exit code and what it printed. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, repoRoot, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/**
 * Runs the packed command line in a child process: its exit code, what it printed, its peak memory and time. On
 * Linux its address space is capped, so that a read without bound fails the child rather than the machine.
 */
function runChild(...argv: string[]): { code: number; output: string; peakMb: number; ms: number } {
  assert.ok(fs.existsSync(cli), 'npm run build makes dist/cli.js');
  // The command line's peak memory, said on stderr as it exits, after a NUL no output of its own holds.
  const peak = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\0peak "+process.resourceUsage().maxRSS))';
  const node = [process.execPath, '--import', peak, cli, ...argv];
  const command = process.platform === 'linux' ? ['/bin/sh', '-c', 'ulimit -v 4000000 && exec "$@"', 'sh', ...node] : node;
  const started = performance.now();
  const child = spawnSync(command[0], command.slice(1), { encoding: 'utf8', timeout: 60_000 });
  const ms = performance.now() - started;
  const [stderr, maxRss] = child.stderr.split('\0peak ');
  assert.ok(
    child.status !== null && maxRss !== undefined,
    `the command line failed (${child.signal ?? child.status}): ${child.stderr.slice(0, 500)}`,
  );
  return { code: child.status, output: child.stdout + stderr, peakMb: Number(maxRss) / 1024, ms };
}

/** A file of `bytes` zeros that costs no disk: a sparse file. */
function sparseFile(file: string, bytes: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  fs.truncateSync(file, Math.round(bytes));
}

const scopeWith = (notes: string, product = 'Django') =>
  `version: 1\ntitle: T\nnotes: "${notes}"\ncategories:\n  - name: Web\n    goal: G\n    products: [{ name: ${product} }]\n    axes: [{ name: Pricing }]\n`;

describe('hostile files: notes that are not notes', () => {
  it('never takes a git hook or any file that is not Markdown for a note, whatever the glob', async () => {
    const folder = tempFolder({
      'competitor-scope.yaml': scopeWith('.git/hooks/*', 'pre-commit'),
      '.git/hooks/pre-commit': '#!/bin/sh\n## Pricing\n\nFree.\n',
    });
    const report = JSON.parse((await run('check', folder, '--format', 'json', '--no-git', '--max-missing', '9')).stdout);
    assert.equal(report.notes.files, 0);
    assert.deepEqual(report.products[0].notes, []);
    const anyFile = tempFolder({
      'competitor-scope.yaml': scopeWith('research/*'),
      'research/django.txt': '## Pricing\n\nFree.\n',
      'research/django.MD': '# Django\n',
    });
    const read = JSON.parse((await run('check', anyFile, '--format', 'json', '--no-git', '--max-missing', '9')).stdout);
    assert.deepEqual(read.products[0].notes, ['research/django.MD']);
    assert.equal(read.products[0].axes[0].status, 'missing', 'the .txt file is not read');
  });
});

describe('hostile files: every read bounded by size before it happens', function () {
  this.timeout(60_000);
  const GB = 1024 ** 3;
  // The same command on a small folder, on this machine now: reading gigabytes would take many times as long.
  let baselineMs = Infinity;
  before(() => {
    const small = tempFolder({
      'competitor-scope.yaml': fs.readFileSync(path.join(repoRoot, 'example', 'competitor-scope.yaml')),
      'research/django.md': '# Django\n',
    });
    for (let run = 0; run < 2; run++) baselineMs = Math.min(baselineMs, runChild('check', small, '--no-git', '--max-missing', '999').ms);
  });
  const withinLimits = (run: { peakMb: number; ms: number }) => {
    assert.ok(
      run.ms < baselineMs * LIMITS.times,
      `took ${Math.round(run.ms)} ms, more than ${LIMITS.times} times the ${Math.round(baselineMs)} ms of a small folder`,
    );
    assert.ok(run.peakMb < LIMITS.mb, `took ${Math.round(run.peakMb)} MB`);
  };

  it('refuses a scope file that is a device, a pipe or huge, as invalid-scope, without reading it', () => {
    const folder = tempFolder({ 'research/django.md': '# Django\n' });
    const zero = path.join(tempFolder({}), 'scope.yaml');
    fs.symlinkSync('/dev/zero', zero);
    const device = runChild('check', folder, '--scope', zero, '--no-git');
    assert.equal(device.code, 2);
    assert.match(device.output, /^\S+scope\.yaml:1:1: error invalid-scope The scope file is not a regular file/);
    withinLimits(device);

    sparseFile(path.join(folder, 'competitor-scope.yaml'), 1.5 * GB);
    const huge = runChild('check', folder, '--no-git');
    assert.equal(huge.code, 2);
    assert.match(huge.output, /^competitor-scope\.yaml:1:1: error invalid-scope The scope file is 1536\.0 MB\b/);
    withinLimits(huge);

    if (process.platform === 'win32') return;
    fs.rmSync(path.join(folder, 'competitor-scope.yaml'));
    execFileSync('mkfifo', [path.join(folder, 'competitor-scope.yaml')]);
    const pipe = runChild('matrix', folder, '--no-git');
    assert.equal(pipe.code, 2);
    assert.match(pipe.output, /^competitor-scope\.yaml:1:1: error invalid-scope The scope file is not a regular file/);
    withinLimits(pipe);
  });

  it('refuses a note over 2 MB by its size, as unreadable-note, without reading it', () => {
    const folder = tempFolder({ 'research/fastapi.md': '# FastAPI\n\n## Pricing\n\nFree.\n' });
    sparseFile(path.join(folder, 'research/django.md'), 1.9 * GB);
    sparseFile(path.join(folder, 'research/flask.md'), 3 * GB);
    const run = runChild('check', folder, '--scope', 'builtin', '--no-git', '--max-missing', '999');
    const unreadable = run.output.split('\n').filter((line) => line.includes(' unreadable-note '));
    assert.deepEqual(
      unreadable.map((line) => line.slice(0, line.indexOf(':'))),
      ['research/django.md', 'research/flask.md'],
    );
    assert.match(unreadable[0], /This note is not analyzed: it is 1945\.6 MB\b/);
    assert.match(unreadable[1], /This note is not analyzed: it is 3072\.0 MB\b/);
    withinLimits(run);
  });
});

describe('hostile files: nothing read outside FOLDER, nothing echoed that is not ours', function () {
  this.timeout(60_000);
  /** A file like /etc/passwd, outside any checked folder: none of its lines may be printed. */
  const secretLines = [
    'root:x:0:0:root:/root:/bin/bash',
    'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
    `svc:x:999:999:${'a long gecos field '.repeat(8)}:/srv:/bin/sh`,
  ];
  const outside = tempFolder({ passwd: `${secretLines.join('\n')}\n` });
  const leaked = (output: string) => secretLines.filter((line) => output.includes(line) || output.includes(line.slice(20)));

  async function mcpCall(folder: string, tool: string, args: Record<string, unknown>): Promise<{ text: string; isError: boolean }> {
    const client = new Client({ name: 'competitor-scope-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', folder], stderr: 'pipe' }));
    try {
      const result = (await client.callTool({ name: tool, arguments: args })) as { content: { text: string }[]; isError?: boolean };
      return { text: result.content.map((c) => c.text).join(''), isError: result.isError === true };
    } finally {
      await client.close();
    }
  }

  it('refuses a scope file in FOLDER that links out of it, unread, in every output', async () => {
    const folder = tempFolder({ 'research/django.md': '# Django\n' });
    fs.symlinkSync(path.join(outside, 'passwd'), path.join(folder, 'competitor-scope.yaml'));
    const refusal =
      'competitor-scope.yaml:1:1: error invalid-scope The scope file is a link to a file outside its folder; nothing outside the folder is read.';
    const text = await run('check', folder);
    assert.equal(text.code, 2);
    assert.equal(text.stdout.split('\n')[0], refusal);
    const github = await run('check', folder, '--format', 'github');
    assert.match(
      github.stdout,
      /^::error file=competitor-scope\.yaml,line=1,col=1,title=competitor-scope invalid-scope::The scope file is a link to a file outside its folder/,
    );
    const matrix = await run('matrix', folder);
    assert.equal(matrix.stderr, `${refusal}\n`);
    const mcp = await mcpCall(folder, 'read_product', { product: 'django' });
    assert.ok(mcp.isError);
    assert.match(mcp.text, /The scope file is a link to a file outside its folder/);
    assert.deepEqual(leaked(text.stdout + github.stdout + matrix.stderr + mcp.text), []);
    const explicit = await run('check', folder, '--scope', path.join(folder, 'competitor-scope.yaml'));
    assert.doesNotMatch(explicit.stdout, /outside its folder/, 'a scope file given with --scope is the user’s choice');
  });

  it('skips notes and note folders that link out of FOLDER, naming each link once, in every command', async () => {
    const secret = 'A secret sentence from outside the folder.';
    const elsewhere = tempFolder({
      'django.md': `# Django\n\n## Pricing\n\n${secret}\n`,
      'flask.md': `# Flask\n\n## Pricing\n\n${secret}\n`,
    });
    const scope =
      'version: 1\ntitle: T\nsubject: Ours\ncategories:\n  - name: Web\n    goal: G\n    products: [{ name: Django }, { name: Flask }, { name: FastAPI }]\n    axes: [{ name: Pricing }]\n';
    const folder = tempFolder({
      'competitor-scope.yaml': scope,
      'team/research/fastapi.md': '# FastAPI\n\n## Pricing\n\nFree, and read.\n',
    });
    fs.symlinkSync(elsewhere, path.join(folder, 'research'));
    const team = tempFolder({ 'competitor-scope.yaml': scope, 'research/fastapi.md': '# FastAPI\n\n## Pricing\n\nFree, and read.\n' });
    fs.symlinkSync(path.join(elsewhere, 'django.md'), path.join(team, 'research/django.md'));
    fs.symlinkSync(path.join(team, 'research/fastapi.md'), path.join(team, 'research/flask.md'));
    fs.symlinkSync(path.join(team, 'research'), path.join(team, 'research/loop'));

    const folderLink = await run('check', folder, '--no-git', '--max-missing', '9');
    assert.match(
      folderLink.stdout,
      /^research:1:1: warning outside-folder research is a link out of the folder; it is not read, as nothing outside the folder is\.$/m,
    );
    const check = JSON.parse((await run('check', team, '--format', 'json', '--no-git', '--max-missing', '9')).stdout);
    assert.deepEqual(
      check.findings.filter((f: { code: string }) => f.code === 'outside-folder').map((f: { file: string }) => f.file),
      ['research/django.md'],
    );
    const status = (product: string) => check.products.find((p: { product: string }) => p.product === product).axes[0].status;
    assert.deepEqual(
      [status('django'), status('flask'), status('fastapi')],
      ['missing', 'answered', 'answered'],
      'a link inside FOLDER is followed',
    );
    const outputs = [JSON.stringify(check), folderLink.stdout];
    for (const command of [['matrix'], ['brief', 'django'], ['battlecard', 'django']]) {
      for (const [checked, link] of [
        [folder, 'research'],
        [team, 'research/django.md'],
      ]) {
        const { stdout, stderr } = await run(...command, checked, '--no-git');
        assert.equal(
          stderr.split('\n')[0],
          `warning: ${link} is a link out of the folder; it is not read, as nothing outside the folder is.`,
          command[0],
        );
        outputs.push(stdout + stderr);
      }
    }
    for (const checked of [folder, team]) outputs.push((await mcpCall(checked, 'read_product', { product: 'django' })).text);
    for (const output of outputs) assert.ok(!output.includes(secret), output.slice(0, 300));
  });

  it('quotes at most 80 characters of any value of an invalid scope file', async () => {
    const folder = tempFolder({ 'competitor-scope.yaml': `${secretLines.join('\n')}\n` });
    const text = await run('check', folder);
    assert.equal(text.code, 2);
    assert.match(
      text.stdout,
      /^competitor-scope\.yaml:1:1: error invalid-scope The scope file must be a mapping, not a string \(root:x:0:0:root:\/root:\/bin\/bash daemon:x:1:1:daemon:\/usr\/sbin:\/usr\/sbin\/nologin…\)\.$/m,
    );
    assert.deepEqual(leaked(text.stdout), secretLines.slice(0, 2), 'the third line is cut');
    const mcp = await mcpCall(folder, 'list_scope', {});
    assert.ok(mcp.isError && mcp.text.includes('/usr/sbin/nologin…'));
    const long = 'x'.repeat(300);
    const keys = tempFolder({
      'competitor-scope.yaml': `version: 1\ntitle: T\n${long}: 1\ncategories:\n  - name: W\n    goal: G\n    products: [{ name: A, id: "${long}!" }]\n    axes: [{ name: B }]\n]${long}\n`,
    });
    const messages = (await run('check', keys, '--format', 'json')).stdout;
    for (const message of JSON.parse(messages).findings.map((f: { message: string }) => f.message)) {
      assert.doesNotMatch(message, /x{81}/, message);
    }
  });
});
