import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/notes/findings';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { codes, indexOf, SCOPE_YAML, statusOf, testScope } from './noteFixtures';

const DJANGO = '---\nproduct: django\n---\n\n# Django\n';

function only(findings: Finding[], code: Finding['code']): Finding[] {
  return findings.filter((f) => f.code === code);
}

describe('NoteIndex: which product a note is about', () => {
  it('reads front matter product by id, name or alias, after slugging', () => {
    for (const product of ['django-rest-framework', 'Django REST Framework', 'DRF', 'drf']) {
      const index = indexOf({ 'research/x.md': `---\nproduct: ${product}\n---\n` });
      assert.deepEqual(index.note('research/x.md')?.targets, [{ categoryId: 'web', productId: 'django-rest-framework' }], product);
    }
  });

  it('prefers front matter over the file name, and falls back to the file name', () => {
    const index = indexOf({ 'research/grafana.md': '---\nproduct: fastapi\n---\n', 'research/sub/FastAPI.md': '# Notes\n' });
    assert.equal(index.note('research/grafana.md')?.targets[0].productId, 'fastapi');
    assert.equal(index.note('research/sub/FastAPI.md')?.link.kind, 'file-name');
    assert.deepEqual(index.notesOf({ categoryId: 'web', productId: 'fastapi' }), ['research/grafana.md', 'research/sub/FastAPI.md']);
  });

  it('links a product in two categories to both, unless category: chooses one', () => {
    const both = indexOf({ 'research/flask.md': '# Flask\n' });
    assert.deepEqual(
      both.note('research/flask.md')?.targets.map((t) => t.categoryId),
      ['web', 'dash'],
    );
    const one = indexOf({ 'research/flask.md': '---\nproduct: Flask\ncategory: Dashboards\n---\n' });
    assert.deepEqual(
      one.note('research/flask.md')?.targets.map((t) => t.categoryId),
      ['dash'],
    );
  });

  it('reports an unknown product on its value, with the closest products to fix it', () => {
    const index = indexOf({ 'research/x.md': '---\nproduct: djangoo\n---\n' });
    const [finding] = index.findings('research/x.md');
    assert.equal(finding.code, 'unknown-product');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 16 } });
    assert.ok(finding.code === 'unknown-product' && finding.data.suggestions[0].productId === 'django');
  });

  it('reports an unlinked note on line 1 as information, suggesting products', () => {
    const index = indexOf({ 'research/notes-on-pricing.md': '# Pricing\n\nGeneral notes.\n' });
    const [finding] = index.findings('research/notes-on-pricing.md');
    assert.equal(finding.code, 'unlinked-note');
    assert.equal(finding.severity, 'information');
    assert.equal(finding.range.start.line, 0);
    assert.ok(finding.code === 'unlinked-note' && finding.data.suggestions.length === 3);
  });

  it('reports broken front matter and still reads the note by its file name', () => {
    const index = indexOf({ 'research/django.md': '---\nproduct: [unclosed\n---\n\n## Auth, security, and rate limiting\n\nSessions.\n' });
    assert.ok(codes(index, 'research/django.md').includes('invalid-front-matter'));
    assert.equal(statusOf(index, 'web', 'django', 'auth-security-and-rate-limiting'), 'answered');
  });
});

