import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { parseDay } from '../../src/core/dates';
import type { Finding } from '../../src/core/notes/findings';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { tempFolder } from './helpers';
import { SCOPE_YAML, testScope } from './noteFixtures';

const TODAY = '2025-06-30';
const NOTE = 'research/django.md';
const FRESH_90 = SCOPE_YAML.replace('categories:\n', 'freshness: 90\ncategories:\n');

/** Django's note with an answered, sourced Auth section dated by `marker` (line 6 is the marker). */
const note = (marker: string, frontMatter = '') =>
  `${frontMatter}# Django\n\n## Auth, security, and rate limiting\n\nSessions [docs](https://docs.example.com/auth).\n\n${marker}\n`;

function indexed(text: string, yaml = FRESH_90): NoteIndex {
  const index = new NoteIndex(testScope(yaml), { today: () => TODAY });
  index.setNote(NOTE, text);
  return index;
}

const authEvidence = (index: NoteIndex) =>
  index.productCoverage({ categoryId: 'web', productId: 'django' }).axes.find((a) => a.axisId === 'auth-security-and-rate-limiting')
    ?.evidence;
const dateFindings = (index: NoteIndex) => index.findings(NOTE).filter((f) => f.code === 'invalid-date');
const at = (line: number, start: number, end: number): Finding['range'] => ({
  start: { line, character: start },
  end: { line, character: end },
});

const WRONG: ReadonlyArray<[string, string]> = [
  ['9999-12-31', '9999-12-31 is later than today (2025-06-30): an answer cannot be checked in the future.'],
  ['2205-01-01', '2205-01-01 is later than today (2025-06-30): an answer cannot be checked in the future.'],
  ['9999-99-99', '9999-99-99 is not a day: months run from 01 to 12.'],
  ['2024-02-30', '2024-02-30 is not a day: February 2024 has 29 days.'],
  ['2023-02-29', '2023-02-29 is not a day: February 2023 has 28 days.'],
  ['2024-04-31', '2024-04-31 is not a day: April 2024 has 30 days.'],
  ['2024-05-00', '2024-05-00 is not a day: the days of a month run from 01.'],
  ['2024-13', '2024-13 is not a day: months run from 01 to 12.'],
  ['2025-07', '2025-07 is later than today (2025-06-30): an answer cannot be checked in the future.'],
];

describe('dates: As of lines and reviewed: that name no day, or a later one', () => {
  for (const [date, message] of WRONG) {
    it(`reports "As of ${date}" as invalid-date at the date, and dates the answer as if it had no As of line`, () => {
      const index = indexed(note(`As of ${date}`));
      assert.deepEqual(
        dateFindings(index).map((f) => [f.severity, f.message, f.range]),
        [['warning', message, at(6, 6, 6 + date.length)]],
      );
      assert.deepEqual([authEvidence(index)?.asOf, authEvidence(index)?.asOfFrom], [null, null], 'undated, not fresh forever');
      const reviewed = indexed(note(`*As of: ${date}*`, '---\nreviewed: 2025-01-01\n---\n'));
      assert.deepEqual(
        dateFindings(reviewed).map((f) => f.range),
        [at(9, 8, 8 + date.length)],
      );
      assert.deepEqual(
        [authEvidence(reviewed)?.asOf, authEvidence(reviewed)?.asOfFrom, authEvidence(reviewed)?.stale],
        ['2025-01-01', 'front-matter', true],
        'dated by reviewed: instead',
      );
      assert.ok(reviewed.findings(NOTE).some((f) => f.code === 'stale-answer'));
    });
  }

  it('takes a paragraph that is only an impossible As of line for a date, not for an answer', () => {
    const index = indexed('# Django\n\n## Auth, security, and rate limiting\n\nAs of 2024-02-30\n');
    assert.equal(index.productCoverage({ categoryId: 'web', productId: 'django' }).axes[1].status, 'empty');
    assert.equal(dateFindings(index).length, 1);
  });

  it('dates an answer by a later As of line of the section when its first names no day', () => {
    const index = indexed(note('As of 2205-01-01\n\nAs of 2025-01-01'));
    assert.deepEqual([authEvidence(index)?.asOf, authEvidence(index)?.asOfFrom], ['2025-01-01', 'marker']);
    assert.equal(dateFindings(index).length, 1);
  });

  it('accepts every real day up to today: leap days, years 0000 to 0099, a month alone, today itself', () => {
    for (const [written, day] of [
      ['2024-02-29', '2024-02-29'],
      ['2000-02-29', '2000-02-29'],
      ['0000-02-29', '0000-02-29'],
      ['0050-01-01', '0050-01-01'],
      ['0099-12-31', '0099-12-31'],
      ['2024-03', '2024-03-01'],
      [TODAY, TODAY],
      ['2025-06', '2025-06-01'],
    ]) {
      const index = indexed(note(`As of ${written}`));
      assert.deepEqual(dateFindings(index), [], written);
      assert.equal(authEvidence(index)?.asOf, day, written);
      assert.equal(parseDay(written), day, written);
    }
    assert.equal(parseDay('1900-02-29'), undefined, 'not a leap year');
    assert.equal(parseDay('0100-02-29'), undefined, 'not a leap year');
  });

  it('reports a reviewed: that names no day, or a later one, at its value, and then ignores it', () => {
    const cases: ReadonlyArray<[string, string]> = [
      ['2024-02-30', '2024-02-30 is not a day: February 2024 has 29 days.'],
      ['2205-01-01', '2205-01-01 is later than today (2025-06-30): an answer cannot be checked in the future.'],
      ['last week', '"reviewed" must be one day, YYYY-MM-DD.'],
    ];
    for (const [value, message] of cases) {
      const index = indexed(
        `---\nreviewed: ${value}\n---\n# Django\n\n## Auth, security, and rate limiting\n\nSessions [docs](https://docs.example.com/auth).\n`,
      );
      assert.deepEqual(
        dateFindings(index).map((f) => [f.message, f.range]),
        [[message, at(1, 10, 10 + value.length)]],
        value,
      );
      assert.equal(authEvidence(index)?.asOf, null, value);
    }
  });
});

