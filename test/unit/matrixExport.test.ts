import * as assert from 'node:assert/strict';
import { matrixToCsv } from '../../src/core/matrix/exportCsv';
import { matrixToHtml } from '../../src/core/matrix/exportHtml';
import { inline, matrixToMarkdown } from '../../src/core/matrix/exportMarkdown';
import { buildMatrix } from '../../src/core/matrix/matrixModel';
import { matrixCoverage, matrixScope, scoredCoverage, scoredMatrixScope } from './matrixFixtures';

const model = buildMatrix(matrixScope(), matrixCoverage());

describe('matrix export: Markdown', () => {
  const markdown = matrixToMarkdown(model);
  const lines = markdown.split('\n');

  it('writes one table per category with its goal, excerpts and totals', () => {
    assert.equal(lines[0], '# Matrix &lt;test&gt; & scope');
    assert.ok(lines.includes('## Web \\| frameworks'));
    assert.ok(lines.includes('Goal: Compare "web" stacks, side by side.'));
    assert.ok(lines.includes('| Product | Auth | Testing | Coverage | Score |'));
    assert.ok(lines.includes('| --- | --- | --- | ---: | ---: |'));
    assert.ok(lines.includes('| **Our Engine** (subject) | ● Tokens. | ● Property tests. | 2/2 | — |'), markdown);
    assert.ok(lines.includes('| Django | ● Sessions \\| CSRF built in. | ◐ placeholder | 1/2 | — |'), markdown);
    assert.ok(lines.includes('| Flask | ✕ missing | ✕ missing | 0/2 | — |'));
    assert.ok(lines.includes('| **Answered** | 2/3 | 0/3 | **2/6** | |'));
    assert.ok(lines.includes('## Simulation'));
  });

  it('keeps every row of a table one line with the same number of cells', () => {
    for (const section of markdown.split('\n## ').slice(1)) {
      const rows = section.split('\n').filter((l) => l.startsWith('|'));
      const widths = new Set(rows.map((l) => l.replace(/\\\|/g, '').split('|').length));
      assert.equal(widths.size, 1, section);
    }
  });

  it('escapes HTML and Markdown in team text', () => {
    assert.ok(
      lines.some((l) =>
        l.startsWith('| &lt;img src=x onerror=alert(1)&gt; | ● &lt;script&gt;alert("x")&lt;/script&gt; =SUM(A1) &amp;amp; more |'),
      ),
      markdown,
    );
    assert.equal(inline('a*b*_c_ [x](javascript:alert(1)) `code`\nnext'), 'a\\*b\\*\\_c\\_ \\[x\\](javascript:alert(1)) \\`code\\` next');
  });
});

describe('matrix export: scores', () => {
  const scored = buildMatrix(scoredMatrixScope(), scoredCoverage());

  it('shows each score as a Harvey ball and N/M in Markdown, with the weight and the row’s weighted score', () => {
    const lines = matrixToMarkdown(scored).split('\n');
    assert.ok(lines.includes('| Product | Auth (×2) | Testing | Coverage | Score |'));
    assert.ok(lines.includes('| Django | ◑ 2/4 Sessions. | ● 4/4 A client. | 2/2 | 8/12 (67%) on 2 of 2 axes |'), lines.join('\n'));
  });

  it('gives CSV a Score column and HTML the ball with its number and label', () => {
    assert.ok(matrixToCsv(scored).includes('\r\nWeb | frameworks,Django,,Auth,Answered,2,Sessions.,'));
    const html = matrixToHtml(scored);
    assert.ok(html.includes('<span class="score"><span aria-hidden="true">◑</span> 2/4 (partial)</span> Sessions.'), html);
    assert.ok(html.includes('<td class="total">8/12 (67%) on 2 of 2 axes</td>'));
  });
});

