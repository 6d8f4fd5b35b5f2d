import * as assert from 'node:assert/strict';
import { applyPatch, sameShape } from '../../src/core/matrix/matrixDiff';
import { buildMatrix, type ProductCoverageInput } from '../../src/core/matrix/matrixModel';
import { matrixCoverage, matrixScope } from './matrixFixtures';

describe('matrix patches', () => {
  const scope = matrixScope();
  const before = buildMatrix(scope, matrixCoverage());

  it('replace the rows they carry and set the totals: applying one gives the new model', () => {
    const coverage: ProductCoverageInput[] = matrixCoverage().map((entry) =>
      entry.productId === 'django'
        ? { ...entry, axes: entry.axes.map((a) => ({ ...a, status: 'answered' as const, excerpt: 'Done.' })) }
        : entry,
    );
    const after = buildMatrix(scope, coverage);
    const web = after.tables[0];
    const patch = {
      kind: 'rows' as const,
      answered: after.answered,
      total: after.total,
      tables: [{ ...web, rows: web.rows.filter((r) => r.key === 'django') }],
    };
    assert.deepEqual(applyPatch(before, patch), after);
  });

  it('add the rows a model does not have yet at the end of their table, in order', () => {
    const web = before.tables[0];
    const head = { ...before, tables: [{ ...web, rows: web.rows.slice(0, 1) }, ...before.tables.slice(1)] };
    assert.ok(sameShape(head, before, true), 'the first rows have the shape of the whole, as a prefix');
    assert.ok(!sameShape(head, before));
    const patch = { kind: 'rows' as const, answered: before.answered, total: before.total, tables: [{ ...web, rows: web.rows.slice(1) }] };
    assert.deepEqual(applyPatch(head, patch), before);
  });

  it('have another shape when the subject note appears or the scope is edited', () => {
    const withoutSubject = buildMatrix(
      scope,
      matrixCoverage().filter((e) => e.productId !== 'our-engine'),
    );
    assert.ok(!sameShape(withoutSubject, before, true));
    assert.ok(!sameShape(before, buildMatrix({ ...scope, title: 'Another title' }, matrixCoverage()), true));
  });
});
