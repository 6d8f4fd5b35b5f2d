import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { repoRoot, tempFolder } from './helpers';

/** Runs the command line in-process: exit code and what it printed. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, repoRoot, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const scopeWith = (notes: string, product = 'Django') =>
  `version: 1\ntitle: T\nnotes: "${notes}"\ncategories:\n  - name: Web\n    goal: G\n    products: [{ name: ${product} }]\n    axes: [{ name: Pricing }]\n`;

describe('hostile files: notes that are not notes', () => {
  it('never takes a git hook or any file that is not Markdown for a note, whatever the glob', async () => {
    const folder = tempFolder({
      'competitor-scope.yaml': scopeWith('.git/hooks/*', 'pre-commit'),
      '.git/hooks/pre-commit': '#!/bin/sh\n## Pricing\n\nFree.\n',
    });
    const report = JSON.parse((await run('check', folder, '--format', 'json', '--no-git', '--max-missing', '9')).stdout);
    assert.equal(report.notes.files, 0);
    assert.deepEqual(report.products[0].notes, []);
    const anyFile = tempFolder({ 'competitor-scope.yaml': scopeWith('research/*'), 'research/django.txt': '## Pricing\n\nFree.\n', 'research/django.MD': '# Django\n' });
    const read = JSON.parse((await run('check', anyFile, '--format', 'json', '--no-git', '--max-missing', '9')).stdout);
    assert.deepEqual(read.products[0].notes, ['research/django.MD']);
    assert.equal(read.products[0].axes[0].status, 'missing', 'the .txt file is not read');
  });
});
