import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { tempFolder } from './helpers';
import { runCli, sourcedAnswer, vectorScope } from './cliRun';

const SCOPE = vectorScope('[{ name: Lumen Search }, { name: Pinecone }, { name: Weaviate }, { name: Qdrant }]');
const answer = sourcedAnswer;

/**
 * A repository (so that the scope is looked for upward) whose Pinecone is answered over two notes, Weaviate has a
 * gap, Qdrant and our product have no note, and a nested scope holds a note of its own.
 */
function repository(): string {
  return tempFolder({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'competitor-scope.yaml': SCOPE,
    'README.md': '# Our research\n',
    'research/pinecone.md': `---\nproduct: pinecone\n---\n\n# Pinecone\n\n${answer('Latency')}`,
    'research/deep/pinecone-pricing.md': `---\nproduct: pinecone\n---\n\n# Pinecone pricing\n\n${answer('Pricing')}`,
    'research/weaviate.md': `---\nproduct: weaviate\n---\n\n# Weaviate\n\n${answer('Latency')}`,
    'research/partner/competitor-scope.yaml': SCOPE,
    'research/partner/research/pinecone.md': `---\nproduct: pinecone\n---\n\n# Pinecone\n\n${answer('Latency')}`,
  });
}

const OPTIONS = ['--as-of', '2025-06-01', '--no-git'];

describe('competitor-scope check FILE…', () => {
  it('checks the given notes only, against the scope found from the first file’s folder, with their products’ other notes counted', async () => {
    const root = repository();
    const { code, stdout, stderr } = await runCli(['check', 'research/pinecone.md', ...OPTIONS], root);
    assert.equal(stderr, '');
    // Pricing is answered in the other note: no missing-axis; Qdrant's and our missing notes need the whole set.
    assert.equal(code, 0, stdout);
    assert.deepEqual(stdout.trimEnd().split('\n'), [
      '1 product, 2 axes: 2 answered (0 stale, 0 unsourced), 0 missing, 0 empty, 0 placeholder; 0 findings; the gate counts the products\' axes, not Lumen Search\'s own: 0 unanswered (at most 0 allowed); 1 note read by "research/**/*.md" under ' +
        `${root}.`,
    ]);
    // From a subfolder, the scope is found above it; files are named from the scope's folder.
    const two = await runCli(
      ['check', 'weaviate.md', 'deep/pinecone-pricing.md', '--format', 'json', ...OPTIONS],
      path.join(root, 'research'),
    );
    assert.equal(two.code, 1, two.stderr);
    const report = JSON.parse(two.stdout);
    assert.deepEqual(
      report.products.map((p: { product: string }) => p.product),
      ['pinecone', 'weaviate'],
    );
    assert.deepEqual(
      report.findings.map((f: { file: string; code: string }) => `${f.file} ${f.code}`),
      ['research/weaviate.md missing-axis'],
    );
    assert.deepEqual(report.summary, { products: 2, axes: 4, answered: 3, missing: 1, empty: 0, placeholder: 0, stale: 0, unsourced: 0 });
  });

  it('refuses each file that is not a note of the scope, one line each, and checks nothing', async () => {
    const root = repository();
    const outside = path.join(tempFolder({ 'pinecone.md': '# Pinecone\n' }), 'pinecone.md');
    const { code, stdout, stderr } = await runCli(
      ['check', 'research/pinecone.md', 'README.md', outside, 'research/gone.md', 'research/partner/research/pinecone.md', ...OPTIONS],
      root,
    );
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.deepEqual(stderr.trimEnd().split('\n'), [
      'competitor-scope: README.md is not a note of the scope: its notes glob "research/**/*.md" does not match it, or an exclude glob does.',
      `competitor-scope: ${outside} is outside the scope's folder, ${root}.`,
      'competitor-scope: research/gone.md does not exist.',
      'competitor-scope: research/partner/research/pinecone.md is not read as a note of this scope: a dot-folder, node_modules or a folder with a scope file of its own holds it.',
      'Run "competitor-scope help check" for the usage.',
    ]);
    const folder = await runCli(['check', 'research/pinecone.md', 'research', ...OPTIONS], root);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /^competitor-scope: research is a folder: check takes one folder, or note files\.\n/);
  });
});
