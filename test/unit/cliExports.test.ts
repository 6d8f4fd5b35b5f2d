import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, tempFolder } from './helpers';
import { runCli, sourcedAnswer, vectorScope } from './cliRun';

const SCOPE = vectorScope(
  '[{ name: Lumen Search }, { name: Pinecone }, { name: Elasticsearch }]',
  `  - id: search-api
    name: Hosted search APIs
    goal: Pick a search API.
    products: [{ name: Lumen Search }, { name: Elasticsearch }, { name: Algolia }]
    axes: [{ name: Relevance }, { name: Pricing }]
`,
);
const answer = (axis: string) => `${sourcedAnswer(axis)}
Score: 3
`;

/** Pinecone answers both axes, Elasticsearch only Relevance (in search-api), Algolia nothing. */
function vectorFolder(): string {
  return tempFolder({
    'competitor-scope.yaml': SCOPE,
    'research/pinecone.md': `---\nproduct: pinecone\n---\n\n# Pinecone\n\n${answer('Latency')}\n${answer('Pricing')}`,
    'research/elasticsearch.md': `---\nproduct: elasticsearch\ncategory: search-api\n---\n\n# Elasticsearch\n\n${answer('Relevance')}`,
  });
}

const AS_OF = ['--as-of', '2025-06-01', '--no-git'];

describe('competitor-scope battlecard --category', () => {
  it('asks for --category, naming the categories, for a competitor in several, instead of picking one', async () => {
    const folder = vectorFolder();
    const several = await runCli(['battlecard', 'Elasticsearch', folder, ...AS_OF]);
    assert.equal(several.code, 2);
    assert.equal(several.stdout, '');
    assert.equal(
      several.stderr,
      'competitor-scope: "Elasticsearch" is a competitor in 2 categories: vector-db (Managed vector databases), search-api (Hosted search APIs); choose one with --category.\n',
    );
    const chosen = await runCli(['battlecard', 'Elasticsearch', folder, '--category', 'Hosted search APIs', ...AS_OF]);
    assert.equal(chosen.code, 0, chosen.stderr);
    assert.match(chosen.stdout, /^# Elasticsearch vs\. Lumen Search\n\nHosted search APIs: Pick a search API\./);
    const elsewhere = await runCli(['battlecard', 'Pinecone', folder, '--category', 'search-api', ...AS_OF]);
    assert.equal(elsewhere.code, 2);
    assert.match(
      elsewhere.stderr,
      /"Pinecone" is not in the category "search-api"; it is a competitor in vector-db \(Managed vector databases\)\./,
    );
    const unknown = await runCli(['battlecard', 'Pinecone', folder, '--category', 'graph-db', ...AS_OF]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /"graph-db" is not a category of the scope\. Categories: vector-db, search-api\./);
  });

  it('suggests the product a misspelled name means, as brief does', async () => {
    const folder = vectorFolder();
    for (const command of ['battlecard', 'brief']) {
      const { code, stderr } = await runCli([command, 'Pincone', folder, ...AS_OF]);
      assert.equal(code, 2);
      assert.match(stderr, /^competitor-scope: "Pincone" is not a product of the scope; did you mean Pinecone/, command);
    }
  });
});

describe('competitor-scope matrix --category and --gaps', () => {
  it('prints one category’s table with --category, and only the products and axes with gaps with --gaps, counts recounted', async () => {
    const folder = vectorFolder();
    const one = await runCli(['matrix', folder, '--category', 'search-api', ...AS_OF]);
    assert.equal(one.code, 0, one.stderr);
    assert.deepEqual(headings(one.stdout), ['## Hosted search APIs']);
    const gaps = await runCli(['matrix', folder, '--gaps', ...AS_OF]);
    assert.equal(gaps.code, 0, gaps.stderr);
    // Pinecone answers everything: vector-db keeps Elasticsearch alone; search-api keeps both its competitors.
    assert.deepEqual(headings(gaps.stdout), ['## Managed vector databases', '## Hosted search APIs']);
    const rows = gaps.stdout.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
    assert.deepEqual(
      rows.map((row) => row.split(' | ')[0]),
      ['| Product', '| Elasticsearch', '| **Answered**', '| Product', '| Elasticsearch', '| Algolia', '| **Answered**'],
    );
    assert.match(gaps.stdout, /^# Vector search: gaps only\n\nCoverage: 1\/6 answered\./);
    assert.match(gaps.stdout, /\| \*\*Answered\*\* \| 0\/1 \| 0\/1 \| \*\*0\/2\*\* \|/);
    assert.match(gaps.stdout, /\| \*\*Answered\*\* \| 1\/2 \| 0\/2 \| \*\*1\/4\*\* \|/);
    const both = await runCli(['matrix', folder, '--gaps', '--category', 'vector-db', '--format', 'csv', ...AS_OF]);
    assert.deepEqual(
      both.stdout
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((record) => record.split(',').slice(1, 5).join(',')),
      ['Elasticsearch,,Latency,Missing', 'Elasticsearch,,Pricing,Missing'],
    );
    const unknown = await runCli(['matrix', folder, '--category', 'graph-db']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /"graph-db" is not a category of the scope/);
  });
});

describe('competitor-scope: -o FILE on every command that writes a document', () => {
  it('writes what it would print to FILE, naming it on stderr, for matrix, battlecard, brief and import', async () => {
    const folder = vectorFolder();
    const commands = [
      ['matrix', folder, '--format', 'csv', ...AS_OF],
      ['battlecard', 'Pinecone', folder, ...AS_OF],
      ['brief', 'Pinecone', folder, ...AS_OF],
      ['import', path.join(repoRoot, 'test', 'fixtures', 'seed-competitor-scope.md')],
    ];
    for (const argv of commands) {
      const printed = await runCli(argv);
      assert.ok(printed.stdout.length > 0, argv.join(' '));
      for (const option of ['-o', '--output']) {
        const file = path.join(folder, `${argv[0]}${option}.out`);
        const written = await runCli([...argv, option, file]);
        assert.equal(written.code, printed.code, argv.join(' '));
        assert.equal(written.stdout, '');
        assert.match(written.stderr, new RegExp(`Wrote .*${argv[0]}${option}\\.out\\n$`));
        assert.equal(fs.readFileSync(file, 'utf8'), printed.stdout, `${argv[0]} ${option}`);
      }
    }
  });
});

function headings(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('## '));
}
