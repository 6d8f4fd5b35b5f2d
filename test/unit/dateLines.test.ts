import * as assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { markReviewedEdit } from '../../src/core/evidence/reviewedEdit';
import { parseNote } from '../../src/core/notes/noteParser';
import { SCOPE_YAML, testScope } from './noteFixtures';
import { growsLinearly } from './helpers';

const TODAY = '2025-06-30';
const NOTE = 'research/django.md';

/** Django's note with an answered, sourced Auth section and `line` under it (line 6). */
const note = (line: string) =>
  `# Django\n\n## Auth, security, and rate limiting\n\nSessions [docs](https://docs.example.com/auth).\n\n${line}\n`;

function indexed(text: string): NoteIndex {
  const index = new NoteIndex(testScope(SCOPE_YAML), { today: () => TODAY });
  index.setNote(NOTE, text);
  return index;
}

const authEvidence = (index: NoteIndex) =>
  index.productCoverage({ categoryId: 'web', productId: 'django' }).axes.find((a) => a.axisId === 'auth-security-and-rate-limiting')
    ?.evidence;
const dateCodes = (index: NoteIndex) =>
  index
    .findings(NOTE)
    .filter((f) => f.code === 'invalid-date' || f.code === 'unread-date')
    .map((f) => [f.code, f.range.start.character, f.range.end.character]);

/** A date line as people write it, the day it reads as, and where its date stands on the line. */
const READ: ReadonlyArray<[string, string, number, number]> = [
  ['As of 2025-03-05', '2025-03-05', 6, 16],
  ['As of: 2025-03', '2025-03-01', 7, 14],
  ['As of March 2025', '2025-03-01', 6, 16],
  ['As of 5 March 2025', '2025-03-05', 6, 18],
  ['As of March 5, 2025', '2025-03-05', 6, 19],
  ['As of Mar 5th, 2025.', '2025-03-05', 6, 19],
  ['As of 5 Sept. 2024', '2024-09-05', 6, 18],
  ['as of 05 jun 2025', '2025-06-05', 6, 17],
  ['Last checked: 2025-05-01', '2025-05-01', 14, 24],
  ['Checked 2025-05', '2025-05-01', 8, 15],
  ['Updated: 2025-05-01', '2025-05-01', 9, 19],
  ['Last updated 1 May 2025', '2025-05-01', 13, 23],
  ['Verified: May 2025', '2025-05-01', 10, 18],
  ['Reviewed on', '', 0, 0], // not a date line: prose
  ['*As of: 2025-02*', '2025-02-01', 8, 15],
  ['**Last checked:** 2025-05-01', '2025-05-01', 18, 28],
  ['_Updated 12 *May* 2025_', '2025-05-12', 9, 22],
  ['> As of 2025-03-05', '2025-03-05', 8, 18],
  ['- Checked: [2025-05-01](https://example.com/changelog)', '2025-05-01', 12, 22],
];

/** Date lines whose date is not read: a hint, and the answer dated as if they were not there. */
const UNREAD: ReadonlyArray<[string, number, number]> = [
  ['As of Q3 2025', 6, 13],
  ['Last checked: 2025/05/01', 14, 24],
  ['Updated: 1st of May 2025', 9, 24],
  ['As of 2025-5-1', 6, 14],
  ['Last checked:', 13, 13],
  ['**Verified:** Mayo 2025', 14, 23],
];

/** Lines that start like a date line but are prose: neither read nor hinted. */
const PROSE = [
  'As of now, sessions are the only option.',
  'Updated the pricing page in 2024 to add SSO and SCIM.',
  'Checked: SSO and SCIM',
  'Reviewed by the security team',
  'Score: 3',
];

