import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { repoRoot, tempFolder } from './helpers';

/** What `npm pack --json` says of the tarball it wrote. */
interface Packed {
  filename: string;
  files: { path: string }[];
}

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, `npm ${args.join(' ')} failed:\n${result.stderr}`);
  return result;
}

// A notes repository's CI as the README describes it: the package built by `npm pack`, installed with npm into a
// folder of its own, its `competitor-scope` command run there, far from this repository's node_modules.
describe('the npm package', function () {
  this.timeout(90_000);
  let packed: Packed;
  let installed: string;
  let notes: string;
  const command = () => path.join(installed, 'node_modules', '.bin', 'competitor-scope');

  before(() => {
    const folder = tempFolder({ 'user/package.json': '{ "private": true }\n' });
    [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', folder], repoRoot).stdout) as Packed[];
    installed = path.join(folder, 'user');
    // Offline: the package has no dependency to fetch, so nothing but the tarball is needed.
    npm(['install', '--offline', path.join(folder, packed.filename)], installed);
    notes = path.join(folder, 'notes');
    fs.cpSync(path.join(repoRoot, 'example'), notes, { recursive: true });
  });

  it('holds the command line, its MCP server and the built-in scope, and no source', () => {
    assert.deepEqual(packed.files.map((f) => f.path).sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/commands.js',
      'dist/mcp.js',
      'dist/noteWorker.js',
      'package.json',
      'scope/competitor-scope.schema.json',
      'scope/competitor-scope.yaml',
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'node_modules', 'competitor-scope', 'package.json'), 'utf8'));
    assert.equal(manifest.private, undefined, 'a private package cannot be published');
    assert.equal(manifest.dependencies, undefined, 'everything it runs is bundled');
  });

  it('checks a copy of example/ from the installed command, in text and as GitHub annotations', () => {
    const run = spawnSync(command(), ['check', notes], { cwd: installed, encoding: 'utf8' });
    assert.equal(run.status, 1, `unanswered axes fail the check:\n${run.stderr}`);
    const lines = run.stdout.trimEnd().split('\n');
    assert.ok(
      lines.includes('research/fastapi.md:14:1: warning unanswered-axis The section "Auth, security, and rate limiting" is empty.'),
      run.stdout,
    );
    assert.match(
      lines[lines.length - 1],
      new RegExp(`; 5 notes read by "research/\\*\\*/\\*\\.md" under ${notes.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}\\.$`),
    );

    const github = spawnSync(command(), ['check', notes, '--format', 'github', '--max-missing', '1000'], {
      cwd: installed,
      encoding: 'utf8',
    });
    assert.equal(github.status, 0);
    assert.ok(
      github.stdout
        .split('\n')
        .includes(
          '::warning file=research/fastapi.md,line=14,col=1,title=competitor-scope unanswered-axis::The section "Auth, security, and rate limiting" is empty.',
        ),
      github.stdout,
    );
  });

  it('serves MCP from the installed command, with the built-in scope when asked for', async () => {
    const empty = tempFolder({});
    const client = new Client({ name: 'competitor-scope-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: command(), args: ['mcp', empty, '--scope', 'builtin'], stderr: 'pipe' }));
    try {
      const result = (await client.callTool({ name: 'list_scope', arguments: {} })) as { content: { text: string }[] };
      assert.equal(JSON.parse(result.content[0].text).subject, 'Grid + Throughput Engine');
    } finally {
      await client.close();
    }
  });
});
