import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempFolder } from './helpers';
import { checkJson, gitRepository, NOTE } from './gitRepository';

const DJANGO = 'research/django.md';

async function datesOf(folder: string, ...options: string[]) {
  const run = await checkJson(folder, '--as-of', '2024-06-01', ...options);
  return { ...run, dated: run.axesOf('django').map((a) => [a.asOf, a.asOfFrom]) };
}

describe('git dates of answers', () => {
  it("dates an answer written after the note's reviewed: date by the later day git saw it change", async () => {
    const repo = gitRepository();
    repo.write(DJANGO, `---\nreviewed: 2023-01-01\n---\n\n${NOTE}`);
    repo.commit('2023-01-01');
    repo.write(DJANGO, `---\nreviewed: 2023-01-01\n---\n\n${NOTE.replace('Sessions and CSRF.', 'Sessions, CSRF and throttling.')}`);
    repo.commit('2024-05-01');
    const { dated } = await datesOf(repo.folder);
    assert.deepEqual(dated.slice(0, 2), [
      ['2023-01-01', 'front-matter'],
      ['2024-05-01', 'git'],
    ]);
  });

  it('does not re-date an answer for a commit that only adds a Score line, an As of line that dates nothing (a later day), blank lines or spacing', async () => {
    const repo = gitRepository();
    repo.write(DJANGO, NOTE);
    repo.commit('2023-01-01');
    const scored = NOTE.replace('Sessions and CSRF.\n', 'Sessions and CSRF.\n\n\nScore: 4\n\nAs of 2024-07-01\n');
    repo.write(DJANGO, scored);
    repo.commit('2024-05-01');
    const { dated } = await datesOf(repo.folder);
    assert.deepEqual(dated[1], ['2023-01-01', 'git']);
    repo.write(DJANGO, scored.replace('Sessions and CSRF.', '  Sessions  and\tCSRF. '));
    repo.commit('2024-05-10');
    assert.deepEqual((await datesOf(repo.folder)).dated[1], ['2023-01-01', 'git'], 'a change of spacing only');
    repo.write(DJANGO, scored.replace('Sessions and CSRF.', 'Sessions and CSRF tokens.'));
    repo.commit('2024-05-20');
    assert.deepEqual((await datesOf(repo.folder)).dated[1], ['2024-05-20', 'git'], 'a change of words');
  });

  it('gives no git date to the lines of the boundary commit of a shallow clone, and says so once', async () => {
    const repo = gitRepository();
    repo.write(DJANGO, NOTE);
    repo.commit('2023-01-01');
    repo.write(DJANGO, NOTE.replace('Sessions and CSRF.', 'Sessions, CSRF and throttling.'));
    repo.commit('2024-05-01');
    const clone = path.join(tempFolder({}), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', pathToFileURL(repo.folder).href, clone]);
    const whole = await datesOf(repo.folder);
    assert.deepEqual(whole.dated.slice(0, 2), [
      ['2023-01-01', 'git'],
      ['2024-05-01', 'git'],
    ]);
    assert.equal(whole.stderr, '');
    const shallow = await datesOf(clone);
    assert.deepEqual(shallow.dated.slice(0, 2), [
      [null, null],
      [null, null],
    ]);
    assert.equal(shallow.stderr.match(/shallow clone/g)?.length, 1, shallow.stderr);
    assert.match(shallow.stderr, /^competitor-scope: warning: .*fetch-depth: 0/m);

    // A commit after the boundary dates what it changes.
    execFileSync('git', ['-C', clone, 'config', 'user.name', 'T']);
    execFileSync('git', ['-C', clone, 'config', 'user.email', 't@example.com']);
    fs.writeFileSync(path.join(clone, DJANGO), NOTE.replace('Sessions and CSRF.', 'Sessions, CSRF, throttling and SSO.'));
    execFileSync('git', ['-C', clone, 'commit', '-qam', 'edit'], {
      env: { ...process.env, GIT_AUTHOR_DATE: '2024-05-20T12:00:00+00:00', GIT_COMMITTER_DATE: '2024-05-20T12:00:00+00:00' },
    });
    const later = await datesOf(clone);
    assert.deepEqual(later.dated.slice(0, 2), [
      [null, null],
      ['2024-05-20', 'git'],
    ]);
  });
});