describe('dates: date lines as people write them', () => {
  for (const [line, day, start, end] of READ) {
    it(`reads "${line}"${day ? ` as ${day}` : ' as prose'}`, () => {
      const index = indexed(note(line));
      const evidence = authEvidence(index);
      if (day === '') {
        assert.equal(evidence?.asOfFrom, null);
        assert.deepEqual(dateCodes(index), []);
        return;
      }
      assert.deepEqual([evidence?.asOf, evidence?.asOfFrom], [day, 'marker']);
      assert.deepEqual(dateCodes(index), []);
      const parsed = parseNote(note(line));
      const { range } = parsed.headings[1].own.markers[0];
      assert.deepEqual([range.start.line, range.start.character, range.end.character], [6, start, end]);
    });
  }

  for (const [line, start, end] of UNREAD) {
    it(`gives "${line}" an unread-date hint at its date, and dates the answer without it`, () => {
      const index = indexed(note(line));
      assert.deepEqual(dateCodes(index), [['unread-date', start, end]]);
      const hint = index.findings(NOTE).find((f) => f.code === 'unread-date');
      assert.equal(hint?.severity, 'hint');
      assert.match(hint?.message ?? '', /so it dates nothing: write it as 2025-03-05, 2025-03, 5 March 2025/);
      assert.equal(authEvidence(index)?.asOfFrom, null);
    });
  }

  it('reads a date that opens an answer on its line, and takes the line for the answer', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    for (const line of [
      'As of 2025-05-01: sessions, per https://example.com/auth.',
      `As of March 5, 2025, sessions and ${words}.`,
      '**Last checked 2025-05:** sessions only',
    ]) {
      const index = new NoteIndex(testScope(SCOPE_YAML), { today: () => TODAY });
      index.setNote(NOTE, `# Django\n\n## Auth, security, and rate limiting\n\n${line}\n`);
      const axis = index
        .productCoverage({ categoryId: 'web', productId: 'django' })
        .axes.find((a) => a.axisId === 'auth-security-and-rate-limiting');
      assert.equal(axis?.status, 'answered', line);
      assert.equal(axis?.evidence?.asOfFrom, 'marker', line);
      assert.deepEqual(dateCodes(index), [], line);
    }
  });

  it('takes none of the prose lines that start like a date line for one', () => {
    for (const line of PROSE) assert.deepEqual(dateCodes(indexed(note(line))), [], line);
  });

  it('keeps an impossible day invalid-date, whatever form it is written in', () => {
    for (const line of ['As of 2025-02-30', 'As of 30 February 2025', 'Last checked: Feb 29, 2025', 'Updated 2025-13']) {
      const index = indexed(note(line));
      assert.deepEqual(
        dateCodes(index).map(([code]) => code),
        ['invalid-date'],
        line,
      );
    }
    const [invalid] = indexed(note('As of 30 February 2025'))
      .findings(NOTE)
      .filter((f) => f.code === 'invalid-date');
    assert.equal(invalid.message, '30 February 2025 is not a day: February 2025 has 28 days.');
  });

  it('marks a section reviewed today by writing the day in place of the date, whatever its form, keeping the label', () => {
    for (const [line, marked] of [
      ['**Last checked:** 5 March 2025', `**Last checked:** ${TODAY}`],
      ['As of Q3 2025', `As of ${TODAY}`],
      ['Last checked:', `Last checked: ${TODAY}`],
    ]) {
      const text = note(line);
      const edit = markReviewedEdit(parseNote(text), 1, TODAY, (n) => text.split('\n')[n]);
      const lines = text.split('\n');
      const at = lines[6];
      lines[6] = at.slice(0, edit.range.start.character) + edit.newText + at.slice(edit.range.end.character);
      assert.equal(lines[6], marked, line);
    }
  });
});

describe('dates: date lines beside other lines', () => {
  it('reads a score line and a date line in one paragraph, and keeps both out of the answer text', () => {
    const index = indexed(note('**Score:** 3\n*As of: March 2025*').replace('Sessions [docs](https://docs.example.com/auth).\n\n', ''));
    const auth = index.productCoverage({ categoryId: 'web', productId: 'django' }).axes[1];
    assert.deepEqual([auth.status, auth.evidence?.asOf, auth.excerpt], ['answered', '2025-03-01', undefined]);
    const withText = indexed(
      note('Sessions.\nLast checked: 5 May 2025').replace('Sessions [docs](https://docs.example.com/auth).\n\n', ''),
    );
    const answer = withText.productCoverage({ categoryId: 'web', productId: 'django' }).axes[1];
    assert.deepEqual([answer.evidence?.asOf, answer.excerpt], ['2025-05-05', 'Sessions.']);
  });
});

describe('dates and scores: notes of countless or endless labelled lines', () => {
  it('reads them in time linear in their length, and a long line or one past the budget by its plain form', () => {
    const lines = (count: number) => note('As of **x** 5 March 2025 _y_ [z](https://a.b)\n**Score:** *3*/4 score\n'.repeat(count).trim());
    growsLinearly(lines, (text) => parseNote(text), 1000);
    const long = (length: number) => note(`As of ${'*a '.repeat(length)}\n\nScore: ${'[a'.repeat(length)}`);
    growsLinearly(long, (text) => parseNote(text), 10_000);
    // Past the note's budget for reading lines as a reader sees them, a plain date line still counts.
    const filler = `## Testing strategy and coverage expectations\n\n${'*As of: 2025-01*\n\n'.repeat(4000)}`;
    const index = indexed(
      `# Django\n\n${filler}## Auth, security, and rate limiting\n\nSessions.\n\n*As of 2025-03-01*\n\nAs of 2025-04-01\n`,
    );
    assert.equal(authEvidence(index)?.asOf, '2025-04-01');
  });
});
