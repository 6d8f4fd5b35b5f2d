import * as assert from 'node:assert/strict';
import { comparePictures, comparisonSteps } from '../../src/core/history/pictureChange';
import { AnsweredAxis } from '../../src/core/index/coverage';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseScope } from '../../src/core/scope/scopeParser';
import { noteFingerprint } from '../../src/git/noteFingerprint';
import { historyNote } from './historyFixtures';

/** A scope with our product and `count` competitors (P0, P1, …) on Pricing and Hosting; `renamed` gets a new name. */
function scopeText(count: number, renamed?: number): string {
  const products = Array.from({ length: count }, (_, i) => `{ id: p${i}, name: ${i === renamed ? 'Renamed' : 'P'}${i} }`);
  return `version: 1\ntitle: T\nsubject: Ours\nfreshness: 100\ncategories:\n  - id: web\n    name: Web\n    goal: G\n    products: [${products.join(', ')}]\n    axes: [{ id: pricing, name: Pricing }, { id: hosting, name: Hosting }]\n`;
}

function point(notes: ReadonlyMap<string, string>, scope: string): NoteIndex {
  const parsed = parseScope(scope);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
  const index = new NoteIndex(parsed.scope, { today: () => '2024-06-01', fingerprint: noteFingerprint });
  for (const [path, text] of notes) index.setNote(path, text);
  return index;
}

/** Every competitor's note and ours, each answering both axes with a score. */
function notesOf(count: number, score: (i: number) => number): Map<string, string> {
  const notes = new Map([['research/ours.md', historyNote('Ours', 'Paid.\n\nScore: 3', 'Cloud.\n\nScore: 3')]]);
  for (let i = 0; i < count; i++) {
    notes.set(`research/p${i}.md`, historyNote(`P${i}`, `Plan ${i}.\n\nScore: ${score(i)}`, `Region ${i}, see https://x.example/${i}.`));
  }
  return notes;
}

/** How many answers' texts a run renders: each reading of an answered cell's section. */
function sectionsRendered(run: () => void): number {
  const getter = Object.getOwnPropertyDescriptor(AnsweredAxis.prototype, 'section')!;
  let rendered = 0;
  Object.defineProperty(AnsweredAxis.prototype, 'section', {
    ...getter,
    get(this: AnsweredAxis) {
      rendered++;
      return getter.get!.call(this);
    },
  });
  try {
    run();
  } finally {
    Object.defineProperty(AnsweredAxis.prototype, 'section', getter);
  }
  return rendered;
}

/** A small deterministic random sequence (a linear congruential generator): the same cases on every run. */
function randomOf(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}

describe('comparing two points renders only the answers of the notes that changed (core/history)', () => {
  it('renders the texts of the changed notes’ cells only, among 200 competitors', () => {
    const scope = scopeText(200);
    const base = point(
      notesOf(200, () => 2),
      scope,
    );
    const headNotes = notesOf(200, () => 2);
    for (const i of [3, 50, 120]) headNotes.set(`research/p${i}.md`, historyNote(`P${i}`, `Plan ${i}, now cheaper.\n\nScore: 4`));
    const head = point(headNotes, scope);
    let change = comparePictures(base, head);
    const rendered = sectionsRendered(() => (change = comparePictures(base, head)));
    // Three notes, two answered axes each, on both sides at most; and when every note counts as changed, every answer.
    assert.ok(rendered <= 12, `rendered ${rendered} answers`);
    assert.ok(rendered > 0);
    assert.deepEqual(change.changes.map((c) => `${c.product.id} ${c.axis.id} ${c.kinds.join(',')}`).sort(), [
      'p120 hosting unanswered',
      'p120 pricing text,score,verdict',
      'p3 hosting unanswered',
      'p3 pricing text,score,verdict',
      'p50 hosting unanswered',
      'p50 pricing text,score,verdict',
    ]);
    const everyNote = sectionsRendered(() => comparePictures(base, head, () => false));
    assert.ok(everyNote >= 197 * 2 * 2, `rendered ${everyNote} answers when every note counts as changed`);
  });

  it('yields after every few changed answers compared, whose texts are rendered then', () => {
    const scope = scopeText(200);
    const headNotes = new Map([...notesOf(200, () => 2)].map(([path, text]) => [path, text.replace('Plan', 'New plan')]));
    const steps = comparisonSteps(
      point(
        notesOf(200, () => 2),
        scope,
      ),
      point(headNotes, scope),
    );
    let yields = 0;
    while (!steps.next().done) yields++;
    // One after each product's row on each side (ours too), then one every 20 cells whose texts are compared.
    assert.ok(yields >= 2 * 201 + 200 / 20, `${yields} steps`);
  });

  it('leaves unread where the scope file places its parts, which the editor finds by parsing the file again', () => {
    const scope = scopeText(3);
    const [base, head] = [
      point(
        notesOf(3, () => 2),
        scope,
      ),
      point(
        notesOf(3, () => 2),
        scope,
      ),
    ];
    for (const part of [head.scope.categories[0], ...head.scope.categories[0].products]) {
      Object.defineProperty(part, 'range', { enumerable: true, get: () => assert.fail('a range was read') });
    }
    assert.equal(
      sectionsRendered(() => assert.deepEqual(comparePictures(base, head).changes, [])),
      0,
    );
  });

  it('flips every competitor’s verdict when only our note changed, rendering our note’s answers only', () => {
    const scope = scopeText(50);
    const base = point(
      notesOf(50, () => 3),
      scope,
    );
    const headNotes = notesOf(50, () => 3);
    headNotes.set('research/ours.md', historyNote('Ours', 'Paid.\n\nScore: 1', 'Cloud.\n\nScore: 3'));
    const head = point(headNotes, scope);
    let change = comparePictures(base, head);
    assert.ok(sectionsRendered(() => (change = comparePictures(base, head))) <= 4);
    assert.equal(change.changes.filter((c) => c.kinds.includes('verdict') && c.verdictBySubject).length, 50);
    assert.deepEqual(
      change,
      comparePictures(base, head, () => false),
    );
  });

  it('gives the same comparison as rendering every answer, on random small cases', () => {
    const random = randomOf(24);
    for (let trial = 0; trial < 60; trial++) {
      const count = 2 + random(5);
      const base = notesOf(count, (i) => 1 + ((i + trial) % 5));
      const head = new Map(base);
      for (let edits = 1 + random(4); edits > 0; edits--) {
        const i = random(count + 1);
        const path = i === count ? 'research/ours.md' : `research/p${i}.md`;
        const title = i === count ? 'Ours' : `P${i}`;
        // Removed, answers changed, moved down a few lines, re-sourced and re-dated, or a second note on the product.
        const edits = [
          () => head.delete(path),
          () => head.set(path, historyNote(title, `Plan ${random(3)}.\n\nScore: ${1 + random(5)}`, 'TODO')),
          () => head.set(path, `# ${title}\n\nA line above.\n\n${base.get(path) ?? historyNote(title, 'New.')}`),
          () => head.set(path, historyNote(title, `Plan, see https://y.example/${random(3)}.\n\nAs of 2023-0${1 + random(9)}-01.`)),
          () => head.set(`research/extra${random(3)}.md`, historyNote(title, `Again ${random(2)}.\n\nScore: ${1 + random(5)}`)),
        ];
        edits[random(edits.length)]();
      }
      const renamed = random(3) === 0 ? random(count) : undefined;
      const [before, after] = [point(base, scopeText(count)), point(head, scopeText(count, renamed))];
      assert.deepEqual(
        comparePictures(before, after),
        comparePictures(before, after, () => false),
        `trial ${trial}`,
      );
    }
  });
});
