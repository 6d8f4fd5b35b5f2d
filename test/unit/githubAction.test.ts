import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { repoRoot, tempFolder } from './helpers';

interface Step {
  name: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; default: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as Action;
const checkStep = action.runs.steps.find((s) => s.name === 'Check the research notes')!;
const diffStep = action.runs.steps.find((s) => s.name === 'Summarize what the pull request changed')!;
const siteStep = action.runs.steps.find((s) => s.name === 'Build the static site')!;

/**
 * Runs a step's script as the runner would: bash in the repository's root, the inputs in its env, and what the
 * workflow's context gives (`github.event…`) from `context`.
 */
function runStep(step: Step, repository: string, inputs: Record<string, string>, context: Record<string, string> = {}) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_ACTION_PATH: repoRoot };
  for (const [name, value] of Object.entries(step.env ?? {})) {
    const [, source, key] = /^\$\{\{ (inputs|github)\.([\w.-]+) \}\}$/.exec(value) ?? [];
    assert.ok(source, `${name} is set from an input or the workflow's context`);
    env[name] = source === 'inputs' ? (inputs[key] ?? action.inputs[key].default) : (context[key] ?? '');
  }
  for (const [name, value] of Object.entries(context)) if (/^[A-Z_]+$/.test(name)) env[name] = value;
  return spawnSync('bash', ['-e', '-c', step.run], { cwd: repository, env, encoding: 'utf8' });
}

const runCheckStep = (repository: string, inputs: Record<string, string>) => runStep(checkStep, repository, inputs);

const scope =
  'version: 1\ntitle: T\ncategories:\n  - name: Web\n    goal: G\n    products: [{ name: Django }]\n    axes: [{ name: Pricing }, { name: Hosting }]\n';