describe('dates: check and --as-of', () => {
  async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, '/', { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it('lists each impossible or later As of date as an invalid-date warning, in JSON and text, and counts those answers as undated', async () => {
    const notes = Object.fromEntries(
      WRONG.map(([date], i) => [`research/n${i}.md`, `---\nproduct: django\n---\n${note(`As of ${date}`)}`]),
    );
    const folder = tempFolder({ 'competitor-scope.yaml': FRESH_90, ...notes });
    const { code, stdout } = await run('check', folder, '--format', 'json', '--max-missing', '99', '--as-of', TODAY, '--no-git');
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    const found = report.findings.filter((f: { code: string }) => f.code === 'invalid-date');
    assert.deepEqual(
      found,
      WRONG.map(([, message], i) => ({
        file: `research/n${i}.md`,
        line: 10,
        column: 7,
        severity: 'warning',
        code: 'invalid-date',
        message,
      })),
    );
    const auth = report.products
      .find((p: { product: string }) => p.product === 'django')
      .axes.find((a: { axis: string }) => a.axis === 'auth-security-and-rate-limiting');
    assert.deepEqual([auth.status, auth.asOf, auth.stale], ['answered', null, false]);
    const text = await run('check', folder, '--max-missing', '99', '--as-of', TODAY, '--no-git');
    assert.ok(
      text.stdout.includes('research/n3.md:10:7: warning invalid-date 2024-02-30 is not a day: February 2024 has 29 days.\n'),
      text.stdout,
    );
  });

  it('takes --as-of 0050-01-01 as that day, and refuses --as-of 2024-02-30 saying why', async () => {
    const folder = tempFolder({ 'competitor-scope.yaml': FRESH_90, 'research/django.md': note('As of 0049-01-01') });
    const early = await run('check', folder, '--format', 'json', '--max-missing', '99', '--as-of', '0050-01-01', '--no-git');
    assert.equal(early.code, 0, early.stderr);
    const stale = JSON.parse(early.stdout).findings.find((f: { code: string }) => f.code === 'stale-answer');
    assert.match(stale?.message ?? '', /is 365 days old \(as of 0049-01-01/);
    const impossible = await run('check', folder, '--as-of', '2024-02-30');
    assert.equal(impossible.code, 2);
    assert.match(impossible.stderr, /--as-of must be a day, YYYY-MM-DD, not "2024-02-30": February 2024 has 29 days\./);
  });
});
