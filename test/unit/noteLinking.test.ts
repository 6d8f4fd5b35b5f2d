import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';
import { repoRoot, tempFolder } from './helpers';

/** `check --format json` over a temp workspace: its report. */
async function checkReport(files: Record<string, string>): Promise<{ products: Product[]; findings: Finding[]; notes: { files: number } }> {
  let stdout = '';
  await main(['check', tempFolder(files), '--format', 'json', '--max-missing', '1000'], repoRoot, {
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
  });
  return JSON.parse(stdout);
}

interface Product {
  readonly product: string;
  readonly notes: readonly string[];
  readonly axes: ReadonlyArray<{ readonly axis: string; readonly status: string; readonly file: string | null }>;
}
interface Finding {
  readonly code: string;
  readonly file: string;
  readonly message: string;
}

const SCOPE = `version: 1
title: Search
categories:
  - name: Search engines
    goal: Compare.
    products: [Algolia, Typesense, Zilliz Cloud]
    axes: [Pricing model, Hybrid search]
`;

describe('which files are notes', () => {
  it('leaves a folder’s README.md and index.md out by default: no unlinked-note for them', async () => {
    const report = await checkReport({
      'competitor-scope.yaml': SCOPE,
      'research/README.md': '# Our research\n\nHow we write notes.\n',
      'research/vector/index.md': '# Vector databases\n',
      'research/algolia.md': '# Algolia\n\n## Pricing model\n\nPer request.\n',
    });
    assert.equal(report.notes.files, 1);
    assert.deepEqual(
      report.findings.filter((f) => f.code === 'unlinked-note'),
      [],
    );
  });

  it('reads a README as a note when the scope’s own exclude list leaves it in', async () => {
    const report = await checkReport({
      'competitor-scope.yaml': SCOPE.replace('categories:', 'exclude: [research/drafts/**]\ncategories:'),
      'research/README.md': '# Our research\n',
      'research/drafts/algolia.md': '# Algolia\n',
    });
    assert.deepEqual(
      report.findings.filter((f) => f.code === 'unlinked-note').map((f) => f.file),
      ['research/README.md'],
    );
    assert.equal(report.notes.files, 1);
  });
});
