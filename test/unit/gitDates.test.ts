import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { nodeGitDates } from '../../src/git/nodeGitDates';
import { SCOPE_YAML } from './noteFixtures';

const folders: string[] = [];
after(() => folders.forEach((f) => fs.rmSync(f, { recursive: true, force: true })));

/** A temporary folder with the test scope (every answer fresh for 100 days) and a git repository in it. */
function repository(): { folder: string; write: (file: string, text: string) => void; commit: (day: string) => void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'competitor-scope-git-'));
  folders.push(folder);
  const git = (args: string[], day = '2024-01-01') =>
    execFileSync('git', args, {
      cwd: folder,
      env: { ...process.env, GIT_AUTHOR_DATE: `${day}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${day}T12:00:00+00:00`, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' },
    });
  git(['init', '-q', '-b', 'main']);
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), text);
  };
  write('competitor-scope.yaml', SCOPE_YAML.replace('categories:\n', 'freshness: 100\ncategories:\n'));
  return { folder, write, commit: (day) => (git(['add', '-A']), git(['commit', '-q', '-m', day], day)) };
}

const NOTE = `# Django

## Architecture guidance and opinionation

Batteries included, see [docs](https://docs.example.com/arch).

## Auth, security, and rate limiting

Sessions and CSRF.
`;

interface Axis { axis: string; status: string; sources: number; asOf: string | null; asOfFrom: string | null; stale: boolean }

async function check(folder: string, ...options: string[]): Promise<{ code: number; axes: Axis[]; summary: Record<string, number>; findings: { code: string; line: number; message: string }[] }> {
  let stdout = '';
  const code = await main(['check', folder, '--format', 'json', '--max-missing', '99', ...options], folder, { stdout: (t) => (stdout += t), stderr: () => undefined });
  const report = JSON.parse(stdout);
  return { code, axes: report.products.find((p: { product: string }) => p.product === 'django').axes, summary: report.summary, findings: report.findings };
}

describe('git dates', () => {
  it('dates each section by the latest commit that changed one of its lines, and a marker overrides git', async () => {
    const repo = repository();
    repo.write('research/django.md', NOTE);
    repo.commit('2024-01-10');
    repo.write('research/django.md', NOTE.replace('Sessions and CSRF.', 'Sessions, CSRF and [limits](https://docs.example.com/auth).'));
    repo.commit('2024-05-01');
    const { axes, summary, findings } = await check(repo.folder, '--as-of', '2024-06-01');
    assert.deepEqual(axes.slice(0, 2).map((a) => [a.axis, a.asOf, a.asOfFrom, a.sources, a.stale]), [
      ['architecture-guidance-and-opinionation', '2024-01-10', 'git', 1, true],
      ['auth-security-and-rate-limiting', '2024-05-01', 'git', 1, false],
    ]);
    assert.equal(summary.stale, 1);
    assert.match(findings.find((f) => f.code === 'stale-answer')?.message ?? '', /143 days old \(as of 2024-01-10, from git\); answers to it stay fresh for 100 days/);

    repo.write('research/django.md', NOTE.replace('Batteries included', 'As of 2024-05-20\n\nBatteries included'));
    repo.commit('2024-05-25');
    const marked = await check(repo.folder, '--as-of', '2024-06-01');
    assert.deepEqual([marked.axes[0].asOf, marked.axes[0].asOfFrom, marked.axes[0].stale], ['2024-05-20', 'marker', false]);
  });

  it('counts uncommitted edits and notes git does not track as today, and --no-git as markers only', async () => {
    const repo = repository();
    repo.write('research/django.md', NOTE);
    repo.commit('2023-01-01');
    repo.write('research/django.md', NOTE.replace('Sessions and CSRF.', 'Sessions and CSRF, edited.'));
    repo.write('research/flask.md', '## Auth, security, and rate limiting\n\nNot committed yet.\n');
    const { axes, summary, code } = await check(repo.folder, '--as-of', '2024-06-01', '--max-stale', '0');
    assert.deepEqual(axes.slice(0, 2).map((a) => [a.asOf, a.stale]), [['2023-01-01', true], ['2024-06-01', false]]);
    assert.equal(code, 1, 'one stale answer is more than --max-stale 0');
    assert.equal(summary.stale, 1);
    let stdout = '';
    await main(['check', repo.folder, '--format', 'json', '--max-missing', '99', '--as-of', '2024-06-01'], repo.folder, { stdout: (t) => (stdout += t), stderr: () => undefined });
    const flask = JSON.parse(stdout).products.find((p: { product: string }) => p.product === 'flask');
    assert.equal(flask.axes[1].asOf, '2024-06-01');
    const noGit = await check(repo.folder, '--as-of', '2024-06-01', '--no-git', '--max-stale', '0');
    assert.deepEqual(noGit.axes.slice(0, 2).map((a) => [a.asOf, a.asOfFrom]), [[null, null], [null, null]]);
    assert.equal(noGit.code, 0);
  });

  it('gives a note outside any repository no git date', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'competitor-scope-nogit-'));
    folders.push(folder);
    fs.mkdirSync(path.join(folder, 'research'));
    fs.writeFileSync(path.join(folder, 'competitor-scope.yaml'), SCOPE_YAML);
    fs.writeFileSync(path.join(folder, 'research', 'django.md'), NOTE);
    const { axes } = await check(folder);
    assert.deepEqual([axes[0].asOf, axes[0].asOfFrom, axes[0].sources], [null, null, 1]);
  });

  it('blames one note as the editor holds it: unsaved lines are today', async () => {
    const repo = repository();
    repo.write('research/django.md', NOTE);
    repo.commit('2024-02-02');
    const edited = `${NOTE}\nA line typed but not saved.\n`;
    const dates = await nodeGitDates.noteDates(repo.folder, 'research/django.md', edited, '2024-06-01');
    assert.equal(dates?.length, edited.split('\n').length - 1);
    assert.equal(dates?.[0], '2024-02-02');
    assert.equal(dates?.[10], '2024-06-01');
  });

  it('refuses a bad --as-of', async () => {
    let stderr = '';
    assert.equal(await main(['check', '.', '--as-of', '2024-13-01'], os.tmpdir(), { stdout: () => undefined, stderr: (t) => (stderr += t) }), 2);
    assert.match(stderr, /--as-of must be a day, YYYY-MM-DD/);
  });
});
