import * as assert from 'node:assert/strict';
import { noteHover } from '../../src/core/assist/noteHover';
import { ageLabel, parseDay } from '../../src/core/dates';
import { markReviewedEdit } from '../../src/core/evidence/reviewedEdit';
import { sectionSources } from '../../src/core/evidence/sectionEvidence';
import type { Finding } from '../../src/core/notes/findings';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/noteParser';
import { SCOPE_YAML, testScope } from './noteFixtures';

const AUTH = 'auth-security-and-rate-limiting';
const TODAY = '2025-06-30';

function index(notes: Record<string, string>, yaml = SCOPE_YAML): NoteIndex {
  const result = new NoteIndex(testScope(yaml), { today: () => TODAY });
  for (const [path, text] of Object.entries(notes)) result.setNote(path, text);
  return result;
}

function authOf(notes: NoteIndex) {
  return notes.productCoverage({ categoryId: 'web', productId: 'django' }).axes.find((a) => a.axisId === AUTH);
}

function finding(notes: NoteIndex, code: Finding['code']): Finding | undefined {
  return notes.findings('research/django.md').find((f) => f.code === code);
}

/** The scope with `lines` added at the top level, or under the first category or its Auth axis. */
function scopeWith(where: 'top' | 'category' | 'axis', line: string): string {
  if (where === 'top') return SCOPE_YAML.replace('categories:\n', `${line}\ncategories:\n`);
  if (where === 'category') return SCOPE_YAML.replace('    goal: Compare.\n', `    goal: Compare.\n    ${line}\n`);
  return SCOPE_YAML.replace(
    '      - name: Auth, security, and rate limiting\n',
    `      - name: Auth, security, and rate limiting\n        ${line}\n`,
  );
}

const section = (body: string) =>
  `# Django\n\n## Auth, security, and rate limiting\n\n${body}\n\n## Testing strategy and coverage expectations\n\nUnit tests [docs](https://docs.example.com/testing).\n`;

describe('evidence: sources', () => {
  it('counts inline, reference and auto links, bare URLs and footnotes, each URL once', () => {
    const note = parseNote(`## Auth, security, and rate limiting

Sessions [docs](https://a.example/one) and [the guide][guide], see <https://b.example/two> and https://c.example/three.
Again [docs](https://a.example/one), and a footnote[^1] and a bare one[^bare].

### Deeper

More at [x](http://d.example/four).

## Testing strategy and coverage expectations

[guide]: https://e.example/five "The guide"
[^1]: The vendor's page, https://f.example/six (2025).
[^bare]: https://g.example/seven
`);
    assert.deepEqual(sectionSources(note, 0), [
      'https://a.example/one',
      'https://e.example/five',
      'https://b.example/two',
      'https://c.example/three',
      'https://f.example/six',
      'https://g.example/seven',
      'http://d.example/four',
    ]);
    assert.deepEqual(sectionSources(note, 2), [], 'definitions count where they are cited, not where they stand');
  });

  it('does not count links in code, other schemes, images or URLs without a scheme', () => {
    const note = parseNote(
      '## A\n\n`https://code.example` and mailto:x@example.com, ftp://f.example, www.example.com and ![img](https://img.example/x.png).\n\n```\nhttps://fence.example\n```\n\n    https://indented.example\n',
    );
    assert.deepEqual(sectionSources(note, 0), []);
  });

  it('reports an answered section without sources as unsourced: information, a warning where evidence is required', () => {
    const optional = index({ 'research/django.md': section('Sessions and CSRF.') });
    assert.equal(authOf(optional)?.evidence?.sources.length, 0);
    assert.equal(finding(optional, 'unsourced-answer')?.severity, 'information');
    assert.equal(optional.summary().unsourced, 1);
    const required = index({ 'research/django.md': section('Sessions and CSRF.') }, scopeWith('axis', 'evidence: required'));
    assert.equal(finding(required, 'unsourced-answer')?.severity, 'warning');
    assert.match(finding(required, 'unsourced-answer')?.message ?? '', /cites no source.*requires one/);
    const sourced = index(
      { 'research/django.md': section('Sessions [docs](https://docs.example.com/auth).') },
      scopeWith('axis', 'evidence: required'),
    );
    assert.equal(finding(sourced, 'unsourced-answer'), undefined);
    // Unanswered sections are another finding's business.
    assert.equal(finding(index({ 'research/django.md': section('TODO') }), 'unsourced-answer'), undefined);
  });
});

