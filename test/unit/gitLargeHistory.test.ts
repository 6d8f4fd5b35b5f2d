import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './helpers';
import { checkJson, gitRepository, NOTE } from './gitRepository';

/** A Markdown file of `lines` lines of about 100 bytes, each naming `version`: every version rewrites every line. */
function bulky(version: number, lines: number): string {
  return Array.from({ length: lines }, (_, i) => `Version ${version}, line ${i}: ${'x'.repeat(80)}`).join('\n');
}

describe('a large git history', function () {
  this.timeout(120_000);

  it('of a large file in the notes folder that is not a note is not read: the packed command line checks within 64 MB of heap', () => {
    const repo = gitRepository();
    repo.write('research/django.md', NOTE);
    repo.commit('2023-01-01');
    // Four versions of 11 MB, each rewriting every line: about 78 MB of history, were it read.
    for (let version = 0; version < 4; version++) {
      repo.write('research/data.csv', bulky(version, 200_000).replace(/x{80}/g, 'y'.repeat(40)));
      repo.commit(`2023-03-0${version + 1}`);
    }
    const cli = path.join(repoRoot, 'dist', 'cli.js');
    const run = spawnSync(
      process.execPath,
      ['--max-old-space-size=64', cli, 'check', repo.folder, '--format', 'json', '--max-missing', '99', '--as-of', '2024-06-01'],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr.slice(-300));
    assert.equal(run.stderr, '');
    const django = JSON.parse(run.stdout).products.find((p: { product: string }) => p.product === 'django');
    assert.deepEqual([django.axes[0].asOf, django.axes[0].asOfFrom], ['2023-01-01', 'git']);
  });

  it("is read up to its cap: then one warning, the dates found so far and the markers' dates for the rest", async () => {
    const repo = gitRepository();
    repo.write('research/django.md', NOTE.replace('Sessions and CSRF.', 'As of 2023-02-01\n\nSessions and CSRF.'));
    repo.write('research/flask.md', 'Flask, in a text of which no line is left.\n');
    repo.commit('2023-01-01');
    // A note of no product, under 2 MB, rewritten 20 times: about 75 MB of history.
    for (let version = 0; version < 20; version++) {
      repo.write('research/archive/log.md', bulky(version, 19_000));
      repo.commit(`2023-03-${String(version + 1).padStart(2, '0')}`);
    }
    repo.write('research/flask.md', NOTE.replace('# Django', '# Flask'));
    repo.commit('2024-05-01');

    const run = await checkJson(repo.folder, '--as-of', '2024-06-01');
    assert.equal(run.code, 0);
    assert.deepEqual(
      run
        .axesOf('flask')
        .slice(0, 2)
        .map((a) => [a.asOf, a.asOfFrom]),
      [
        ['2024-05-01', 'git'],
        ['2024-05-01', 'git'],
      ],
      'dated by the history read',
    );
    assert.deepEqual(
      run
        .axesOf('django')
        .slice(0, 2)
        .map((a) => [a.asOf, a.asOfFrom]),
      [
        [null, null],
        ['2023-02-01', 'marker'],
      ],
      'never dated by a history not read',
    );
    assert.match(run.stderr, /^competitor-scope: warning: [^\n]*64 MiB[^\n]*\n$/);
  });
});
