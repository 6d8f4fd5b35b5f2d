import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reachMessage } from '../harness/serveAddresses';
import { repoRoot, tempFolder } from './helpers';

const script = path.join(repoRoot, 'scripts', 'start.sh');
const serve = path.join(repoRoot, 'out', 'test', 'harness', 'serve.js');

/** `bash scripts/start.sh ARGS` with only what `--print` needs on the PATH (and `code` where a test puts it). */
function start(args: string[], env: Record<string, string> = {}) {
  return spawnSync('bash', [script, ...args], { encoding: 'utf8', timeout: 30_000, env: { PATH: '/usr/bin:/bin', ...env } });
}

describe('scripts/start.sh', () => {
  it('opens a fresh copy of example/ outside the repository, in the server at the host and port asked for', () => {
    const run = start(['--print', '--host', '0.0.0.0', '--port', '8123']);
    assert.equal(run.status, 0, run.stderr);
    const [said, command] = run.stdout.trimEnd().split('\n');
    const copy = /^Opening a copy of example\/ in (.+): what you change there leaves the repository as it is\.$/.exec(said)?.[1];
    assert.ok(copy, said);
    try {
      assert.ok(!path.relative(repoRoot, copy).match(/^[^.]/), `${copy} is outside ${repoRoot}`);
      assert.equal(command, `node ${serve} --folder ${copy} --host 0.0.0.0 --port 8123`);
      const note = path.join('research', 'fastapi.md');
      assert.equal(fs.readFileSync(path.join(copy, note), 'utf8'), fs.readFileSync(path.join(repoRoot, 'example', note), 'utf8'));
      assert.deepEqual(fs.readdirSync(copy).sort(), fs.readdirSync(path.join(repoRoot, 'example')).sort());
      // Trying a fix in the copy leaves the tracked note as it was.
      fs.appendFileSync(path.join(copy, note), '\n## Dev experience, documentation, and templates\n');
      assert.notEqual(fs.readFileSync(path.join(copy, note), 'utf8'), fs.readFileSync(path.join(repoRoot, 'example', note), 'utf8'));
    } finally {
      fs.rmSync(path.dirname(copy), { recursive: true, force: true });
    }
  });

  it('opens the folder it is given as it is, and takes host and port from the environment', () => {
    const folder = tempFolder({ 'competitor-scope.yaml': 'version: 1\n' });
    const run = start([folder, '--print'], { COMPETITOR_SCOPE_HOST: '0.0.0.0', COMPETITOR_SCOPE_PORT: '9000' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `node ${serve} --folder ${folder} --host 0.0.0.0 --port 9000\n`);
  });

  it('uses desktop VS Code where `code` is on the PATH and no host or port is asked for', () => {
    const bin = tempFolder({ code: '#!/bin/sh\n' });
    fs.chmodSync(path.join(bin, 'code'), 0o755);
    const folder = tempFolder({});
    const run = start([folder, '--print'], { PATH: `${bin}:/usr/bin:/bin` });
    assert.equal(run.stdout, `code --extensionDevelopmentPath=${repoRoot} ${folder}\n`);
    assert.match(start([folder, '--print', '--port', '9000'], { PATH: `${bin}:/usr/bin:/bin` }).stdout, /^node .+ --port 9000\n$/);
  });

  it('refuses a folder that does not exist, a port that is not one, and an unknown option', () => {
    const missing = start(['/nonexistent/notes', '--print']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no folder \/nonexistent\/notes/);
    assert.equal(start(['--print', '--port', '80a']).status, 2);
    assert.equal(start(['--print', '--port', '70000']).status, 2);
    assert.equal(start(['--print', '--bind', 'x']).status, 2);
  });
});

describe('how start.sh says to reach the VS Code server', () => {
  const url = (host: string) => `http://${host}:8123/?payload=vscode-remote://${host}:8123/repo`;

  it('on the loopback address: this machine’s URL, and an SSH tunnel or --host 0.0.0.0 for another machine', () => {
    const text = reachMessage('127.0.0.1', 8123, ['10.0.0.5'], url);
    assert.ok(text.includes('  http://127.0.0.1:8123/?payload=vscode-remote://127.0.0.1:8123/repo'));
    assert.ok(text.includes('  ssh -N -L 8123:127.0.0.1:8123 USER@10.0.0.5'));
    assert.ok(text.includes('--host 0.0.0.0'));
    assert.ok(!text.includes('Password'));
  });

  it('on every interface: a URL at each of this machine’s addresses, each addressing the extension there, and the password', () => {
    const text = reachMessage('0.0.0.0', 8123, ['10.0.0.5', '192.168.1.7'], url, 's3cret');
    assert.ok(text.includes('  http://127.0.0.1:8123/?payload=vscode-remote://127.0.0.1:8123/repo'));
    assert.ok(text.includes('  http://10.0.0.5:8123/?payload=vscode-remote://10.0.0.5:8123/repo'));
    assert.ok(text.includes('  http://192.168.1.7:8123/?payload=vscode-remote://192.168.1.7:8123/repo'));
    assert.ok(text.includes('Password: s3cret'));
  });
});