describe('NoteIndex: which heading answers an axis', () => {
  it('normalizes punctuation, hyphens, "&", case and Unicode (NFKC)', () => {
    for (const heading of [
      'Auth, security and rate-limiting',
      'AUTH SECURITY & RATE LIMITING',
      'Ａｕｔｈ, security, and rate limiting',
      'auth-security-and-rate-limiting',
    ]) {
      const index = indexOf({ 'research/django.md': `${DJANGO}\n## ${heading}\n\nSessions.\n` });
      assert.equal(statusOf(index, 'web', 'django', 'auth-security-and-rate-limiting'), 'answered', heading);
    }
  });

  it('matches axis aliases, and setext headings', () => {
    const index = indexOf({ 'research/grafana.md': 'Fallbacks\n---------\n\nStale data is shown greyed.\n' });
    assert.equal(statusOf(index, 'dash', 'grafana', 'degraded-modes-and-fallback-behaviors'), 'answered');
  });

  it('takes the best status among several notes of a product', () => {
    const index = indexOf({
      'research/django.md': `${DJANGO}\n## Architecture guidance and opinionation\n\nTODO\n\n## Auth, security, and rate limiting\n`,
      'research/django-more.md': '---\nproduct: django\n---\n\n## Architecture guidance and opinionation\n\nBatteries included.\n',
    });
    assert.equal(statusOf(index, 'web', 'django', 'architecture-guidance-and-opinionation'), 'answered');
    assert.equal(statusOf(index, 'web', 'django', 'auth-security-and-rate-limiting'), 'empty');
    const coverage = index.coverage().find((p) => p.productId === 'django');
    const answered = coverage?.axes[0];
    const { evidence, ...axis } = answered ?? {};
    // The texts are rendered when read: getters, not fields.
    assert.deepEqual(
      { ...axis, excerpt: answered?.excerpt, section: answered?.section },
      {
        axisId: 'architecture-guidance-and-opinionation',
        status: 'answered',
        file: 'research/django-more.md',
        line: 4,
        score: null,
        excerpt: 'Batteries included.',
        section: 'Batteries included.',
      },
    );
    assert.deepEqual(evidence?.sources, []);
  });

  it('gives each answer’s first sentence and its paragraphs as plain text, sub-headings included, placeholders left out', () => {
    const long = `${'word '.repeat(60)}end.`;
    const index = indexOf({
      'research/django.md': `${DJANGO}\n## Auth, security, and rate limiting\n\n**Sessions** and [CSRF](https://example.invalid) built in. More later.\n\n- TODO: JWT\n\n### Rate limits\n\n${long}\n`,
    });
    const auth = index.coverage().find((p) => p.productId === 'django')?.axes[1];
    assert.equal(auth?.excerpt, 'Sessions and CSRF built in.');
    const [first, heading, third] = (auth?.section ?? '').split('\n');
    assert.equal(first, 'Sessions and CSRF built in. More later.');
    assert.equal(heading, 'Rate limits');
    assert.ok(third.endsWith('…') && third.length < long.length, 'a long paragraph is cut, and says so');
  });

  it('reports a missing axis once per axis on the product: line, and not when another note answers it', () => {
    const index = indexOf({ 'research/django.md': `${DJANGO}\n## Architecture guidance and opinionation\n\nYes.\n` });
    const missing = only(index.findings('research/django.md'), 'missing-axis');
    assert.deepEqual(
      missing.map((f) => f.code === 'missing-axis' && f.data.axisId),
      ['auth-security-and-rate-limiting', 'testing-strategy-and-coverage-expectations'],
    );
    assert.equal(missing[0].range.start.line, 1);
    assert.match(missing[0].message, /"Auth, security, and rate limiting" \(Web Frameworks\)/);

    // Another note answers one; the other is reported once, on the product's first note in path order.
    index.setNote('research/django-testing.md', '---\nproduct: django\n---\n## Testing strategy and coverage expectations\n\nPytest.\n');
    assert.equal(only(index.findings('research/django.md'), 'missing-axis').length, 0);
    assert.equal(only(index.findings('research/django-testing.md'), 'missing-axis').length, 1);
  });

  it('puts missing axes on the first heading when there is no front matter', () => {
    const index = indexOf({ 'research/grafana.md': 'Intro.\n\n# Grafana\n\n## Dashboard layout\n\nRows.\n' });
    const [missing] = only(index.findings('research/grafana.md'), 'missing-axis');
    assert.equal(missing.range.start.line, 2);
  });

  it('reports empty and placeholder sections on their heading', () => {
    const index = indexOf({ 'research/grafana.md': '## Dashboard layout\n\n## Fallbacks\n\nTBD\n' });
    const unanswered = only(index.findings('research/grafana.md'), 'unanswered-axis');
    assert.deepEqual(
      unanswered.map((f) => [f.range.start.line, f.message]),
      [
        [0, 'The section "Dashboard layout" is empty.'],
        [2, 'The section "Degraded modes and fallback behaviors" holds only placeholders.'],
      ],
    );
  });

  it('reports a second heading for an axis in one note', () => {
    const index = indexOf({ 'research/grafana.md': '## Dashboard layout\n\nRows.\n\n## Dashboard Layout\n\nMore.\n' });
    const [duplicate] = only(index.findings('research/grafana.md'), 'duplicate-axis');
    assert.equal(duplicate.severity, 'information');
    assert.equal(duplicate.range.start.line, 4);
  });

  it('reports a heading close to an axis as a typo, but never ordinary headings', () => {
    const index = indexOf({
      'research/django.md': `${DJANGO}\n## Auth, securty and rate limiting\n\nX.\n\n## Testing strategy and coverage\n\nY.\n\n## Summary\n\n## Pricing\n\n## Architecture\n`,
    });
    const typos = only(index.findings('research/django.md'), 'axis-typo');
    assert.deepEqual(
      typos.map((f) => f.code === 'axis-typo' && [f.range.start.line, f.data.axes[0].name]),
      [
        [6, 'Auth, security, and rate limiting'],
        [10, 'Testing strategy and coverage expectations'],
      ],
    );
  });
});

