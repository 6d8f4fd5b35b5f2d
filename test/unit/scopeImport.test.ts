import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { importScope } from '../../src/core/scopeImport/scopeImport';
import type { Scope, ScopeItem } from '../../src/core/scope/scopeModel';
import { parseScope } from '../../src/core/scope/scopeParser';
import { slugify } from '../../src/core/text';
import { repoRoot, tempFolder } from './helpers';

const seed = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'seed-competitor-scope.md'), 'utf8');
const builtIn = (() => {
  const parsed = parseScope(readFileSync(path.join(repoRoot, 'scope', 'competitor-scope.yaml'), 'utf8'));
  assert.ok(parsed.ok);
  return parsed.scope;
})();

function imported(markdown: string): { scope: Scope; skipped: readonly string[] } {
  const result = importScope(markdown);
  assert.ok(result.ok, result.ok ? '' : result.message);
  const parsed = parseScope(result.yaml);
  assert.ok(parsed.ok, `the import is a valid scope file: ${parsed.ok ? '' : parsed.problems[0].message}`);
  return { scope: parsed.scope, skipped: result.skipped };
}

/** What the importer can know of an item: everything but an id chosen by hand and aliases it cannot derive. */
const item = (i: ScopeItem) => ({ name: i.name, description: i.description });
const outline = (scope: Scope) => ({
  title: scope.title,
  subject: scope.subject,
  notes: scope.notes,
  categories: scope.categories.map((c) => ({
    name: c.name,
    goal: c.goal,
    products: c.products.map(item),
    axes: c.axes.map((a) => ({ ...item(a), aliases: a.aliases })),
  })),
});

/** Aliases the built-in scope has that no rule derives from the seed's text (other names the team knows). */
const KNOWN_ALIASES = ['Elastic', 'Apache Superset', 'Plotly Dash', 'Copilot', 'Cody'];
/** Ids the built-in scope chose by hand, shorter than the slugs of their names. */
const CHOSEN_IDS = [
  'python-web-frameworks',
  'emerging-typed-di-frameworks',
  'simulation-digital-twin',
  'open-simulation-frameworks',
  'observability-control-planes',
  'ai-development-tools',
  'ai-optimizers',
];

