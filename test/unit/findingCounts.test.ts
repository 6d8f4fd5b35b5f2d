import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseScope } from '../../src/core/scope/scopeParser';
import { repoRoot, tempFolder } from './helpers';

/** Our own product, Lumen, in two categories that share the axis "Pricing"; answers stay fresh 30 days. */
const SCOPE = `version: 1
title: Search
subject: Lumen
notes: research/**/*.md
freshness: 30
categories:
  - name: Vector databases
    goal: Compare.
    products: [{ name: Pinecone }]
    axes: [{ name: Pricing }, { name: Latency }]
  - name: Search APIs
    goal: Compare.
    products: [{ name: Algolia }]
    axes: [{ name: Pricing }, { name: Relevance }]
`;

const LUMEN =
  '---\nproduct: lumen\nreviewed: 2024-01-01\n---\n# Lumen\n\n## Pricing\n\nCheap.\n\n## Latency\n\nFast.\n\n## Relevance\n\nGood.\n';

async function check(folder: string, ...options: string[]): Promise<{ code: number; lines: string[] }> {
  let stdout = '';
  const code = await main(['check', folder, '--no-git', '--as-of', '2025-01-01', ...options], repoRoot, {
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
  });
  return { code, lines: stdout.trimEnd().split('\n') };
}

describe('check: every count adds up', () => {
  it('reports each section of our own product once per code, though two categories share its axis', async () => {
    const folder = tempFolder({ 'competitor-scope.yaml': SCOPE, 'research/lumen.md': LUMEN });
    const { lines } = await check(folder, '--max-missing', '99');
    const lumen = lines.filter((l) => l.startsWith('research/lumen.md:'));
    assert.deepEqual(
      lumen.map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        'research/lumen.md:7:1: information unsourced-answer',
        'research/lumen.md:7:1: warning stale-answer',
        'research/lumen.md:11:1: information unsourced-answer',
        'research/lumen.md:11:1: warning stale-answer',
        'research/lumen.md:15:1: information unsourced-answer',
        'research/lumen.md:15:1: warning stale-answer',
      ],
    );
    const report = JSON.parse((await check(folder, '--format', 'json', '--max-missing', '99')).lines.join('\n'));
    assert.equal(report.findings.filter((f: { code: string }) => f.code === 'stale-answer').length, 3);
  });

  it('counts in the summary exactly the findings printed, and says what the gate counts', async () => {
    const folder = tempFolder({
      'competitor-scope.yaml': SCOPE,
      'research/lumen.md': LUMEN,
      'research/pinecone.md': '---\nreviewed: 2024-01-01\n---\n# Pinecone\n\n## Pricing\n\nUsage based (https://pinecone.io/pricing).\n',
    });
    const { code, lines } = await check(folder, '--max-stale', '0');
    assert.equal(code, 1);
    const summary = lines[lines.length - 1];
    const printed = lines.slice(0, -1);
    assert.match(summary, new RegExp(`; ${printed.length} findings: 4 stale-answer, 3 unsourced-answer, 1 missing-axis, 1 no-note;`));
    assert.equal(printed.filter((l) => / stale-answer /.test(l)).length, 4);
    assert.match(summary, /^2 products, 4 axes: 1 answered \(1 stale, 0 unsourced\), 3 missing, 0 empty, 0 placeholder;/);
    assert.match(
      summary,
      /; the gate counts the products' axes, not Lumen's own: 3 unanswered \(at most 0 allowed\), 1 stale \(at most 0 allowed\); 2 notes read by/,
    );
  });

  it('says "1 product", "1 axis", "1 finding" and "1 note"', async () => {
    const folder = tempFolder({
      'competitor-scope.yaml':
        'version: 1\ntitle: T\ncategories:\n  - name: Web\n    goal: G\n    products: [{ name: Django }]\n    axes: [{ name: Pricing }]\n',
      'research/django.md': '# Django\n\n## Pricing\n\nFree.\n',
    });
    const { lines } = await check(folder);
    assert.match(
      lines[lines.length - 1],
      /^1 product, 1 axis: 1 answered \(0 stale, 1 unsourced\), .*; 1 finding: 1 unsourced-answer; .*; 1 note read by /,
    );
  });
});

describe('check: a missing axis once per product', () => {
  const twoNotes = {
    'competitor-scope.yaml': SCOPE,
    'research/pinecone.md': '# Pinecone\n\nAn intro.\n',
    'research/pinecone-costs.md': '---\nproduct: pinecone\n---\n# Pinecone costs\n',
  };

  it('reports each missing axis on the product’s first note in path order, naming the others', async () => {
    const { lines } = await check(tempFolder(twoNotes), '--max-missing', '99');
    assert.deepEqual(
      lines.filter((l) => / missing-axis /.test(l)),
      [
        'research/pinecone-costs.md:2:1: warning missing-axis No section answers "Pricing" (Vector databases) for Pinecone in this note or in research/pinecone.md.',
        'research/pinecone-costs.md:2:1: warning missing-axis No section answers "Latency" (Vector databases) for Pinecone in this note or in research/pinecone.md.',
      ],
    );
  });

  it('moves the missing axes to the new first note when the first is deleted, and re-publishes both', () => {
    const parsed = parseScope(SCOPE);
    assert.ok(parsed.ok);
    const index = new NoteIndex(parsed.scope);
    const missingOn = (path: string) => index.findings(path).filter((f) => f.code === 'missing-axis').length;
    index.setNote('research/pinecone.md', twoNotes['research/pinecone.md']);
    assert.deepEqual(index.setNote('research/pinecone-costs.md', twoNotes['research/pinecone-costs.md']).sort(), [
      'research/pinecone-costs.md',
      'research/pinecone.md',
    ]);
    assert.deepEqual([missingOn('research/pinecone-costs.md'), missingOn('research/pinecone.md')], [2, 0]);
    assert.deepEqual(index.deleteNote('research/pinecone-costs.md'), ['research/pinecone.md']);
    assert.equal(missingOn('research/pinecone.md'), 2);
    assert.match(index.findings('research/pinecone.md')[0].message, /for Pinecone\.$/);
  });

  it('names an axis our own product misses in two categories once, with both', () => {
    const parsed = parseScope(SCOPE);
    assert.ok(parsed.ok);
    const index = new NoteIndex(parsed.scope);
    index.setNote('research/lumen.md', '---\nproduct: lumen\n---\n# Lumen\n\n## Latency\n\nFast.\n');
    assert.deepEqual(
      index
        .findings('research/lumen.md')
        .filter((f) => f.code === 'missing-axis')
        .map((f) => f.message),
      [
        'No section answers "Pricing" (Vector databases, Search APIs) for Lumen.',
        'No section answers "Relevance" (Search APIs) for Lumen.',
      ],
    );
  });
});
