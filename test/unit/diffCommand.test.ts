import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package's types need another module resolution
const { lint } = require('markdownlint/sync') as { lint: (options: object) => Record<string, unknown[]> };
import { main } from '../../src/cli/main';
import { tempFolder } from './helpers';
import { gitRepository, type TestRepository } from './gitRepository';
import { HISTORY_SCOPE, historyNote } from './historyFixtures';

/** `competitor-scope diff ARGS` run in `cwd` through main(). */
async function diff(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['diff', '--as-of', '2024-06-01', ...args], cwd, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Two commits: Django's pricing re-scored and re-sourced, Rails answered, our score lowered (a flip on Django). */
function twoCommits(): TestRepository {
  const repo = gitRepository();
  repo.write('competitor-scope.yaml', HISTORY_SCOPE);
  repo.write('research/django.md', historyNote('Django', 'Free, see https://a.example/one.\n\nScore: 3'));
  repo.write('research/rails.md', historyNote('Rails', 'TODO'));
  repo.write('research/ours.md', historyNote('Ours', 'Paid.\n\nScore: 4'));
  repo.commit('2024-01-01');
  repo.git(['tag', 'v1']);
  repo.write('research/django.md', historyNote('Django', 'Free, see https://b.example/two.\n\nScore: 3'));
  repo.write('research/rails.md', historyNote('Rails', 'Paid plans.'));
  repo.write('research/ours.md', historyNote('Ours', 'Paid.\n\nScore: 2'));
  repo.commit('2024-02-01');
  return repo;
}

interface JsonDiff {
  base: { ref: string; commit: string };
  head: { ref: string; commit: string | null };
  changes: {
    product: { id: string };
    axis: { id: string };
    kinds: string[];
    before: { status: string; file: string; line: number } | null;
  }[];
  summary: { changed: Record<string, number> };
}

describe('competitor-scope diff', function () {
  this.timeout(60_000);

  it('compares two commits read from git objects, not the working tree, and defaults BASE to HEAD~1', async () => {
    const repo = twoCommits();
    repo.write('research/rails.md', historyNote('Rails', 'Rewritten on disk, not committed.'));
    const run = await diff(repo.folder, 'v1', 'HEAD', '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as JsonDiff;
    assert.equal(json.base.ref, 'v1');
    assert.equal(json.base.commit, repo.git(['rev-parse', 'v1']).trim());
    assert.equal(json.head.commit, repo.git(['rev-parse', 'HEAD']).trim());
    const kinds = Object.fromEntries(json.changes.map((c) => [`${c.product.id}/${c.axis.id}`, c.kinds]));
    assert.deepEqual(kinds, { 'ours/pricing': ['score'], 'django/pricing': ['text', 'verdict', 'sources'], 'rails/pricing': ['answered'] });
    const django = json.changes.find((c) => c.product.id === 'django')!;
    assert.deepEqual([django.before?.file, django.before?.line], ['research/django.md', 3]);

    const byDefault = JSON.parse((await diff(repo.folder, '--format', 'json')).stdout) as JsonDiff;
    assert.equal(byDefault.base.ref, 'HEAD~1');
    assert.equal(byDefault.head.commit, null, 'HEAD defaults to the working tree');
    assert.match(JSON.stringify(byDefault.changes), /Rewritten on disk/);
  });

  it('prints text: a line per changed cell, the scope, the totals and a summary line', async () => {
    const repo = twoCommits();
    const run = await diff(repo.folder, 'v1', 'HEAD');
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 3), [
      'Web / Ours / Pricing: score: ● answered · score 4 · 0 sources → ● answered · score 2 · 0 sources',
      'Web / Django / Pricing: text, verdict (by our product’s note), sources (+1 −1): ● answered · score 3 · we lead · 1 source → ● answered · score 3 · they lead · 1 source',
      'Web / Rails / Pricing: answered: ◐ placeholder · unknown → ● answered · unknown · 0 sources',
    ]);
    assert.ok(lines.includes('score of Ours (Web): 4/4 (100%) on 1 of 2 axes → 2/4 (50%) on 1 of 2 axes'), run.stdout);
    assert.match(
      lines.at(-1)!,
      /^3 cells changed: answered \+1 −0, 1 verdict flip, 1 score change; from v1 \(\w{7}\) to HEAD \(\w{7}\)\.$/,
    );
  });

  it('takes BASE from the merge base with the upstream branch when there is one', async () => {
    const repo = twoCommits();
    const clone = path.join(tempFolder({}), 'clone');
    execFileSync('git', ['clone', '-q', repo.folder, clone]);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: clone }).toString();
    git('checkout', '-q', '-b', 'topic', '--track', 'origin/main');
    fs.writeFileSync(path.join(clone, 'research/django.md'), historyNote('Django', 'Free.', 'Heroku.'));
    git('commit', '-q', '-a', '-m', 'one');
    fs.writeFileSync(path.join(clone, 'research/rails.md'), historyNote('Rails', 'Paid plans.', 'Anywhere.'));
    git('commit', '-q', '-a', '-m', 'two');
    const json = JSON.parse((await diff(clone, '--format', 'json')).stdout) as JsonDiff;
    assert.deepEqual(json.base, { ref: 'the merge base with origin/main', commit: repo.git(['rev-parse', 'HEAD']).trim() });
    assert.deepEqual(json.changes.map((c) => `${c.product.id}/${c.axis.id}`).sort(), ['django/hosting', 'django/pricing', 'rails/hosting']);
  });

  it('follows no link out of the folder: a committed link is not read, one in the working tree is named on stderr', async () => {
    const repo = twoCommits();
    const secret = path.join(
      tempFolder({ 'rails.md': `---\nproduct: rails\n---\n${historyNote('Rails', 'TODO', 'Secret answer.')}` }),
      'rails.md',
    );
    fs.symlinkSync(secret, path.join(repo.folder, 'research', 'rails-hosting.md'));
    repo.commit('2024-03-01');
    const run = await diff(repo.folder, 'v1', '--format', 'json');
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /Secret answer/);
    assert.equal(
      run.stderr,
      'warning: research/rails-hosting.md is a link out of the folder; it is not read, as nothing outside the folder is.\n',
    );
    assert.doesNotMatch((await diff(repo.folder, 'v1', 'HEAD', '--format', 'json')).stdout, /Secret answer/);
    // The same note, as a file of the folder, is read: the test would see a link followed.
    fs.rmSync(path.join(repo.folder, 'research', 'rails-hosting.md'));
    fs.copyFileSync(secret, path.join(repo.folder, 'research', 'rails-hosting.md'));
    assert.match((await diff(repo.folder, 'v1', '--format', 'json')).stdout, /Secret answer/);
  });

  it("never runs the repository's filter drivers", async () => {
    const repo = twoCommits();
    const marker = path.join(tempFolder({}), 'filter-ran');
    repo.git(['config', 'filter.x.clean', `id >> '${marker}'; cat`]);
    repo.git(['config', 'filter.x.smudge', `id >> '${marker}'; cat`]);
    repo.write('.gitattributes', '*.md filter=x\n*.yaml filter=x\n');
    for (const args of [['v1', 'HEAD'], ['v1'], []]) assert.equal((await diff(repo.folder, ...args)).code, 0);
    assert.equal(fs.existsSync(marker), false);
  });

  it('takes an existing folder as FOLDER and the other arguments as refs, and writes -o FILE', async () => {
    const repo = twoCommits();
    const out = path.join(tempFolder({}), 'diff.md');
    const run = await diff(repo.folder, 'v1', 'HEAD', 'research', '--format', 'markdown', '-o', out);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^Wrote .*diff\.md\n$/);
    assert.match(fs.readFileSync(out, 'utf8'), /^# Competitive picture: v1 \(\w{7}\) → HEAD \(\w{7}\)\n/);
  });

  it('refuses a ref that starts with "-" and one that names nothing, in one line, exit 2', async () => {
    const repo = twoCommits();
    const written = path.join(repo.folder, 'x');
    for (const [args, message] of [
      [
        ['--', `--output=${written}`, 'HEAD'],
        `competitor-scope: "--output=${written}" is not taken as a ref: a ref cannot start with "-".\n`,
      ],
      [['--', 'HEAD', '-p'], 'competitor-scope: "-p" is not taken as a ref: a ref cannot start with "-".\n'],
      [['no-such-branch'], 'competitor-scope: BASE "no-such-branch" names no commit in this repository.\n'],
      [['v1', 'v1:research'], 'competitor-scope: HEAD "v1:research" names no commit in this repository.\n'],
      [['v1\n::error::forged'], 'competitor-scope: BASE "v1\\n::error::forged" names no commit in this repository.\n'],
    ] as const) {
      const run = await diff(repo.folder, ...args);
      assert.deepEqual([run.code, run.stdout, run.stderr], [2, '', message], args.join(' '));
    }
    assert.equal(fs.existsSync(written), false);
  });

  it('says in one line that a shallow clone lacks BASE', async () => {
    const repo = twoCommits();
    const clone = path.join(tempFolder({}), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.folder}`, clone]);
    const base = repo.git(['rev-parse', 'v1']).trim();
    const run = await diff(clone, base);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      `competitor-scope: "${base}" is not in this clone, which is shallow: fetch the whole history (actions/checkout with fetch-depth: 0).\n`,
    );
  });

  it('writes Markdown that passes markdownlint and keeps hostile text inside its table cell', async () => {
    const repo = twoCommits();
    const hostile = 'Paid | <script>alert(1)</script> **bold** [link](https://evil.example) `code`\n::error::forged ##[group]x';
    repo.write('competitor-scope.yaml', HISTORY_SCOPE.replace('{ name: Rails }', '{ id: rails, name: "Rails | <b>On</b> *Rails*" }'));
    repo.write('research/rails.md', historyNote('Rails', hostile.replace('\n', ' ')));
    const run = await diff(repo.folder, 'v1', '--format', 'markdown');
    assert.equal(run.code, 0, run.stderr);
    const markdown = run.stdout;
    const problems = lint({ strings: { diff: markdown }, config: { default: true, MD013: false } }).diff;
    assert.deepEqual(problems, [], markdown);
    assert.match(markdown, /\*\*3 cells changed: answered \+1 −0, 1 verdict flip, 1 score change\.\*\*/);
    const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
    for (const row of rows) assert.equal(row.split(/(?<!\\)\|/).length, 7, `five cells: ${row}`);
    assert.ok(!markdown.includes('<script>') && !markdown.includes('<b>'), 'no HTML from the notes');
    assert.ok(!/^\s*::/m.test(markdown) && !markdown.includes('##['), 'no workflow command');
    assert.match(markdown, /Rails \\\| &lt;b&gt;On&lt;\/b&gt; \\\*Rails\\\*/);
    assert.match(markdown, /Scope: product renamed: Rails → Rails \\\| &lt;b&gt;/);
  });

  it('prints one ::notice per changed cell on its HEAD section, escaped as check escapes', async () => {
    const repo = twoCommits();
    repo.write('research/django.md', historyNote('Django', 'Free, see https://b.example/two.\n\nScore: 3', '100% %0A::error::forged'));
    const run = await diff(repo.folder, 'HEAD', '--format', 'github');
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.equal(
      lines[0],
      '::notice file=research/django.md,line=9,title=competitor-scope diff::Web / Django / Hosting: answered: ◐ placeholder · unknown → ● answered · unknown · 0 sources',
    );
    assert.match(
      lines[1],
      /^1 cell changed: answered \+1 −0, 0 verdict flips, 0 score changes; from HEAD \(\w{7}\) to the working tree\.$/,
    );
  });
});
