import * as assert from 'node:assert/strict';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { buildMatrix, type MatrixModel } from '../../src/core/matrix/matrixModel';
import { FIRST_ROWS } from '../../src/core/matrix/matrixStaging';
import { extensionApi } from './api';
import { closeAllEditors, waitFor, workspacePath } from './helpers';
import { waitForWebview, webviewProbeAvailable } from './webviewProbe';

const PAGE = 'Comparison Matrix';
const CATEGORY = 'staged-load';
/** More products than the matrix's first message holds, so that the others come in slices. */
const PRODUCTS = FIRST_ROWS + 30;
const ids = Array.from({ length: PRODUCTS }, (_, i) => `staged-product-${i + 1}`);
const notePath = (id: string) => `research/${id}.md`;

const category = [
  `  - id: ${CATEGORY}`,
  '    name: Staged load',
  '    goal: Enough products that the matrix sends its rows in stages.',
  '    products:',
  ...ids.map((_, i) => `      - name: Staged product ${i + 1}`),
  '    axes:',
  '      - name: First axis',
  '      - name: Second axis',
  '',
].join('\n');

const note = (id: string, i: number) =>
  `---\nproduct: ${id}\ncategory: ${CATEGORY}\n---\n\n# Staged product ${i + 1}\n\n## First axis\n\nStaged product ${i + 1} answers the first axis. More follows.\n\n## Second axis\n\nStaged product ${i + 1} answers the second axis.\n`;

const wholeModel = (api: Awaited<ReturnType<typeof extensionApi>>): MatrixModel =>
  buildMatrix(api.scope().scope, [...api.notes().subjectCoverage(), ...api.notes().coverage()]);

/** The matrix first shows its first rows, and gets the others in patches: in the real VS Code, it ends with all of them. */
describe('the matrix at more products than its first message holds', () => {
  const scopePath = workspacePath('competitor-scope.yaml');
  let original = '';

  before(async function () {
    if (!webviewProbeAvailable()) this.skip();
    await closeAllEditors();
    const api = await extensionApi();
    original = readFileSync(scopePath, 'utf8');
    ids.forEach((id, i) => writeFileSync(workspacePath(notePath(id)), note(id, i)));
    writeFileSync(scopePath, original.replace('\n# Verdicts:', `${category}\n# Verdicts:`));
    await waitFor(
      () => api.notes().productCoverage({ categoryId: CATEGORY, productId: ids.at(-1)! }).axes[1]?.status === 'answered',
      'the staged notes analyzed',
      { timeoutMs: 30_000 },
    );
  });

  after(async () => {
    if (!original) return;
    await closeAllEditors();
    writeFileSync(scopePath, original);
    for (const id of ids) unlinkSync(workspacePath(notePath(id)));
    const api = await extensionApi();
    await waitFor(
      () => !api.scope().scope.categories.some((c) => c.id === CATEGORY) && !api.notes().paths().includes(notePath(ids[0])),
      'the example workspace back',
      { timeoutMs: 30_000 },
    );
  });

  it('ends with every row and cell, and opens at a product of its last slice', async () => {
    const api = await extensionApi();
    const last = ids.at(-1)!;
    await vscode.commands.executeCommand('competitorScope.showMatrix', { categoryId: CATEGORY, productId: last });
    // What the host has sent the page, once it is done: the whole matrix, as the exports write it.
    const whole = wholeModel(api);
    await waitFor(() => JSON.stringify(api.matrix.model()) === JSON.stringify(whole), 'the page to have the whole matrix', {
      timeoutMs: 30_000,
    });
    // The page drew the last product's row (it came last) with its answers, and focused it.
    const cells = await waitForWebview(
      PAGE,
      `section[data-category="${CATEGORY}"] tr[data-row="${last}"] td.cell`,
      (c) => c.length === 2,
      'the last product’s row',
    );
    const [first, second] = cells.elements.map((c) => c.text);
    assert.ok(first.includes(`Staged product ${PRODUCTS} answers the first axis.`), first);
    assert.ok(second.includes(`Staged product ${PRODUCTS} answers the second axis.`), second);
    const name = await waitForWebview(
      PAGE,
      `section[data-category="${CATEGORY}"] tr[data-row="${last}"] th.product`,
      (c) => c.length === 1,
      'its name',
    );
    assert.equal(name.elements[0].title, `Staged product ${PRODUCTS}\n\n${notePath(last)}`);
    const totals = await waitForWebview(
      PAGE,
      `section[data-category="${CATEGORY}"] thead .column-total`,
      (c) => c.length === 2,
      'the column totals',
    );
    assert.deepEqual(
      totals.elements.map((t) => t.text),
      [`${PRODUCTS}/${PRODUCTS}`, `${PRODUCTS}/${PRODUCTS}`],
    );
  });
});
