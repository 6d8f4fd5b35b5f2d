import * as assert from 'node:assert/strict';
import { planSectionWrite } from '../../src/core/brief/sectionWrite';
import { MAX_NOTE_BYTES } from '../../src/core/notes/decodeNote';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { indexOf, statusOf, testScope } from './noteFixtures';

const PATH = 'research/django.md';
const web = { categoryId: 'web', productId: 'django' };
const ARCHITECTURE = 'architecture-guidance-and-opinionation';
const AUTH = 'auth-security-and-rate-limiting';
const TESTING = 'testing-strategy-and-coverage-expectations';

/** Architecture is a placeholder, Auth (the "Support" of the issue) answered after it, Testing missing. */
const NOTE =
  '---\nproduct: django\ncategory: web\n---\n\n# Django\n\n## Architecture guidance and opinionation\n\nTODO\n\n## Auth, security, and rate limiting\n\nSessions and CSRF built in.\n';

function plan(note: string, axisId: string, answer: string) {
  return planSectionWrite(indexOf({ [PATH]: note }), web, axisId, answer, (p) => (p === PATH ? note : undefined));
}

describe('writing a section for an agent: text that would hide or fake other sections', () => {
  for (const [what, answer] of [
    ['an unclosed code fence', 'Opinionated.\n\n```python\nINSTALLED_APPS = [...]'],
    ['an unclosed tilde fence', '~~~\nlayout'],
    ['an unclosed HTML comment', 'Opinionated. <!-- check\n\n<!-- with sales'],
    ['an unclosed <pre>', '<pre>\nraw output'],
  ] as const) {
    it(`refuses text that ends inside ${what}, which would swallow the answered section after it`, () => {
      const refused = plan(NOTE, ARCHITECTURE, answer);
      assert.ok(!refused.ok, 'refused');
      assert.match(refused.message, /leaves .* open/);
      assert.equal(statusOf(indexOf({ [PATH]: NOTE }), 'web', 'django', AUTH), 'answered');
    });
  }

  it("refuses text holding a heading of the section's level or higher, ATX or setext, and accepts deeper ones", () => {
    for (const answer of [
      'Free.\n\n## Architecture guidance and opinionation\n\nInvented claim.',
      'Free.\n\n# Elsewhere',
      'Free.\n\nInvented claim\n---\n\nMore.',
    ]) {
      const refused = plan(NOTE, TESTING, answer);
      assert.ok(!refused.ok, answer);
      assert.match(refused.message, /heading/);
    }
    const nested = plan(NOTE, TESTING, 'Pytest.\n\n### In CI\n\nTox.');
    assert.ok(nested.ok, nested.ok ? '' : nested.message);
  });

  it('refuses text that would change another axis of the note (a deeper heading naming it), and says which', () => {
    const refused = plan(NOTE, ARCHITECTURE, 'One layout.\n\n### Testing strategy and coverage expectations\n\nInvented.');
    assert.ok(!refused.ok);
    assert.match(refused.message, /Testing strategy and coverage expectations/);
  });
});

describe('writing a section for an agent: the note as it is now', () => {
  it('decides on the text read, not on an older index: the same answer again is unchanged, another is refused', () => {
    const older = indexOf({ [PATH]: NOTE });
    const first = plan(NOTE, TESTING, 'Pytest.');
    assert.ok(first.ok && !first.unchanged);
    const now = (p: string) => (p === PATH ? first.text : undefined);
    const again = planSectionWrite(older, web, TESTING, 'Pytest.', now);
    assert.ok(again.ok && again.unchanged, again.ok ? '' : again.message);
    const other = planSectionWrite(older, web, TESTING, 'Unittest.', now);
    assert.ok(!other.ok && other.message.includes('already answers'), other.ok ? 'written' : other.message);
  });

  it('adds to a note created since the index was made instead of creating it again', () => {
    const empty = indexOf({});
    const created = planSectionWrite(empty, web, TESTING, 'Pytest.', () => undefined);
    assert.ok(created.ok && created.create);
    const second = planSectionWrite(empty, web, AUTH, 'Sessions.', (p) => (p === created.path ? created.text : undefined));
    assert.ok(second.ok && !second.create, second.ok ? '' : second.message);
    const both = indexOf({ [created.path]: second.text });
    assert.equal(statusOf(both, 'web', 'django', TESTING), 'answered');
    assert.equal(statusOf(both, 'web', 'django', AUTH), 'answered');
  });
});

describe('writing a section for an agent: size and line endings', () => {
  it('refuses to grow a note past the note limit counted in bytes, and a note over it in bytes is unreadable', () => {
    // 2,080,056 bytes in far fewer characters: each é is two bytes.
    const bytes = (text: string) => new TextEncoder().encode(text).length;
    const accents = `${NOTE}\n${'é'.repeat(1_030_000)}\n`;
    const note = `${accents}${'a'.repeat(2_080_056 - bytes(accents))}`;
    assert.equal(bytes(note), 2_080_056);
    const refused = plan(note, TESTING, 'a'.repeat(19_000));
    assert.ok(!refused.ok, 'refused');
    assert.match(refused.message, /2 MB/);
    const over = `${note}${'a'.repeat(MAX_NOTE_BYTES - 2_080_056 + 1)}`;
    assert.ok(over.length <= MAX_NOTE_BYTES, 'under the limit in characters');
    assert.equal(indexOf({ [PATH]: over }).note(PATH), undefined, 'over it in bytes');
  });

  it("writes a CRLF note's line ending, whether it adds a section, fills one or appends at the end", () => {
    const crlf = NOTE.replace(/\n/g, '\r\n');
    for (const [axisId, answer] of [
      [TESTING, 'Pytest.\nTox.'],
      [ARCHITECTURE, 'One layout.\r\nApps.'],
    ] as const) {
      const write = plan(crlf, axisId, answer);
      assert.ok(write.ok, write.ok ? '' : write.message);
      assert.doesNotMatch(write.text, /[^\r]\n/, axisId);
      assert.ok(write.text.startsWith(crlf.slice(0, crlf.indexOf('TODO'))));
    }
  });
});

describe('writing a section for an agent: the answer is dated the day it is written', () => {
  const TODAY = '2026-12-05';
  const indexOn = (note: string) => {
    const index = new NoteIndex(testScope(), { today: () => TODAY });
    index.setNote(PATH, note);
    return index;
  };
  const written = (answer: string) => {
    const write = planSectionWrite(indexOn(NOTE), web, TESTING, answer, (p) => (p === PATH ? NOTE : undefined));
    assert.ok(write.ok, write.ok ? '' : write.message);
    return write.text;
  };

  it('adds an As of line of today, as a paragraph of its own, so that the answer is not as old as the note', () => {
    const text = written('Pytest and the test client.');
    assert.ok(text.endsWith(`## Testing strategy and coverage expectations\n\nAs of ${TODAY}\n\nPytest and the test client.\n`), text);
    const index = indexOn(text.replace('category: web\n', 'category: web\nreviewed: 2025-01-01\n'));
    const analysis = index.note(PATH);
    const section = analysis?.sections.find((s) => s.axisId === TESTING);
    assert.ok(analysis && section);
    const evidence = index.evidence(analysis, section);
    assert.deepEqual([evidence.asOf, evidence.asOfFrom], [TODAY, 'marker']);
  });

  it('keeps the As of line the answer has, adding none', () => {
    const text = written('Pytest.\n\nAs of 2026-11-30');
    assert.equal(text.match(/As of/g)?.length, 1);
    assert.ok(text.includes('As of 2026-11-30'));
  });
});
