import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import { main } from '../../src/cli/main';
import { nodeGitDates } from '../../src/git/nodeGitDates';
import { tempFolder } from './helpers';
import { checkJson, gitRepository, NOTE } from './gitRepository';
import { SCOPE_YAML } from './noteFixtures';

async function check(folder: string, ...options: string[]) {
  const run = await checkJson(folder, ...options);
  return { ...run, axes: run.axesOf('django') };
}

describe('git dates', () => {
  it('dates each section by the latest commit that changed one of its lines, and a marker overrides git', async () => {
    const repo = gitRepository();
    repo.write('research/django.md', NOTE);
    repo.commit('2024-01-10');
    repo.write('research/django.md', NOTE.replace('Sessions and CSRF.', 'Sessions, CSRF and [limits](https://docs.example.com/auth).'));
    repo.commit('2024-05-01');
    const { axes, summary, findings } = await check(repo.folder, '--as-of', '2024-06-01');
    assert.deepEqual(
      axes.slice(0, 2).map((a) => [a.axis, a.asOf, a.asOfFrom, a.sources, a.stale]),
      [
        ['architecture-guidance-and-opinionation', '2024-01-10', 'git', 1, true],
        ['auth-security-and-rate-limiting', '2024-05-01', 'git', 1, false],
      ],
    );
    assert.equal(summary.stale, 1);
    assert.match(
      findings.find((f) => f.code === 'stale-answer')?.message ?? '',
      /143 days old \(as of 2024-01-10, from git\); answers to it stay fresh for 100 days/,
    );

    repo.write('research/django.md', NOTE.replace('Batteries included', 'As of 2024-05-20\n\nBatteries included'));
    repo.commit('2024-05-25');
    const marked = await check(repo.folder, '--as-of', '2024-06-01');
    assert.deepEqual([marked.axes[0].asOf, marked.axes[0].asOfFrom, marked.axes[0].stale], ['2024-05-20', 'marker', false]);
  });

  it('counts uncommitted edits and notes git does not track as today, and --no-git as markers only', async () => {
    const repo = gitRepository();
    repo.write('research/django.md', NOTE);
    repo.commit('2023-01-01');
    repo.write('research/django.md', NOTE.replace('Sessions and CSRF.', 'Sessions and CSRF, edited.'));
    repo.write('research/flask.md', '## Auth, security, and rate limiting\n\nNot committed yet.\n');
    const { axes, summary, code, axesOf } = await check(repo.folder, '--as-of', '2024-06-01', '--max-stale', '0');
    assert.deepEqual(
      axes.slice(0, 2).map((a) => [a.asOf, a.stale]),
      [
        ['2023-01-01', true],
        ['2024-06-01', false],
      ],
    );
    assert.equal(code, 1, 'one stale answer is more than --max-stale 0');
    assert.equal(summary.stale, 1);
    assert.equal(axesOf('flask')[1].asOf, '2024-06-01');
    const noGit = await check(repo.folder, '--as-of', '2024-06-01', '--no-git', '--max-stale', '0');
    assert.deepEqual(
      noGit.axes.slice(0, 2).map((a) => [a.asOf, a.asOfFrom]),
      [
        [null, null],
        [null, null],
      ],
    );
    assert.equal(noGit.code, 0);
  });

  it('gives a note outside any repository no git date', async () => {
    const folder = tempFolder({ 'competitor-scope.yaml': SCOPE_YAML, 'research/django.md': NOTE });
    const { axes } = await check(folder);
    assert.deepEqual([axes[0].asOf, axes[0].asOfFrom, axes[0].sources], [null, null, 1]);
  });

  it('dates one note as the editor holds it: unsaved lines are today', async () => {
    const repo = gitRepository();
    repo.write('research/django.md', NOTE);
    repo.commit('2024-02-02');
    const edited = `${NOTE}\nA line typed but not saved.\n`;
    const dates = (await nodeGitDates.noteDates(repo.folder, 'research/django.md', edited, '2024-06-01')).dates.get('research/django.md');
    assert.equal(dates?.length, edited.split('\n').length);
    assert.equal(dates?.[0], '2024-02-02');
    assert.equal(dates?.[10], '2024-06-01');
  });

  it('dates a note whose file name holds a control character (which git quotes) from its history, in the check and the editor', async () => {
    const repo = gitRepository();
    const name = 'research/django\u0001notes.md';
    const text = `---\nproduct: django\n---\n${NOTE}`;
    repo.write(name, text);
    repo.commit('2020-03-01');
    const { axes } = await check(repo.folder, '--as-of', '2024-06-01');
    assert.deepEqual(
      axes.slice(0, 2).map((a) => [a.asOf, a.asOfFrom, a.stale]),
      [
        ['2020-03-01', 'git', true],
        ['2020-03-01', 'git', true],
      ],
    );
    const dates = (await nodeGitDates.noteDates(repo.folder, name, `${text}Typed, not saved.\n`, '2024-06-01')).dates.get(name);
    assert.deepEqual([dates?.[0], dates?.[11], dates?.[12]], ['2020-03-01', '2020-03-01', '2024-06-01']);
  });

  it("gives up on an edit too large to diff and dates the note's lines today, never older", async () => {
    const repo = gitRepository();
    const text = `# Django\n\n## Architecture guidance and opinionation\n\n${Array.from({ length: 3000 }, (_, i) => `Line ${i}.`).join('\n')}\n`;
    repo.write('research/django.md', text);
    repo.commit('2020-03-01');
    const datesOf = async (edited: string) =>
      (await nodeGitDates.noteDates(repo.folder, 'research/django.md', edited, '2024-06-01')).dates.get('research/django.md') ?? [];
    const small = await datesOf(text.replace('Line 7.', 'Changed 7.'));
    assert.deepEqual([small[10], small[11], small[12]], ['2020-03-01', '2024-06-01', '2020-03-01']);
    // Every other line changed: 3,000 edits, past what the diff computes. Lines it could have kept are today's too.
    const rewritten = await datesOf(text.replace(/Line (\d*[02468])\./g, 'Changed $1.'));
    assert.equal(rewritten.length, 3005);
    assert.ok(
      rewritten.every((day, line) => day === (line === 1 || line === 3 || line === 3004 ? undefined : '2024-06-01')),
      'no line is dated older than it may be',
    );
  });

  it('refuses a bad --as-of', async () => {
    let stderr = '';
    assert.equal(
      await main(['check', '.', '--as-of', '2024-13-01'], os.tmpdir(), { stdout: () => undefined, stderr: (t) => (stderr += t) }),
      2,
    );
    assert.match(stderr, /--as-of must be a day, YYYY-MM-DD/);
  });
});
