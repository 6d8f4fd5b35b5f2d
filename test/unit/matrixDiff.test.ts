import * as assert from 'node:assert/strict';
import { applyPatch, diffMatrix } from '../../src/core/matrix/matrixDiff';
import { buildMatrix, type ProductCoverageInput } from '../../src/core/matrix/matrixModel';
import { matrixCoverage, matrixScope } from './matrixFixtures';

describe('matrix diff', () => {
  const scope = matrixScope();
  const before = buildMatrix(scope, matrixCoverage());

  it('is nothing when nothing changed', () => {
    assert.equal(diffMatrix(before, buildMatrix(scope, matrixCoverage())), undefined);
  });

  it('sends only the changed row with the recounted totals, and applying it gives the new model', () => {
    const coverage: ProductCoverageInput[] = matrixCoverage().map((entry) =>
      entry.productId === 'django' ? { ...entry, axes: entry.axes.map((a) => ({ ...a, status: 'answered' as const, excerpt: 'Done.' })) } : entry,
    );
    const after = buildMatrix(scope, coverage);
    const patch = diffMatrix(before, after);
    assert.ok(patch && patch.kind === 'rows');
    assert.deepEqual(
      patch.tables.map((t) => [t.categoryId, t.rows.map((r) => r.key), t.answered]),
      [['web', ['django'], 3]],
    );
    assert.equal(patch.answered, 3);
    assert.deepEqual(applyPatch(before, patch), after);
  });

  it('resets when the shape changes: the subject note appears or the scope is edited', () => {
    const withoutSubject = buildMatrix(
      scope,
      matrixCoverage().filter((e) => e.productId !== 'our-engine'),
    );
    const patch = diffMatrix(withoutSubject, before);
    assert.deepEqual(patch, { kind: 'reset', model: before });
    assert.deepEqual(applyPatch(withoutSubject, patch!), before);
    const renamed = { ...scope, title: 'Another title' };
    assert.equal(diffMatrix(before, buildMatrix(renamed, matrixCoverage()))?.kind, 'reset');
  });
});