describe('importing a Markdown scope document', () => {
  it('makes the built-in scope from the seed document: categories, goals, products, descriptions, axes', () => {
    const { scope, skipped } = imported(seed);
    assert.deepEqual(skipped, []);
    assert.deepEqual(outline(scope), outline(builtIn));
  });

  it('derives the seed’s aliases by its rules, and the ids wherever the built-in scope did not choose one by hand', () => {
    const { scope } = imported(seed);
    const notDerived: string[] = [];
    const chosen: string[] = [];
    builtIn.categories.forEach((category, ci) => {
      if (category.id !== scope.categories[ci].id) chosen.push(category.id);
      category.products.forEach((product, pi) => {
        const ours = scope.categories[ci].products[pi];
        assert.deepEqual(
          ours.aliases.filter((a) => !product.aliases.includes(a)),
          [],
          `${product.name}: no alias the team did not write`,
        );
        notDerived.push(...product.aliases.filter((a) => !ours.aliases.includes(a)));
        if (product.id !== ours.id) chosen.push(product.id);
        else assert.equal(ours.id, slugify(product.name));
      });
    });
    assert.deepEqual(notDerived, KNOWN_ALIASES);
    assert.deepEqual(chosen, CHOSEN_IDS);
    assert.deepEqual(scope.categories[0].products[1].aliases, ['DRF']);
    assert.deepEqual(scope.categories[2].products[3].aliases, ['Prometheus', 'Alertmanager']);
  });

  it('keeps the document’s prose as comments at the top of the file', () => {
    const result = importScope(seed);
    assert.ok(result.ok);
    assert.match(result.yaml, /^# Competitor Scope for Grid \+ Throughput Engine\n\n# This document defines the classes of competitors/);
    assert.match(result.yaml, /\n# Use this scope as the canonical reference/);
  });

  it('reads variants: no numbering, other bullets, ordered lists, extra prose, "**Goal**:" and a missing goal', () => {
    const variant = seed
      .replace(/^## \d\. /gm, '## ')
      .replace(/^- /gm, '* ')
      .replace('**Goal:** Understand', 'Some words before the goal.\n\n**Goal**: Understand')
      .replace('**Key comparison axes:**\n- Dashboard', '**Key comparison axes:**\n1. Dashboard')
      .replace(/\*\*Goal:\*\* Compare Grid’s AI optimizer[^\n]*\n/, '');
    const mixed = variant.replace(/^\* /gm, (m, offset: number) => (offset % 2 ? '+ ' : m));
    assert.ok(mixed.includes('\n+ ') && mixed.includes('\n* '), 'both bullet characters, even within one list');
    const { scope, skipped } = imported(mixed);
    assert.deepEqual(
      scope.categories.map((c) => c.name),
      builtIn.categories.map((c) => c.name),
    );
    assert.deepEqual(
      scope.categories.map((c) => c.products.length),
      [5, 5, 8, 4],
    );
    assert.deepEqual(
      scope.categories[2].axes.map((a) => a.name),
      builtIn.categories[2].axes.map((a) => a.name),
    );
    assert.equal(scope.categories[1].goal, builtIn.categories[1].goal);
    assert.equal(scope.categories[3].goal, 'TODO');
    const headingLine = mixed.split('\n').indexOf('## AI-Assisted Development & Optimization Tools') + 1;
    assert.deepEqual(skipped, [
      `line ${headingLine}: "AI-Assisted Development & Optimization Tools" has no "Goal:" line: its goal is TODO`,
    ]);
  });

  it('imports what it can of a partly matching document and lists what it left out, by line', () => {
    const { scope, skipped } = imported(
      [
        '# Scope for Acme',
        '',
        '## Databases',
        '',
        '**Goal:** Storage.',
        '',
        '**Products:**',
        '- Postgres',
        '  - its extensions',
        '- MySQL',
        '- Postgres',
        '',
        '### Notes',
        '',
        '```',
        'code',
        '```',
        '',
        '- a stray list',
        '',
        '## Links',
        '',
        'Nothing here.',
        '',
      ].join('\n'),
    );
    assert.equal(scope.subject, 'Acme');
    assert.deepEqual(
      scope.categories.map((c) => c.name),
      ['Databases'],
    );
    assert.deepEqual(
      scope.categories[0].products.map((p) => p.name),
      ['Postgres', 'MySQL'],
    );
    assert.deepEqual(skipped, [
      'line 3: "Databases" has no axes list: it has none',
      'line 8: "Databases": what is below "Postgres" in its list item (only its first line is read)',
      'line 11: "Databases": "Postgres" is there already',
      'line 13: the heading "Notes" in "Databases" is not read (its paragraphs are kept as comments)',
      'line 15: a code block in "Notes"',
      'line 19: a list under "### Notes" (not a category): not read',
      'line 21: "## Links", beside the categories, has no products or axes list: not a category',
    ]);
  });

  it('refuses a document of another structure, naming what it expected and where it is missing', () => {
    for (const [markdown, where] of [
      ['# Meeting notes\n\nWe met.\n', /but it has no heading below its title\.$/],
      [
        '# README\n\n## Install\n\nRun it.\n\n## Usage\n\n- one\n- two\n',
        /but "## Install" \(line 3\) has no labelled products or axes list; "## Usage" \(line 7\)/,
      ],
    ] as const) {
      const result = importScope(markdown);
      assert.equal(result.ok, false);
      const message = result.ok ? '' : result.message;
      assert.match(
        message,
        /^This is not a scope document: expected a "# Title", then per category a heading \(at any level\) with a "Goal:" line and "Products:" and "Axes:" labels/,
      );
      assert.match(message, where);
    }
    const huge = importScope(`# T\n\n${'x'.repeat(2 * 1024 * 1024)}`);
    assert.equal(huge.ok, false);
    assert.equal(huge.ok ? '' : huge.message, 'The document is 2.0 MB, over the 1 MB limit for scope documents.');
  });

  it('runs as competitor-scope import FILE.md: YAML on stdout, what it left out on stderr', async () => {
    let stdout = '';
    let stderr = '';
    const out = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
    assert.equal(await main(['import', 'test/fixtures/seed-competitor-scope.md'], repoRoot, out), 0);
    assert.equal(stderr, '');
    const parsed = parseScope(stdout);
    assert.ok(parsed.ok);
    assert.deepEqual(outline(parsed.scope), outline(builtIn));
    stdout = '';
    assert.equal(await main(['import', 'README.md'], repoRoot, out), 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^README\.md: This is not a scope document/);
  });

  it('refuses a document whose scope file would be over the scope file’s limit, and lists the first 20 things it leaves out', async function () {
    this.timeout(30_000);
    const products = (items: string) => `# T\n\n## Web\n\n**Goal:** G\n\n**Representative products:**\n\n- ${items}\n`;
    const names = Array.from({ length: 120_000 }, (_, i) => `p${i}`).join(', ');
    const folder = tempFolder({
      'same.md': products(`${'a, '.repeat(349_000)}a`),
      'fits.md': products(names.slice(0, names.indexOf(' p45000,'))),
      'many.md': products(names.slice(0, names.lastIndexOf(',', 1_000_000))),
      'shared.md': products(`${names.slice(0, 30_000)} (${'a long description '.repeat(40_000)})`),
    });
    const run = async (file: string) => {
      let stdout = '';
      let stderr = '';
      const code = await main(['import', file], folder, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      return { code, stdout, stderr: stderr.trimEnd().split('\n') };
    };

    const same = await run('same.md');
    assert.equal(same.code, 0);
    const parsed = parseScope(same.stdout);
    assert.ok(parsed.ok && parsed.scope.categories[0].products.length === 1, 'its own parser reads it');
    assert.equal(same.stderr.length, 21);
    assert.equal(same.stderr[0], 'same.md:3: "Web" has no axes list: it has none');
    assert.equal(same.stderr[1], 'same.md:9: "Web": "a" is there already');
    assert.equal(same.stderr[20], 'same.md: 348,981 more left out, not listed.');
    assert.ok(same.stdout.length < 10_000, 'the file lists as few');

    const fits = await run('fits.md');
    assert.equal(fits.code, 0, 'a scope file just under the limit is made');
    assert.ok(fits.stdout.length > 900_000 && parseScope(fits.stdout).ok);

    for (const file of ['many.md', 'shared.md']) {
      const refused = await run(file);
      assert.equal(refused.code, 2, file);
      assert.equal(refused.stdout, '');
      assert.equal(refused.stderr.length, 1);
      assert.match(
        refused.stderr[0],
        new RegExp(
          `^${file.replace('.', '\\.')}: The scope file made from it would be over the 1 MB limit for scope files \\(\\d[\\d,]* products and axes in 1 category\\)\\.$`,
        ),
      );
    }
  });
});