describe('NoteIndex: changes', () => {
  it('returns the notes whose findings change, and forgets a deleted note', () => {
    const index = indexOf({ 'research/django.md': DJANGO, 'research/grafana.md': '# G\n' });
    // A second note that heads no other axis changes no other note's findings but the first's: the missing axes move
    // to the first in path order.
    assert.deepEqual(index.setNote('research/django-2.md', DJANGO).sort(), ['research/django-2.md', 'research/django.md']);
    assert.deepEqual(index.setNote('research/django-2.md', `${DJANGO}\nEdited.\n`), ['research/django-2.md']);
    // One that answers an axis changes the missing-axis findings of every note of the product, and so does its deletion.
    assert.deepEqual(index.setNote('research/django-2.md', `${DJANGO}\n## Architecture guidance and opinionation\n`).sort(), [
      'research/django-2.md',
      'research/django.md',
    ]);
    assert.deepEqual(index.deleteNote('research/django-2.md'), ['research/django.md']);
    assert.deepEqual(index.findings('research/django-2.md'), []);
    assert.deepEqual(index.notesOf({ categoryId: 'web', productId: 'django' }), ['research/django.md']);
  });

  it('re-reads every note against a new scope', () => {
    const index = indexOf({ 'research/django.md': `${DJANGO}\n## Pending matters\n\nPending\n` });
    assert.equal(index.summary().placeholder, 0);
    index.setScope(testScope(SCOPE_WITH_AXIS('Pending matters')));
    assert.equal(statusOf(index, 'web', 'django', 'pending-matters'), 'placeholder');
  });

  it('counts a product prepared ahead of the summary as it is when the summary is asked for', () => {
    const index = indexOf({});
    index.setNote('research/django.md', `${DJANGO}\n## Architecture guidance and opinionation\n\nTBD\n`);
    index.prepareSummary('research/django.md');
    assert.equal(index.summary().placeholder, 1);
    // Another note of the product, after its counts were prepared: the summary counts its answer, not the old counts.
    index.setNote('research/django-2.md', `${DJANGO}\n## Architecture guidance and opinionation\n\nOpinionated, batteries included.\n`);
    index.prepareSummary('research/django-2.md');
    assert.deepEqual([index.summary().placeholder, index.summary().answered], [0, 1]);
    index.deleteNote('research/django-2.md');
    assert.deepEqual([index.summary().placeholder, index.summary().answered], [1, 0]);
  });

  it('summarizes every product of the scope, one in two categories counted twice', () => {
    const summary = indexOf({}).summary();
    assert.deepEqual(summary, { products: 6, axes: 16, answered: 0, missing: 16, empty: 0, placeholder: 0, stale: 0, unsourced: 0 });
  });
});

