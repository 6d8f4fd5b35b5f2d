import * as assert from 'node:assert/strict';
import { changeMarkdown } from '../../src/core/history/changeMarkdown';
import { comparePictures, comparisonSteps, type CellChange } from '../../src/core/history/pictureChange';
import { parseScope } from '../../src/core/scope/scopeParser';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { HISTORY_SCOPE, historyNote } from './historyFixtures';

/** A point in history: the scope and the notes, analyzed as `check` analyzes them, on a fixed day. */
function point(notes: Record<string, string>, scope = HISTORY_SCOPE): NoteIndex {
  const parsed = parseScope(scope);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
  const index = new NoteIndex(parsed.scope, { today: () => '2024-06-01' });
  for (const [path, text] of Object.entries(notes)) index.setNote(path, text);
  return index;
}

function changeOf(changes: readonly CellChange[], product: string, axis: string): CellChange | undefined {
  return changes.find((c) => c.product.id === product && c.axis.id === axis);
}

describe('the change model between two points (core/history)', () => {
  it('lists no cell when nothing changed, and counts the same totals on both sides', () => {
    const notes = { 'research/django.md': historyNote('Django', 'Free.\n\nScore: 3') };
    const { changes, summary, scope } = comparePictures(point(notes), point(notes));
    assert.deepEqual(changes, []);
    assert.deepEqual(scope, { added: [], removed: [], renamed: [] });
    assert.deepEqual(summary.answered, { before: 1, after: 1 });
    assert.equal(summary.changed.cells, 0);
  });

  it('takes no change from git’s line dates, which the editor’s present has and a commit read from objects has not', () => {
    const notes = { 'research/django.md': historyNote('Django', 'Free.\n\nScore: 3') };
    const head = point(notes);
    const lines = notes['research/django.md'].split('\n').map(() => '2024-05-01');
    head.setLineDates('research/django.md', lines);
    assert.equal(head.coverage().find((p) => p.productId === 'django')?.axes[0].evidence?.asOfFrom, 'git');
    assert.deepEqual(comparePictures(point(notes), head).changes, []);
  });

  it('tells every kind of cell change, with before and after', () => {
    const base = point({
      'research/django.md': historyNote('Django', 'Free, see https://a.example/one.\n\nAs of 2024-01-01.\n\nScore: 2', 'Anywhere.'),
      'research/rails.md': historyNote('Rails', 'TODO'),
    });
    const head = point({
      'research/django.md': historyNote('Django', 'Free for all, see https://b.example/two.\n\nAs of 2024-05-01.\n\nScore: 3', 'TODO'),
      'research/rails.md': historyNote('Rails', 'Paid.'),
    });
    const { changes, summary } = comparePictures(base, head);
    const pricing = changeOf(changes, 'django', 'pricing')!;
    assert.deepEqual(pricing.kinds, ['text', 'score', 'sources', 'asOf']);
    assert.deepEqual(pricing.sourcesAdded, ['https://b.example/two']);
    assert.deepEqual(pricing.sourcesRemoved, ['https://a.example/one']);
    assert.equal(pricing.before?.score, 2);
    assert.equal(pricing.after?.score, 3);
    assert.equal(pricing.before?.asOf, '2024-01-01');
    assert.equal(pricing.after?.asOf, '2024-05-01');
    assert.deepEqual(changeOf(changes, 'django', 'hosting')?.kinds, ['unanswered']);
    assert.equal(changeOf(changes, 'django', 'hosting')?.after?.status, 'placeholder');
    assert.deepEqual(changeOf(changes, 'rails', 'pricing')?.kinds, ['answered']);
    assert.equal(changes.length, 3, 'cells without a change are not listed');
    assert.deepEqual(summary.answered, { before: 2, after: 2 });
    assert.deepEqual(summary.changed, { cells: 3, answered: 1, unanswered: 1, verdictFlips: 0, scoreChanges: 1 });
    assert.deepEqual(
      summary.scores.map((s) => [s.product.id, s.before?.value, s.after?.value, s.after?.scored, s.after?.axes]),
      [['django', 2, 3, 1, 2]],
    );
  });

  it('flips a verdict when only our product’s note changed, and says so', () => {
    const django = { 'research/django.md': historyNote('Django', 'Free.\n\nScore: 3') };
    const base = point({ ...django, 'research/ours.md': historyNote('Ours', 'Paid.\n\nScore: 4') });
    const head = point({ ...django, 'research/ours.md': historyNote('Ours', 'Paid.\n\nScore: 2') });
    const { changes, summary } = comparePictures(base, head);
    const flip = changeOf(changes, 'django', 'pricing')!;
    assert.deepEqual(flip.kinds, ['verdict']);
    assert.equal(flip.verdictBySubject, true);
    assert.equal(flip.before?.verdict, 'we-lead');
    assert.equal(flip.after?.verdict, 'they-lead');
    const ours = changeOf(changes, 'ours', 'pricing')!;
    assert.equal(ours.subject, true);
    assert.deepEqual(ours.kinds, ['score']);
    assert.equal(ours.after?.verdict, null, 'our own row has no verdict');
    assert.equal(summary.changed.verdictFlips, 1);
    assert.equal(summary.verdicts.before['we-lead'], 1);
    assert.equal(summary.verdicts.after['they-lead'], 1);
  });

  it('tells a rename (same id, new name) from a removal and an addition; cells follow their ids', () => {
    const notes = { 'research/django.md': historyNote('Django', 'Free.') };
    const renamed = HISTORY_SCOPE.replace('name: Pricing }', 'name: Price and plans }').replace('{ name: Rails }', '{ name: Phoenix }');
    const { changes, scope } = comparePictures(
      point(notes),
      point({ 'research/django.md': '# Django\n\n## Price and plans\n\nFree.\n' }, renamed),
    );
    assert.deepEqual(scope.renamed, [
      { kind: 'axis', category: { id: 'web', name: 'Web' }, id: 'pricing', before: 'Pricing', after: 'Price and plans' },
    ]);
    assert.deepEqual(
      scope.added.map((c) => [c.kind, c.id, c.name]),
      [['product', 'phoenix', 'Phoenix']],
    );
    assert.deepEqual(
      scope.removed.map((c) => [c.kind, c.id, c.name]),
      [['product', 'rails', 'Rails']],
    );
    assert.equal(changeOf(changes, 'django', 'pricing'), undefined, 'the renamed axis keeps its unchanged answer');
    assert.equal(changeOf(changes, 'django', 'hosting'), undefined);
  });

  it('lists a removed axis’s answers as changes with no after, and an added category with no before', () => {
    const base = point({ 'research/django.md': historyNote('Django', 'Free.', 'Heroku.') });
    const head = point(
      { 'research/django.md': '# Django\n\n## Pricing\n\nFree.\n\n## Speed\n\nFast.\n' },
      HISTORY_SCOPE.replace('{ id: hosting, name: Hosting }', '{ id: speed, name: Speed }'),
    );
    const { changes, scope } = comparePictures(base, head);
    const hosting = changeOf(changes, 'django', 'hosting')!;
    assert.deepEqual(hosting.kinds, ['unanswered']);
    assert.equal(hosting.after, null);
    const speed = changeOf(changes, 'django', 'speed')!;
    assert.deepEqual(speed.kinds, ['answered']);
    assert.equal(speed.before, null);
    assert.deepEqual(
      scope.added.map((c) => c.id),
      ['speed'],
    );
    assert.deepEqual(
      scope.removed.map((c) => c.id),
      ['hosting'],
    );
  });

  it('comes in steps, one at least per product, that the editor yields between; to the same result', () => {
    const before = point({ 'research/django.md': historyNote('Django', 'Free.\n\nScore: 3') });
    const after = point({ 'research/django.md': historyNote('Django', 'Paid.\n\nScore: 2') });
    const steps = comparisonSteps(before, after);
    let count = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) count++;
    const products = before.scope.categories.reduce((sum, c) => sum + c.products.length, 0) * 2;
    assert.ok(count >= products, `${count} steps for the ${products} product rows of both sides`);
    assert.deepEqual(next.value, comparePictures(before, after));
  });

  it('shows at most 200 changed cells in Markdown, and counts the others', () => {
    const names = Array.from({ length: 110 }, (_, i) => `P${i}`);
    const scope = HISTORY_SCOPE.replace('[{ name: Django }, { name: Rails }]', `[${names.map((name) => `{ name: ${name} }`).join(', ')}]`);
    const notes = Object.fromEntries(names.map((name) => [`research/${name.toLowerCase()}.md`, historyNote(name, 'Free.', 'Cloud.')]));
    const picture = comparePictures(point({}, scope), point(notes, scope));
    assert.equal(picture.changes.length, 220);
    const markdown = changeMarkdown(picture, { base: 'v1', head: 'the working tree' });
    assert.equal(markdown.split('\n').filter((line) => /^\| P\d/.test(line)).length, 200);
    assert.match(markdown, /\n…and 20 more changed cells, not shown here; `diff --format json` lists every one\.\n$/);
  });
});