describe('the GitHub Action (action.yml)', function () {
  this.timeout(60_000);
  it('is a composite action whose scripts take every input from the environment, never pasted in', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs), ['folder', 'scope', 'max-missing', 'diff', 'site']);
    for (const input of Object.values(action.inputs)) assert.ok(input.description);
    for (const step of action.runs.steps) {
      assert.equal(step.shell, 'bash');
      assert.ok(!step.run.includes('${{'), `${step.name}: no expression inside the script`);
    }
    const fromInputs = Object.values(checkStep.env ?? {}).map((v) => /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(v)?.[1]);
    assert.deepEqual(fromInputs.sort(), ['folder', 'max-missing', 'scope']);
    assert.match(checkStep.run, /node "\$GITHUB_ACTION_PATH\/dist\/cli\.js" /);
  });

  it('checks the folder with --format github and fails on unanswered axes, whatever the folder is called', () => {
    // A folder name that would run a command if the input were pasted into the script.
    const hostile = 'notes $(touch pwned) "`touch pwned2`"';
    const repository = tempFolder({
      [`${hostile}/competitor-scope.yaml`]: scope,
      [`${hostile}/research/django.md`]:
        '# Django\n\n## Pricing\n\nFree and open source (https://www.djangoproject.com/).\n\n## Hosting\n\nTODO\n',
    });
    const run = runCheckStep(repository, { folder: hostile });
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(
      lines[0],
      `::warning file=${hostile}/research/django.md,line=7,col=1,title=competitor-scope unanswered-axis::The section "Hosting" holds only placeholders.`,
    );
    assert.match(
      lines[1],
      /^1 product, 2 axes: 1 answered \(0 stale, 0 unsourced\), 0 missing, 0 empty, 1 placeholder; .* 1 unanswered \(at most 0 allowed\);/,
    );
    assert.deepEqual(fs.readdirSync(repository), [hostile], 'nothing else was run');

    assert.equal(runCheckStep(repository, { folder: hostile, 'max-missing': '1' }).status, 0);
  });

  it('takes every input as a value, never as an option: a folder "--help" is checked, a scope "--help" does not exist', () => {
    const note = '# Django\n\n## Pricing\n\nFree.\n\n## Hosting\n\nTODO\n';
    const repository = tempFolder({
      '--help/competitor-scope.yaml': scope,
      '--help/research/django.md': note,
      '--scope=/etc/passwd/competitor-scope.yaml': scope,
      '--scope=/etc/passwd/research/django.md': note,
    });
    for (const folder of ['--help', '--scope=/etc/passwd']) {
      const run = runCheckStep(repository, { folder });
      assert.equal(run.status, 1, `${folder}: ${run.stderr}`);
      assert.ok(run.stdout.startsWith(`::warning file=${folder}/research/django.md,line=7,col=1,`), run.stdout);
    }
    for (const [inputs, error] of [
      [{ folder: '--as-of=2000-01-01' }, /\/--as-of=2000-01-01 is not a folder\./],
      [{ scope: '--help' }, /The scope file .*\/--help does not exist\./],
      [{ scope: '--scope=/etc/passwd' }, /The scope file .*\/--scope=\/etc\/passwd does not exist\./],
      [{ 'max-missing': '--help' }, /--max-missing must be a whole number of axes, not "--help"\./],
      [{ 'max-missing': '--as-of=2000-01-01' }, /--max-missing must be a whole number of axes, not "--as-of=2000-01-01"\./],
    ] as const) {
      const run = runCheckStep(tempFolder({ 'research/django.md': note }), inputs);
      assert.equal(run.status, 2, JSON.stringify(inputs));
      assert.match(run.stderr, error, JSON.stringify(inputs));
      assert.equal(run.stdout, '', 'no help, no report');
    }
  });

  it('passes the scope input as --scope', () => {
    const repository = tempFolder({
      'scopes/team.yaml': scope,
      'research/django.md': '# Django\n\n## Pricing\n\nFree and open source.\n',
    });
    const run = runCheckStep(repository, { scope: 'scopes/team.yaml' });
    assert.equal(run.status, 1, run.stderr);
    assert.ok(
      run.stdout.includes(
        '::warning file=research/django.md,line=1,col=1,title=competitor-scope missing-axis::No section answers "Hosting" (Web) for Django.',
      ),
      run.stdout,
    );
  });

  it('with diff: true, writes what a pull request changed to the job summary, from its base commit', () => {
    const repository = tempFolder({
      'competitor-scope.yaml': scope,
      'research/django.md': '# Django\n\n## Pricing\n\nTODO\n\n## Hosting\n\nTODO\n',
    });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
        cwd: repository,
        env: { ...process.env, GIT_AUTHOR_DATE: '2024-01-01T12:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T12:00:00Z' },
      }).toString();
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD').trim();
    fs.writeFileSync(
      path.join(repository, 'research/django.md'),
      '# Django\n\n## Pricing\n\nFree (https://www.djangoproject.com/).\n\n## Hosting\n\nTODO\n',
    );
    git('commit', '-q', '-a', '-m', 'head');
    const summary = path.join(tempFolder({}), 'step-summary.md');
    const pullRequest = { 'event.pull_request.base.sha': base, GITHUB_STEP_SUMMARY: summary };

    const run = runStep(diffStep, repository, { diff: 'true' }, pullRequest);
    assert.equal(run.status, 0, run.stderr);
    const markdown = fs.readFileSync(summary, 'utf8');
    assert.match(markdown, new RegExp(`^# Competitive picture: ${base.slice(0, 7)} → HEAD \\(\\w{7}\\)\n`));
    assert.match(markdown, /\*\*1 cell changed: answered \+1 −0, 0 verdict flips, 0 score changes\.\*\*/);
    assert.match(
      markdown,
      /\| Django \| Pricing \| answered \| ◐ placeholder \| ● answered · 1 source · “Free \(https\\:\/\/www\.djangoproject\.com\/\)\.” \|/,
    );

    fs.rmSync(summary);
    assert.equal(runStep(diffStep, repository, {}, pullRequest).status, 0);
    assert.equal(fs.existsSync(summary), false, 'diff is off by default');
    const push = runStep(diffStep, repository, { diff: 'true' }, { GITHUB_STEP_SUMMARY: summary });
    assert.equal(push.status, 0);
    assert.match(push.stdout, /diff summarizes pull requests only/);
    assert.equal(fs.existsSync(summary), false, 'nothing to compare on a push');
  });

  it('with site: DIR, builds the static site there, each answer linked to its note in the repository', () => {
    const repository = tempFolder({
      'competitor-scope.yaml': scope,
      'research/django.md': '# Django\n\n## Pricing\n\nFree.\n\n## Hosting\n\nTODO\n',
    });
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repository });
    execFileSync('git', ['add', '-A'], { cwd: repository });
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'notes'], { cwd: repository });
    const context = { server_url: 'https://github.com', repository: 'acme/research' };
    assert.equal(runStep(siteStep, repository, {}, context).status, 0);
    assert.equal(fs.existsSync(path.join(repository, '_site')), false, 'no site unless asked');
    const run = runStep(siteStep, repository, { site: '_site' }, context);
    assert.equal(run.status, 0, run.stderr);
    const django = fs.readFileSync(path.join(repository, '_site', 'product-web~django.html'), 'utf8');
    assert.match(
      django,
      /<a href="https:\/\/github.com\/acme\/research\/blob\/[0-9a-f]{40}\/research\/django.md#L3" rel="noopener noreferrer">/,
    );
  });
});
