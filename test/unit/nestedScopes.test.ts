import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { NotesRule } from '../../src/core/scope/notesRule';
import { repoRoot, tempFolder } from './helpers';
import { call, connect } from './mcpClient';

const scope = (title: string, products: string) =>
  `version: 1\ntitle: ${title}\nnotes: "**/*.md"\ncategories:\n  - name: Web\n    goal: G.\n    products: [${products}]\n    axes: [{ name: Pricing }]\n`;

/** A scope at the root and one in `team/`, both taking every Markdown file below them as a note. */
function nestedLayout(): string {
  return tempFolder({
    'competitor-scope.yaml': scope('Outer', '{ name: Django }, { name: Flask }'),
    'research/flask.md': '# Flask\n\n## Pricing\n\nFree.\n',
    'team/competitor-scope.yaml': scope('Team', '{ name: Django }'),
    'team/research/django.md': '# Django\n\n## Pricing\n\nFree.\n',
  });
}

describe('a nested scope’s notes are its own', () => {
  it('check on the outer folder leaves the notes below team/ to the team’s scope', async () => {
    const root = nestedLayout();
    const out = { stdout: '', stderr: '' };
    await main(['check', root, '--format', 'json', '--max-missing', '1000'], repoRoot, {
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
    });
    const report = JSON.parse(out.stdout);
    assert.equal(report.notes.files, 1, out.stdout);
    assert.deepEqual(
      report.products.map((p: { product: string; notes: string[] }) => [p.product, p.notes]),
      [
        ['django', []],
        ['flask', ['research/flask.md']],
      ],
    );

    const team = { stdout: '', stderr: '' };
    await main(['check', path.join(root, 'team'), '--format', 'json', '--max-missing', '1000'], repoRoot, {
      stdout: (t) => (team.stdout += t),
      stderr: (t) => (team.stderr += t),
    });
    assert.deepEqual(JSON.parse(team.stdout).products[0].notes, ['research/django.md']);
  });

  it('the MCP server over the outer folder does not read the team’s note', async () => {
    const client = await connect(nestedLayout());
    try {
      const django = JSON.parse((await call(client, 'read_product', { product: 'django' })).text);
      assert.deepEqual(django.notes, []);
      assert.equal(JSON.parse((await call(client, 'check_notes', { detail: 'full' })).text).notes.files, 1);
    } finally {
      await client.close();
    }
  });

  it('the editor’s rule, given the nested scope folders it found, is the same', () => {
    const rule = new NotesRule({ notes: '**/*.md', exclude: [] }, ['team']);
    assert.equal(rule.isNote('research/flask.md'), true);
    assert.equal(rule.isNote('team/research/django.md'), false);
    assert.equal(rule.isNote('teams/django.md'), true, 'a folder whose name only starts like a nested scope’s');
    assert.equal(rule.entersFolder('team'), false);
    assert.equal(rule.entersFolder('research'), true);
    assert.equal(
      rule.entersFolder('research', () => true),
      false,
      'a folder a walk finds holding a scope file',
    );
    assert.equal(
      new NotesRule({ notes: '**/*.md', exclude: [] }).isNote('team/research/django.md'),
      true,
      'without nested scopes every Markdown file below is a note',
    );
  });
});
