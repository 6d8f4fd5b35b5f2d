import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { main } from '../../src/cli/main';
import { tempFolder } from './helpers';

const README = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');

/** The README's fenced code blocks of one language, in order. */
function codeBlocks(language: string): string[] {
  return new MarkdownIt()
    .parse(README, {})
    .filter((token) => token.type === 'fence' && token.info.trim() === language)
    .map((token) => token.content);
}

// A new team copies the README's first steps; what they get must be what the README says they get.
describe("the README's first steps", () => {
  it('the example scope and note check as the README describes: one answered, sourced, dated, scored; one flagged empty', async () => {
    const scope = codeBlocks('yaml').find((block) => block.includes('categories:'));
    const note = codeBlocks('markdown').find((block) => block.includes('product:'));
    assert.ok(scope && note, 'the README shows a scope file and a note');
    const productId = /product: (\S+)/.exec(note)?.[1];
    const folder = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'competitor-scope.yaml': scope,
      [`research/${productId}.md`]: note,
    });
    let stdout = '';
    await main(['check', '--format', 'json', '--as-of', '2026-12-01'], folder, { stdout: (t) => (stdout += t), stderr: () => undefined });
    const report = JSON.parse(stdout);
    const product = report.products.find((p: { product: string }) => p.product === productId);
    assert.deepEqual(
      product.axes.map((a: { status: string; sources: number; asOf: string | null; score: number | null }) => [
        a.status,
        a.sources,
        a.asOf,
        a.score,
      ]),
      [
        ['answered', 1, '2026-11-20', 3],
        ['empty', 0, null, null],
      ],
    );
    const findings = report.findings.filter((f: { file: string }) => f.file === `research/${productId}.md`);
    assert.deepEqual(
      findings.map((f: { code: string; message: string }) => `${f.code} ${f.message}`),
      ['unanswered-axis The section "Hybrid search" is empty.'],
    );
  });

  it('the workflow fetches the whole history, so that git dates answers', () => {
    const workflow = codeBlocks('yaml').find((block) => block.includes('actions/checkout'));
    assert.ok(workflow, 'the README shows a workflow');
    assert.match(workflow, /fetch-depth: 0/);
    assert.match(workflow, /uses: competitor-scope\/competitor-scope@/);
  });
});
