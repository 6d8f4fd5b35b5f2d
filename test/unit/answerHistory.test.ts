import * as assert from 'node:assert/strict';
import { answerHistory } from '../../src/core/history/answerHistory';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseScope } from '../../src/core/scope/scopeParser';
import { HISTORY_SCOPE, historyNote } from './historyFixtures';

function point(note: string | undefined): NoteIndex {
  const parsed = parseScope(HISTORY_SCOPE);
  assert.ok(parsed.ok);
  const index = new NoteIndex(parsed.scope, { today: () => '2024-06-01' });
  if (note !== undefined) index.setNote('research/django.md', note);
  return index;
}

const PRICING = { categoryId: 'web', productId: 'django', axisId: 'pricing' };

describe('the history of one answer (core/history)', () => {
  // Newest first, as git log lists them: pricing answered, hosting answered, pricing rescored.
  const versions = [
    { commit: 'c3', index: point(historyNote('Django', 'Free, with paid support.\n\nScore: 4', 'Anywhere.')) },
    { commit: 'c2', index: point(historyNote('Django', 'Free.\n\nScore: 3', 'Anywhere.')) },
    { commit: 'c1', index: point(historyNote('Django', 'Free.\n\nScore: 3')) },
  ];

  it('keeps the commits where that answer changed, newest first, with what changed', () => {
    const steps = answerHistory(versions, point(undefined), PRICING);
    assert.deepEqual(
      steps.map((step) => [step.commit, step.change.kinds]),
      [
        ['c3', ['text', 'score']],
        ['c1', ['answered', 'score']],
      ],
    );
    const hosting = answerHistory(versions, point(undefined), { ...PRICING, axisId: 'hosting' });
    assert.deepEqual(
      hosting.map((step) => [step.commit, step.change.kinds]),
      [['c2', ['answered']]],
    );
  });

  it('leaves out the oldest commit when what came before it was not read', () => {
    assert.deepEqual(
      answerHistory(versions, undefined, PRICING).map((step) => step.commit),
      ['c3'],
    );
  });
});
