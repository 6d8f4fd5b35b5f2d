import * as assert from 'node:assert/strict';
import { matrixToCsv } from '../../src/core/matrix/exportCsv';
import { matrixToMarkdown } from '../../src/core/matrix/exportMarkdown';
import { buildMatrix } from '../../src/core/matrix/matrixModel';
import { NearMissFinder } from '../../src/core/notes/nearMiss';
import { renameHeadingEdit } from '../../src/core/notes/noteEdits';
import { codes, indexOf, statusOf, testScope } from './noteFixtures';

/** A scope whose axes have short names, an `&` and a plural, and whose products have dots in their names. */
const scope = testScope(`version: 1
title: Rendered
categories:
  - id: tools
    name: Tools
    goal: Compare.
    products:
      - name: package.json
      - name: Node.js
      - name: Deno
    axes:
      - name: Pricing
      - name: R&D investment
      - name: Auth, security, and rate limiting
      - name: Examples
      - name: API
`);

const PRODUCT = '---\nproduct: deno\n---\n';

/** The axes a note about Deno answers, by the headings written in it. */
function answered(body: string): string[] {
  const index = indexOf({ 'research/deno.md': `${PRODUCT}${body}` }, scope);
  return index.note('research/deno.md')?.sections.map((s) => s.axisId) ?? [];
}

describe('headings are read as rendered', () => {
  it('answers an axis with a link, HTML, a comment, an entity, an escape, emphasis or code in its heading', () => {
    for (const heading of [
      '## [Pricing](https://example.com/pricing)',
      '## <a id="pricing"></a>Pricing',
      '## Pricing <!-- check with sales -->',
      '## *Pricing*',
      '## `Pricing`',
      '## Pricing\\*',
      '## [Pricing][plans]\n\n[plans]: https://example.com/plans',
      '## [Pricing]\n\nText.\n\n[pricing]: https://example.com/later-in-the-note',
      'Pricing <!-- setext -->\n-------',
    ]) {
      assert.deepEqual(answered(`${heading}\n`), ['pricing'], heading);
    }
    assert.deepEqual(answered('## R&amp;D investment\n'), ['r-and-d-investment']);
    assert.deepEqual(answered('## Auth, security &amp; rate limiting\n'), ['auth-security-and-rate-limiting']);
    assert.deepEqual(answered('## <https://example.com/api> API\n'), [], 'an autolink reads as its URL');
  });

  it('gives no missing-axis for a linked heading that answers it', () => {
    const index = indexOf({ 'research/deno.md': `${PRODUCT}## [Pricing](https://example.com/pricing)\n\nFree.\n` }, scope);
    const missing = index
      .findings('research/deno.md')
      .filter((f) => f.code === 'missing-axis')
      .map((f) => f.data);
    assert.ok(!missing.some((d) => 'axisId' in d && d.axisId === 'pricing'));
    assert.equal(statusOf(index, 'tools', 'deno', 'pricing'), 'answered');
  });

  it('does not read what renders as written text as markup', () => {
    assert.deepEqual(answered('## [Pricing][undefined-reference]\n'), [], 'an undefined reference shows its brackets');
    assert.deepEqual(answered('## Pricing &amp; more\n'), []);
    assert.deepEqual(answered('## `[Pricing](https://example.com)`\n'), [], 'code shows its text as written');
  });

  it('renames the link text of a linked heading, keeping the link', () => {
    const index = indexOf({ 'research/deno.md': `${PRODUCT}## [Pricng](https://example.com/pricing) <!-- x -->\n` }, scope);
    const analysis = index.note('research/deno.md');
    assert.ok(analysis);
    const typo = index.findings('research/deno.md').find((f) => f.code === 'axis-typo');
    assert.equal(typo?.message, '"Pricng" looks like the axis "Pricing".');
    assert.deepEqual(renameHeadingEdit(analysis, 0, 'Pricing'), {
      range: { start: { line: 3, character: 4 }, end: { line: 3, character: 10 } },
      newText: 'Pricing',
    });
  });
});