function SCOPE_WITH_AXIS(name: string): string {
  return `version: 1\ntitle: T\nplaceholders: [Pending]\ncategories:\n  - id: web\n    name: Web\n    goal: G.\n    products: [{ name: Django }]\n    axes: [{ name: ${name} }]\n`;
}

describe('NoteIndex: the scope’s subject', () => {
  const scope = testScope(SCOPE_YAML.replace('title: Test\n', 'title: Test\nsubject: Grid + Throughput Engine\n'));

  it('reads a note about the subject against every category’s axes', () => {
    const index = new NoteIndex(scope);
    index.setNote('research/grid.md', '---\nproduct: Grid + Throughput Engine\n---\n\n## Dashboard layout\n\nOne page per site.\n');
    assert.deepEqual(index.note('research/grid.md')?.targets, [
      { categoryId: 'web', productId: 'grid-throughput-engine' },
      { categoryId: 'dash', productId: 'grid-throughput-engine' },
    ]);
    const missing = index.findings('research/grid.md').filter((f) => f.code === 'missing-axis');
    assert.equal(missing.length, 4, 'three web axes and one dashboard axis');
    assert.match(missing[0].message, /for Grid \+ Throughput Engine\.$/);
  });

  it('gives the subject’s coverage where a note covers it, apart from the products’ coverage', () => {
    const index = new NoteIndex(scope);
    assert.deepEqual(index.subjectCoverage(), []);
    index.setNote('research/grid-throughput-engine.md', '## Dashboard layout\n\nOne page per site.\n');
    const [web, dash] = index.subjectCoverage();
    assert.equal(
      web.axes.every((a) => a.status === 'missing'),
      true,
    );
    assert.equal(dash.axes[0].status, 'answered');
    assert.equal(
      index.coverage().some((c) => c.productId === 'grid-throughput-engine'),
      false,
      'the JSON report lists the scope’s products only',
    );
  });
});

describe('NoteIndex: coverage kept up to date', () => {
  it('follows a note’s changes, its deletion and a new scope, after coverage was read', () => {
    const index = indexOf({ 'research/django.md': `${DJANGO}\n## Architecture guidance and opinionation\n\nTODO\n` });
    const axis = 'architecture-guidance-and-opinionation';
    assert.equal(statusOf(index, 'web', 'django', axis), 'placeholder');
    assert.equal(index.summary().placeholder, 1);
    index.setNote('research/django.md', `${DJANGO}\n## Architecture guidance and opinionation\n\nBatteries included.\n`);
    assert.equal(statusOf(index, 'web', 'django', axis), 'answered');
    index.setNote(
      'research/django-2.md',
      '---\nproduct: django\n---\n\n## Auth, security, and rate limiting\n\nSessions.\n\n## Design\n\nApps as units.\n',
    );
    assert.equal(statusOf(index, 'web', 'django', 'auth-security-and-rate-limiting'), 'answered');
    index.deleteNote('research/django.md');
    assert.equal(statusOf(index, 'web', 'django', axis), 'missing');
    index.setScope(
      testScope(
        SCOPE_YAML.replace(
          '      - name: Architecture guidance and opinionation\n',
          '      - name: Architecture guidance and opinionation\n        aliases: [Design]\n',
        ),
      ),
    );
    assert.equal(statusOf(index, 'web', 'django', axis), 'answered', 'the other note’s "Design" heading answers it through the new alias');
  });
});