describe('evidence: as-of dates and staleness', () => {
  it('reads As of lines (with a colon, a month, emphasis) before the front matter, and the front matter before nothing', () => {
    const marker = index({ 'research/django.md': `---\nreviewed: 2025-01-01\n---\n${section('Sessions.\n\n*As of: 2024-03*')}` });
    assert.deepEqual([authOf(marker)?.evidence?.asOf, authOf(marker)?.evidence?.asOfFrom], ['2024-03-01', 'marker']);
    const reviewed = index({ 'research/django.md': `---\nreviewed: 2025-01-01\n---\n${section('Sessions.')}` });
    assert.deepEqual(
      [authOf(reviewed)?.evidence?.asOf, authOf(reviewed)?.evidence?.asOfFrom, authOf(reviewed)?.evidence?.ageDays],
      ['2025-01-01', 'front-matter', 180],
    );
    const none = index({ 'research/django.md': section('Sessions.') });
    assert.deepEqual([authOf(none)?.evidence?.asOf, authOf(none)?.evidence?.asOfFrom, authOf(none)?.evidence?.stale], [null, null, false]);
    assert.equal(parseDay('2025-02-30'), undefined);
  });

  it('does not count a paragraph of As of lines as an answer', () => {
    const notes = index({ 'research/django.md': section('As of 2025-06-01') });
    assert.equal(authOf(notes)?.status, 'empty');
  });

  it('reports stale answers by the nearest freshness limit: axis over category over scope', () => {
    const note = { 'research/django.md': section('Sessions [docs](https://docs.example.com/auth).\n\nAs of 2025-03-01') };
    assert.equal(finding(index(note), 'stale-answer'), undefined, 'no limit by default');
    const top = index(note, scopeWith('top', 'freshness: 90'));
    const stale = finding(top, 'stale-answer');
    assert.equal(stale?.severity, 'warning');
    assert.equal(
      stale?.message,
      'The answer to "Auth, security, and rate limiting" is 121 days old (as of 2025-03-01, from its As of line); answers to it stay fresh for 90 days.',
    );
    assert.equal(top.summary().stale, 1);
    assert.equal(authOf(top)?.evidence?.stale, true);
    assert.equal(
      finding(
        index(note, scopeWith('top', 'freshness: 90').replace('    goal: Compare.\n', '    goal: Compare.\n    freshness: 200\n')),
        'stale-answer',
      ),
      undefined,
      'the category wins over the scope',
    );
    assert.ok(
      finding(
        index(
          note,
          scopeWith('category', 'freshness: 200').replace(
            '      - name: Auth, security, and rate limiting\n',
            '      - name: Auth, security, and rate limiting\n        freshness: 30\n',
          ),
        ),
        'stale-answer',
      ),
      'the axis wins over the category',
    );
    assert.equal(
      finding(index(note, scopeWith('axis', 'freshness: 0').replace('categories:\n', 'freshness: 30\ncategories:\n')), 'stale-answer'),
      undefined,
      '0 on the axis means no limit',
    );
  });

  it('says "1 day", not "1 days", in the stale-answer warning and the heading’s hover', () => {
    const notes = index(
      { 'research/django.md': section('Sessions [docs](https://docs.example.com/auth).\n\nAs of 2025-06-28') },
      scopeWith('top', 'freshness: 1'),
    );
    assert.match(finding(notes, 'stale-answer')?.message ?? '', /is 2 days old .*; answers to it stay fresh for 1 day\.$/);
    const analysis = notes.note('research/django.md')!;
    const hover = noteHover(
      analysis,
      notes.scope,
      { line: 2, character: 6 },
      (t) => notes.productCoverage(t),
      (s) => notes.evidence(analysis, s),
    );
    assert.equal(
      hover?.paragraphs.at(-2),
      'As of 2025-06-28 (2 days ago, from its As of line). Answers stay fresh for 1 day: this one is stale.',
    );
  });

  it('dates a section by the latest git day of its lines, a line git has no day for being today', () => {
    const text = section('Sessions [docs](https://docs.example.com/auth).');
    const notes = index({ 'research/django.md': text }, scopeWith('top', 'freshness: 100'));
    const lines = text.split('\n').map((_, i) => (i < 8 ? '2024-01-10' : '2025-06-01'));
    assert.deepEqual(notes.setLineDates('research/django.md', lines), ['research/django.md']);
    assert.deepEqual(
      [authOf(notes)?.evidence?.asOf, authOf(notes)?.evidence?.asOfFrom, authOf(notes)?.evidence?.stale],
      ['2024-01-10', 'git', true],
    );
    assert.ok(finding(notes, 'stale-answer'));
    notes.setLineDates('research/django.md', lines.slice(0, 4));
    assert.equal(authOf(notes)?.evidence?.asOf, TODAY, 'lines past the dated ones are uncommitted edits');
  });

  it('labels ages as a cell shows them', () => {
    assert.deepEqual([0, 3, 20, 95, 800].map(ageLabel), ['today', '3 d', '2 wk', '3 mo', '2 yr']);
  });
});

describe('evidence: Mark as reviewed today', () => {
  const apply = (text: string, headingIndex = 0) => {
    const lines = text.split('\n');
    const edit = markReviewedEdit(parseNote(text), headingIndex, TODAY, (line) => lines[line] ?? '');
    const offset = (p: { line: number; character: number }) =>
      lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
    return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
  };

  it('adds an As of line under the heading, keeping every line, and then only updates it', () => {
    const text = '## Auth\n\nSessions.\n\n## Next\n\nMore.\n';
    const once = apply(text);
    assert.equal(once, `## Auth\n\nAs of ${TODAY}\n\nSessions.\n\n## Next\n\nMore.\n`);
    assert.equal(apply(once), once, 'idempotent');
    assert.equal(apply('## Auth\nSessions.\n'), `## Auth\n\nAs of ${TODAY}\n\nSessions.\n`);
    assert.equal(apply('Auth\n====\n\nSessions.'), `Auth\n====\n\nAs of ${TODAY}\n\nSessions.`);
    assert.equal(apply('## Auth'), `## Auth\n\nAs of ${TODAY}\n`);
  });

  it('replaces only the day of an existing As of line, wherever it is in the section', () => {
    assert.equal(apply('## Auth\n\nSessions.\n\n_As of: 2023-01_\n'), `## Auth\n\nSessions.\n\n_As of: ${TODAY}_\n`);
  });
});
