import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { answerPlace, planReviewed, planScore, planUpdate, type AnswerPlace } from '../../src/core/brief/answerEdits';
import { compareProducts, staleAnswers } from '../../src/core/brief/answerTables';
import { searchNotes } from '../../src/core/brief/noteSearch';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { battlecardCategoryRefusal } from '../../src/core/matrix/indexMatrix';
import { findSection } from '../../src/core/notes/scopeLookup';
import { growsLinearly } from './helpers';
import { testScope } from './noteFixtures';
import { RESEARCH_SCOPE as SCOPE } from './researchFixtures';

const DJANGO = `---
product: django
---

# Django

## Pricing

As of 2026-01-10

Free and open source, BSD licence. [site](https://djangoproject.com)

Score: 4

### Details

Commercial support from partners.

## Support

As of 2025-01-05

Community forum. [forum](https://forum.djangoproject.com)
`;
const FLASK = '---\nproduct: flask\ncategory: web\n---\n\n# Flask\n\n## Pricing\n\nAs of 2024-06-01\n\nFree. Score: 2\n';
const LOOSE = '# Meeting notes\n\nThe pricing of Django came up; nobody knew the LICENCE terms.\n';

function index(notes: Record<string, string> = { 'django.md': DJANGO, 'flask.md': FLASK, 'loose.md': LOOSE }): NoteIndex {
  const built = new NoteIndex(testScope(SCOPE), { today: () => '2026-03-01' });
  for (const [path, text] of Object.entries(notes)) built.setNote(path, text);
  return built;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

function place(built: NoteIndex, product: string, axis: string, category?: string): AnswerPlace {
  const found = findSection(built.scope, product, axis, category);
  assert.ok(found.ok);
  const answer = answerPlace(built, found.value.target, found.value.axis, product);
  assert.ok(answer.ok, answer.ok ? '' : answer.message);
  return answer.value;
}

describe('agent research tools: search, stale answers, comparisons', () => {
  it('searches every note, linked or not, case-insensitively, with heading, axis and product', () => {
    const built = index();
    const notes: Record<string, string> = { 'django.md': DJANGO, 'flask.md': FLASK, 'loose.md': LOOSE };
    const found = searchNotes(built, (p) => notes[p], { query: 'licence', match: 'phrase', limit: 10, after: 0 });
    assert.deepEqual(
      found.hits.map((h) => [h.file, h.line, h.heading, h.axis?.name ?? null, h.products.map((p) => p.id)]),
      [
        ['django.md', 11, 'Pricing', 'Pricing', ['django']],
        ['loose.md', 3, 'Meeting notes', null, []],
      ],
    );
    const inDetails = searchNotes(built, (p) => notes[p], { query: 'partners COMMERCIAL', match: 'words', limit: 10, after: 0 });
    assert.deepEqual(
      inDetails.hits.map((h) => [h.line, h.heading, h.axis?.name]),
      [[17, 'Details', 'Pricing']],
    );
  });

  it('pages the hits with a cursor, and no match is counted twice or left out', () => {
    const notes: Record<string, string> = { 'django.md': DJANGO, 'flask.md': FLASK, 'loose.md': LOOSE };
    const built = index();
    const first = searchNotes(built, (p) => notes[p], { query: 'free', match: 'phrase', limit: 1, after: 0 });
    assert.equal(first.next, 1);
    const second = searchNotes(built, (p) => notes[p], { query: 'free', match: 'phrase', limit: 1, after: 1 });
    assert.equal(second.next, null);
    assert.deepEqual(
      [...first.hits, ...second.hits].map((h) => h.file),
      ['django.md', 'flask.md'],
    );
  });

  it('searches in time linear in the notes', () => {
    const notesOf = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`n${i}.md`, `# N${i}\n\n## Pricing\n\nfree ${i}\n`]));
    growsLinearly(
      (n) => ({ notes: notesOf(n), built: index(notesOf(n)) }),
      ({ notes, built }) => searchNotes(built, (p) => notes[p], { query: 'free', match: 'phrase', limit: 100, after: 0 }),
      200,
    );
  });

  it('lists the answers past their freshness, oldest first, with their place and age', () => {
    const stale = staleAnswers(index(), {});
    assert.ok(stale.ok);
    assert.deepEqual(
      stale.value.map((s) => [s.product, s.axis, s.file, s.line, s.asOf, s.ageDays, s.freshnessDays]),
      [
        ['django', 'Support', 'django.md', 19, '2025-01-05', 420, 100],
        ['flask', 'Pricing', 'flask.md', 8, '2024-06-01', 638, 100],
      ].sort((a, b) => Number(b[5]) - Number(a[5])),
    );
  });

  it('compares products in their shared category, a citation in each cell; several shared categories are an error naming them', () => {
    const table = compareProducts(index(), { products: ['Django', 'flask'], axes: ['pricing', 'Support'] });
    assert.ok(table.ok, table.ok ? '' : table.message);
    assert.equal(table.value.category.id, 'web');
    const [django, flask] = table.value.rows;
    assert.deepEqual(django.cells[0], {
      axis: 'Pricing',
      status: 'answered',
      file: 'django.md',
      line: 7,
      excerpt: django.cells[0].excerpt,
      score: 4,
      sources: ['https://djangoproject.com/'],
      asOf: '2026-01-10',
      stale: false,
    });
    assert.equal(flask.cells[1].status, 'missing');
    const ambiguous = compareProducts(index(), { products: ['Flask'] });
    assert.ok(!ambiguous.ok);
    assert.match(ambiguous.message, /several categories \(web, api\).*category argument/);
  });

  it('refuses a battlecard for a competitor in several categories, naming them and the category argument', () => {
    const refusal = battlecardCategoryRefusal(index().scope, 'Flask', undefined, 'the category argument');
    assert.match(refusal ?? '', /web \(Web\), api \(APIs\); choose one with the category argument/);
    assert.equal(battlecardCategoryRefusal(index().scope, 'Flask', 'api', 'the category argument'), undefined);
  });
});

