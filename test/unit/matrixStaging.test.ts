import * as assert from 'node:assert/strict';
import { applyPatch } from '../../src/core/matrix/matrixDiff';
import { buildMatrix, buildMatrixWithoutTexts, type MatrixModel, type ProductCoverageInput } from '../../src/core/matrix/matrixModel';
import { FIRST_ROWS, syncMatrix, type MatrixStep } from '../../src/core/matrix/matrixStaging';
import { matrixCoverage, matrixScope, syntheticScope } from './matrixFixtures';

/** Runs a sync to its end (or its first `limit` steps), as the panel does: the steps, and the model the page then has. */
function sync(
  shown: MatrixModel | undefined,
  target: ReturnType<typeof buildMatrixWithoutTexts>,
  sliceDone = () => false,
  limit = Infinity,
) {
  const steps: MatrixStep[] = [];
  let model = shown;
  let pauses = 0;
  for (const step of syncMatrix(shown, target, sliceDone)) {
    if (!step) pauses++;
    else {
      steps.push(step);
      if (step.kind === 'model') model = step.model;
      if (step.kind === 'rows') model = applyPatch(model!, step);
    }
    if (steps.length >= limit) break;
  }
  return { steps, model: model!, pauses };
}

const rows = (model: MatrixModel) => model.tables.reduce((sum, t) => sum + t.rows.length, 0);

/** The coverage with every answer's section text counted as it is read (rendering it is what costs). */
function countingTexts(coverage: readonly ProductCoverageInput[]) {
  const read = new Set<string>();
  const counted = coverage.map((entry) => ({
    ...entry,
    axes: entry.axes.map((axis) => {
      const { excerpt, ...rest } = axis;
      return Object.defineProperty({ ...rest }, 'excerpt', {
        enumerable: true,
        get: () => (read.add(`${entry.productId}/${axis.axisId}`), excerpt),
      });
    }),
  }));
  return { coverage: counted, read };
}

describe('the matrix sent in stages', () => {
  it('sends a large matrix as its first rows, then the others in slices, and the page ends with the whole model', () => {
    const { scope, coverage } = syntheticScope(2000);
    const whole = buildMatrix(scope, coverage);
    let calls = 0;
    const { steps, model, pauses } = sync(undefined, buildMatrixWithoutTexts(scope, coverage), () => ++calls % 50 === 0);
    const first = steps[0];
    assert.ok(first.kind === 'model' && first.loading);
    assert.equal(rows(first.model), FIRST_ROWS);
    assert.deepEqual(
      [first.model.answered, first.model.total],
      [whole.answered, whole.total],
      'the totals are the whole matrix’s from the start',
    );
    assert.ok(JSON.stringify(first).length * 20 < JSON.stringify(whole).length, 'the first message is a small part of the whole');
    assert.ok(steps.filter((s) => s.kind === 'rows').length > 10, 'the rest comes in slices');
    assert.ok(pauses > 0 || steps.length > 10);
    assert.equal(steps.at(-1)?.kind, 'loaded');
    assert.deepEqual(model, whole);
  });

  it('renders the answers’ texts only of the rows it has sent', () => {
    const { scope, coverage } = syntheticScope(400);
    const { coverage: counted, read } = countingTexts(coverage);
    const target = buildMatrixWithoutTexts(scope, counted);
    assert.equal(read.size, 0, 'the rows without texts render none');
    const { model } = sync(undefined, target, () => true, 1);
    const sent = model.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.filter((c) => c.status === 'answered').map(() => r.key)));
    assert.equal(read.size, sent.length);
  });

  it('sends a small matrix in one message, and nothing more', () => {
    const target = buildMatrixWithoutTexts(matrixScope(), matrixCoverage());
    const { steps, model } = sync(undefined, target, () => true);
    assert.deepEqual(steps, [{ kind: 'model', model: buildMatrix(matrixScope(), matrixCoverage()), loading: false }]);
    assert.deepEqual(model, buildMatrix(matrixScope(), matrixCoverage()));
  });

  it('sends a page that is up to date nothing, and one changed row alone', () => {
    const scope = matrixScope();
    const shown = buildMatrix(scope, matrixCoverage());
    assert.deepEqual(sync(shown, buildMatrixWithoutTexts(scope, matrixCoverage()), () => true).steps, []);
    const changed = matrixCoverage().map((e) =>
      e.productId === 'django' ? { ...e, axes: e.axes.map((a) => ({ ...a, status: 'answered' as const, excerpt: 'Done.' })) } : e,
    );
    const { steps, model } = sync(shown, buildMatrixWithoutTexts(scope, changed));
    assert.deepEqual(
      steps.map((s) => (s.kind === 'rows' ? s.tables.map((t) => [t.categoryId, t.rows.map((r) => r.key)]) : s.kind)),
      [[['web', ['django']]]],
    );
    assert.deepEqual(model, buildMatrix(scope, changed));
  });

  it('picks up where it stopped when the notes change during the load, and ends with the newest model', () => {
    const { scope, coverage } = syntheticScope(600);
    const { model: partial } = sync(undefined, buildMatrixWithoutTexts(scope, coverage), () => true, 3);
    assert.ok(rows(partial) > FIRST_ROWS && rows(partial) < 600);
    // product-1-1 was sent; the last product of the last category was not.
    const changed = coverage.map((e) =>
      e.productId === 'product-1-1' || e.productId === 'product-4-150'
        ? { ...e, axes: e.axes.map((a) => ({ ...a, status: 'missing' as const, file: null, line: null })) }
        : e,
    );
    const { steps, model } = sync(partial, buildMatrixWithoutTexts(scope, changed), () => true);
    assert.equal(steps[0].kind, 'rows', 'no new start: the page keeps its rows');
    assert.equal(steps.at(-1)?.kind, 'loaded');
    assert.deepEqual(model, buildMatrix(scope, changed));
  });

  it('starts anew when the shape changed: a scope edit', () => {
    const scope = matrixScope();
    const shown = buildMatrix(scope, matrixCoverage());
    const renamed = { ...scope, title: 'Another title' };
    const { steps, model } = sync(shown, buildMatrixWithoutTexts(renamed, matrixCoverage()));
    assert.equal(steps[0].kind, 'model');
    assert.deepEqual(model, buildMatrix(renamed, matrixCoverage()));
  });
});