describe('matrix export: CSV', () => {
  const csv = matrixToCsv(model);

  it('writes a header and one CRLF record per cell', () => {
    const records = csv.split('\r\n');
    assert.equal(records.at(-1), '');
    assert.equal(
      records[0],
      'Category,Product,Subject,Axis,Status,score,Excerpt,Note,Line,Category ID,Product ID,Axis ID,As of,Age,Sources,Stale,Unsourced',
    );
    assert.equal(records.length - 2, 4 * 2 + 1);
    assert.equal(records[1], 'Web | frameworks,Our Engine,yes,Auth,Answered,,Tokens.,research/ours.md,6,web,our-engine,auth,,,0,,');
    assert.equal(records[5], 'Web | frameworks,Flask,,Auth,Missing,,,,,web,flask,auth,,,,,');
    assert.equal(records.at(-2), 'Simulation,Ansys,,Fidelity,Missing,,,,,sim,ansys,fidelity,,,,,');
  });

  it('quotes fields as RFC 4180 asks and defuses formulas', () => {
    assert.ok(csv.includes('\r\n"Web | frameworks",') === false);
    assert.ok(csv.includes(',"<script>alert(""x"")</script> =SUM(A1) &amp; more",'), csv);
    const hostile = buildMatrix(matrixScope(), [
      {
        categoryId: 'sim',
        productId: 'ansys',
        notes: ['a.md'],
        axes: [{ axisId: 'fidelity', status: 'answered', file: 'a, b.md', line: 2, excerpt: '=HYPERLINK("x")' }],
      },
    ]);
    assert.ok(
      matrixToCsv(hostile).includes(',Answered,,"\'=HYPERLINK(""x"")","a, b.md",3,sim,ansys,fidelity,,,0,,\r\n'),
      matrixToCsv(hostile),
    );
  });
});

describe('matrix export: HTML', () => {
  const html = matrixToHtml(model);

  it('is a standalone page with a table per category, headers marked for screen readers, and totals', () => {
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    assert.equal(html.match(/<table>/g)?.length, 2);
    assert.ok(html.includes('<th scope="col" title="How requests are authenticated.">Auth</th>'));
    assert.ok(html.includes('<th scope="row">Our Engine <em>(subject)</em></th>'));
    assert.ok(
      html.includes(
        '<td class="answered" title="Sessions | CSRF built in.\nRate limits: none."><span class="status">● Answered</span> Sessions | CSRF built in.</td>',
      ),
    );
    assert.ok(html.includes('<td class="total">2/6</td>'));
  });

  it('escapes every piece of team text', () => {
    assert.ok(!html.includes('<script>'));
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62;'));
    assert.ok(html.includes('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; =SUM(A1) &#38;amp; more'));
    assert.ok(html.includes('<title>Matrix &#60;test&#62; &#38; scope</title>'));
  });
});

describe('matrix export: evidence', () => {
  const coverage = matrixCoverage().map((product) =>
    product.productId !== 'django'
      ? product
      : {
          ...product,
          axes: product.axes.map((axis) =>
            axis.axisId === 'auth'
              ? {
                  ...axis,
                  evidence: {
                    sources: ['https://docs.example.com/auth?q=(a|b)', 'http://b.example/'],
                    asOf: '2024-01-01',
                    ageDays: 100,
                    stale: true,
                  },
                }
              : axis,
          ),
        },
  );
  const withEvidence = buildMatrix(matrixScope(), coverage);

  it('gives each answer its age, its sources as links and its marks, in Markdown', () => {
    const markdown = matrixToMarkdown(withEvidence);
    assert.ok(
      markdown.includes(
        '| Django | ● Sessions \\| CSRF built in. (3 mo · [1](https://docs.example.com/auth?q=%28a%7Cb%29) [2](http://b.example/) · ⌛ stale) | ◐ placeholder | 1/2 |',
      ),
      markdown,
    );
  });

  it('in CSV and HTML too', () => {
    assert.ok(matrixToCsv(withEvidence).includes(',web,django,auth,2024-01-01,3 mo,2,yes,\r\n'));
    const html = matrixToHtml(withEvidence);
    assert.ok(
      html.includes(
        '<span class="evidence">3 mo · <a href="https://docs.example.com/auth?q=(a|b)" rel="noopener noreferrer">1</a> <a href="http://b.example/" rel="noopener noreferrer">2</a> · <span class="stale">⌛ stale</span></span>',
      ),
      html,
    );
  });
});