describe('agent research tools: writers keep the team text', () => {
  it('set_score replaces the first Score line, keeps every other line, and does nothing the second time', () => {
    const built = index();
    const scored = planScore(built, place(built, 'Django', 'Pricing'), DJANGO, 2, sha);
    assert.ok(scored.ok && !scored.value.unchanged);
    assert.equal(scored.value.text, DJANGO.replace('Score: 4', 'Score: 2/4'));
    const again = planScore(built, place(built, 'Django', 'Pricing'), scored.value.text, 2, sha);
    assert.ok(again.ok && again.value.unchanged);
    const asWritten = planScore(built, place(built, 'Django', 'Pricing'), DJANGO, 4, sha);
    assert.ok(asWritten.ok && asWritten.value.unchanged, 'the same score, written "Score: 4", stays as the team wrote it');
  });

  it('set_score adds a Score line to an answer without one, and refuses a score off the scale', () => {
    const built = index();
    const added = planScore(built, place(built, 'Django', 'Support'), DJANGO, 3, sha);
    assert.ok(added.ok);
    assert.equal(added.value.text, `${DJANGO}\nScore: 3/4\n`);
    const off = planScore(built, place(built, 'Django', 'Support'), DJANGO, 9, sha);
    assert.ok(!off.ok);
    assert.match(off.message, /0 to 4.*Nothing was written/);
  });

  it('mark_reviewed dates the answer today, once', () => {
    const built = index();
    const marked = planReviewed(built, place(built, 'Django', 'Support'), DJANGO, sha);
    assert.ok(marked.ok);
    assert.equal(marked.value.text, DJANGO.replace('As of 2025-01-05', 'As of 2026-03-01'));
    const again = planReviewed(built, place(built, 'Django', 'Support'), marked.value.text, sha);
    assert.ok(again.ok && again.value.unchanged);
  });

  it('update_answer replaces the answer given its current hash, keeps its deeper section, and refuses a stale hash naming the current one', () => {
    const built = index();
    const where = place(built, 'Django', 'Pricing');
    const current = 'As of 2026-01-10\n\nFree and open source, BSD licence. [site](https://djangoproject.com)\n\nScore: 4';
    const stale = planUpdate(built, where, DJANGO, 'Paid plans only.', 'not-the-hash', sha);
    assert.ok(!stale.ok);
    assert.ok(stale.message.includes(`its hash is now ${sha(current)}`), stale.message);
    const updated = planUpdate(built, where, DJANGO, 'Paid plans only. [p](https://example.com/p)', sha(current), sha);
    assert.ok(updated.ok, updated.ok ? '' : updated.message);
    assert.equal(updated.value.text, DJANGO.replace(`${current}\n`, 'As of 2026-03-01\n\nPaid plans only. [p](https://example.com/p)\n'));
    assert.ok(updated.value.text.includes('### Details\n\nCommercial support from partners.'));
    const again = planUpdate(built, where, updated.value.text, 'Paid plans only. [p](https://example.com/p)', sha(current), sha);
    assert.ok(again.ok && again.value.unchanged);
  });

  it('refuses to edit an axis with no answer yet', () => {
    const built = index();
    const found = findSection(built.scope, 'Django', 'Hosting');
    assert.ok(found.ok);
    const none = answerPlace(built, found.value.target, found.value.axis, 'Django');
    assert.ok(!none.ok);
    assert.match(none.message, /no answer to "Hosting" yet.*nothing was written/);
  });
});