describe('excerpts, hovers and exports read as rendered', () => {
  const excerptOf = (body: string) => {
    const index = indexOf({ 'research/deno.md': `${PRODUCT}## Pricing\n\n${body}\n` }, scope);
    const axis = index
      .coverage()
      .find((p) => p.productId === 'deno')
      ?.axes.find((a) => a.axisId === 'pricing');
    return { index, excerpt: axis?.excerpt, section: axis?.section };
  };

  it('decodes entities and escapes and keeps the text of links', () => {
    const { excerpt } = excerptOf(
      'Free &copy; 2024 for [open source][oss] \\*projects\\* &mdash; see <https://deno.com>.\n\n[oss]: https://opensource.org',
    );
    assert.equal(excerpt, 'Free © 2024 for open source *projects* — see https://deno.com.');
  });

  it('never shows a link cut mid-way', () => {
    const url = (n: number) => `https://nodejs.org/api/${'child_process/'.repeat(n)}`;
    const body = `Runs [exec](${url(10)}) and [spawn](${url(20)}) and [spawnSync](${url(30)}) and more words.`;
    const { excerpt, section } = excerptOf(body);
    for (const text of [excerpt, section]) {
      assert.ok(text && !text.includes('](') && !text.includes('https:'), text);
      assert.match(text, /^Runs exec and spawn and/);
      assert.ok(text.endsWith('…'), text);
    }
  });

  it('shows the same plain text in the Markdown and CSV exports and in the hover of deeper headings', () => {
    const { index, section } = excerptOf('Costs &copy; nothing.\n\n### <a id="x"></a>Per *seat*\n\nTen.');
    assert.equal(section, 'Costs © nothing.\nPer seat\nTen.');
    const model = buildMatrix(scope, index.coverage());
    assert.ok(matrixToMarkdown(model).includes('| ● Costs © nothing. (⊘ unsourced) |'));
    assert.ok(matrixToCsv(model).includes(',Costs © nothing.,research/deno.md,'));
  });
});

describe('near misses of short axis names', () => {
  const isNearMiss = (heading: string, name: string) =>
    new NearMissFinder([{ item: name, normalized: name }]).nearest(heading, () => false).length > 0;

  it('hints at plurals, and one letter left out, added or swapped', () => {
    for (const [heading, name] of [
      ['example', 'examples'],
      ['examples', 'example'],
      ['apis', 'api'],
      ['policy', 'policies'],
      ['pricng', 'pricing'],
      ['priccing', 'pricing'],
      ['licnese', 'license'],
      ['integration', 'integrations'],
      ['r and d investments', 'r and d investment'],
      ['auth security and rate limting', 'auth security and rate limiting'],
    ]) {
      assert.ok(isNearMiss(heading, name), `${heading} ~ ${name}`);
    }
  });

  it('gives unrelated short headings no hint', () => {
    for (const [heading, name] of [
      ['cost', 'host'],
      ['scale', 'stale'],
      ['testing', 'nesting'],
      ['speed', 'spend'],
      ['summary', 'support'],
      ['docs', 'dogs'],
      ['notes', 'votes'],
      ['apt', 'api'],
      ['as', 'a'],
      ['pricing', 'pricing'],
      ['overview', 'examples'],
      ['xpricing', 'pricing'],
    ]) {
      assert.ok(!isNearMiss(heading, name), `${heading} !~ ${name}`);
    }
  });

  it('reports "### Example" as a near miss of "Examples", and "## Summary" as nothing', () => {
    const index = indexOf({ 'research/deno.md': `${PRODUCT}### Example\n\nA.\n\n## Summary\n\nB.\n\n## Notes\n\nC.\n` }, scope);
    const typos = index.findings('research/deno.md').filter((f) => f.code === 'axis-typo');
    assert.deepEqual(
      typos.map((f) => f.message),
      ['"Example" looks like the axis "Examples".'],
    );
  });
});

describe('product names with dots', () => {
  it('links the natural file names of "package.json" and "Node.js"', () => {
    for (const path of [
      'research/package-json.md',
      'research/package.json.md',
      'research/packagejson.md',
      'research/node-js.md',
      'research/nodejs.md',
      'research/Node.js.md',
    ]) {
      const index = indexOf({ [path]: '## Pricing\n\nFree.\n' }, scope);
      assert.equal(index.note(path)?.link.kind, 'file-name', path);
      assert.ok(!codes(index, path).includes('unlinked-note'), path);
    }
    const byFrontMatter = indexOf({ 'research/x.md': '---\nproduct: package-json\n---\n' }, scope);
    assert.deepEqual(byFrontMatter.note('research/x.md')?.targets, [{ categoryId: 'tools', productId: 'packagejson' }]);
  });

  it('says which file names would link an unlinked note', () => {
    const index = indexOf({ 'research/package_jsn.md': '## Pricing\n\nFree.\n' }, scope);
    const unlinked = index.findings('research/package_jsn.md').find((f) => f.code === 'unlinked-note');
    assert.equal(
      unlinked?.message,
      'This note is about no product of the scope: name one in front matter ("product: <id>") or name the file after it (for package.json: packagejson.md, package-json.md or package.json.md).',
    );
    assert.ok(unlinked?.code === 'unlinked-note');
    assert.deepEqual(unlinked.data.suggestions[0].fileNames, ['packagejson.md', 'package-json.md', 'package.json.md']);
  });
});
