import * as assert from 'node:assert/strict';
import { gapsAnswer } from '../../src/core/brief/agentTools';
import { briefSubject, researchBrief } from '../../src/core/brief/researchBrief';
import { findProduct, findSection } from '../../src/core/notes/scopeLookup';
import { gapFacts, productFacts, scopeListing, selectTargets } from '../../src/core/brief/scopeFacts';
import { isInsideNotes, planSectionWrite } from '../../src/core/brief/sectionWrite';
import { applyTextEdits } from '../../src/core/notes/noteEdits';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { main } from '../../src/cli/main';
import { exampleIndex, processorMs, repoRoot } from './helpers';
import { syntheticScope } from './matrixFixtures';
import { indexOf, statusOf, testScope } from './noteFixtures';

const DJANGO =
  '---\nproduct: django\ncategory: web\n---\n\n# Django\n\n## Architecture guidance and opinionation\n\nBatteries included. One layout.\n\n## Auth, security, and rate limiting\n\nTODO: sessions\n';

describe('scope look-ups for agents', () => {
  it('finds a product by id, name or alias, in every category that holds it unless one is named', () => {
    const scope = testScope();
    assert.deepEqual(findProduct(scope, 'DRF'), { ok: true, value: [{ categoryId: 'web', productId: 'django-rest-framework' }] });
    const flask = findProduct(scope, 'flask');
    assert.ok(flask.ok && flask.value.length === 2);
    assert.deepEqual(findProduct(scope, 'Flask', 'Dashboards'), { ok: true, value: [{ categoryId: 'dash', productId: 'flask' }] });
    const unknown = findProduct(scope, 'Djnago');
    assert.ok(!unknown.ok && unknown.message.includes('did you mean Django'));
    assert.ok(!findProduct(scope, 'Django', 'nowhere').ok);
  });

  it('finds a section by product and axis alias, and asks for the category only when the axis is in several', () => {
    const scope = testScope();
    const section = findSection(scope, 'Flask', 'Fallbacks');
    assert.ok(section.ok);
    assert.deepEqual([section.value.target.categoryId, section.value.axis.id], ['dash', 'degraded-modes-and-fallback-behaviors']);
    const wrong = findSection(scope, 'Django', 'Pricing');
    assert.ok(!wrong.ok && wrong.message.includes('Architecture guidance'));
  });
});

describe('scope facts', () => {
  it("lists the scope with goals, descriptions and each product's notes and answers", async () => {
    const listing = scopeListing(await exampleIndex());
    assert.equal(listing.subject, 'Grid + Throughput Engine');
    const web = listing.categories[0];
    assert.match(web.goal, /backend framework/);
    assert.deepEqual(
      web.products.find((p) => p.id === 'django'),
      { id: 'django', name: 'Django', aliases: [], notes: ['research/django.md'], answered: 3 },
    );
    assert.deepEqual(web.products.find((p) => p.id === 'django-rest-framework')?.aliases, ['DRF']);
  });

  it("gives one product's sections with status, 1-based line and text, and the gaps of a category", async () => {
    const index = await exampleIndex();
    const django = productFacts(index, { categoryId: 'python-web-frameworks', productId: 'django' });
    assert.deepEqual(
      django?.sections.map((s) => [s.status, s.line]),
      [
        ['answered', 8],
        ['answered', 16],
        ['answered', 23],
        ['placeholder', 33],
      ],
    );
    assert.match(django?.sections[0].text ?? '', /batteries included/);
    const targets = selectTargets(index, { category: 'python-web-frameworks' });
    assert.ok(targets.ok);
    const gaps = gapFacts(index, targets.value);
    assert.deepEqual(
      gaps.find((g) => g.product.id === 'fastapi')?.sections.map((s) => `${s.status} ${s.axis.id}`),
      [
        'empty auth-security-and-rate-limiting',
        'placeholder testing-strategy-and-coverage-expectations',
        'missing dev-experience-documentation-and-templates',
      ],
    );
    assert.ok(!gaps.some((g) => g.sections.some((s) => s.status === 'answered')));
  });
});

describe('research brief', () => {
  it('states the goal, what is answered with its place, what is left with descriptions, and the conventions', async () => {
    const index = await exampleIndex();
    const subject = briefSubject(index, { product: 'DRF' });
    assert.ok(subject.ok);
    const brief = researchBrief(index, subject.value);
    assert.match(brief, /^# Research brief: Django REST Framework\n/);
    assert.match(brief, /Our product: \*\*Grid \+ Throughput Engine\*\*/);
    assert.match(brief, /\*\*Goal:\*\* Compare Grid’s backend framework aspects/);
    assert.match(brief, /a new note `research\/django-rest-framework\.md` \(front matter `product: django-rest-framework`/);
    assert.match(brief, /To research \(4 of 4\):/);
    assert.match(brief, /## Conventions[\s\S]*`## Architecture guidance and opinionation`[\s\S]*`TODO`/);
    const django = researchBrief(index, (briefSubject(index, { product: 'django' }) as { ok: true; value: never }).value);
    assert.match(
      django,
      /- \*\*Architecture guidance and opinionation\*\* \(`research\/django\.md:8`, score 4\/4 \(best\)\): Django is "batteries included"/,
    );
    assert.match(
      django,
      /as the default path\. No as-of date\. Sources: <https:\/\/docs\.djangoproject\.com\/en\/stable\/intro\/overview\/>, <https:\/\/docs\.djangoproject\.com\/en\/stable\/ref\/applications\/>\.\n/,
      'an answer with its sources',
    );
    assert.match(
      django,
      /\*\*Testing strategy and coverage expectations\*\* [^\n]* As of 2023-04-01, stale: check it again\. Sources: <https:\/\/docs\.djangoproject\.com\/en\/stable\/topics\/testing\/overview\/>\.\n/,
      'a stale answer, dated by its As of line',
    );
    assert.match(
      django,
      /\*\*Auth, security, and rate limiting\*\* [^\n]* No as-of date\. No source cited\.\n/,
      'an answer that rests on nothing cited',
    );
    assert.match(django, /- Date each answer on a line of its own, `As of YYYY-MM-DD`/);
    assert.match(
      django,
      /- Score each answer on a line of its own, `Score: N`, N from 0 to 4 \(0 absent, 1 weak, 2 partial, 3 strong, 4 best\), against the axis's description\./,
    );
    assert.match(django, /- \*\*Dev experience, documentation, and templates\*\*: only a placeholder at `research\/django\.md:33`\./);
  });

  it('of every gap, lists only products with gaps, grouped by category, and says so when there are none', async () => {
    const index = await exampleIndex();
    const brief = researchBrief(index, (briefSubject(index, { gaps: true }) as { ok: true; value: never }).value);
    assert.match(brief, /# Research brief: every gap/);
    assert.equal(brief.match(/^## /gm)?.length, 5, 'four categories and the conventions');
    assert.doesNotMatch(brief, /Already answered/);
    const done = indexOf({ 'research/grafana.md': '# Grafana\n\n## Dashboard layout\n\nRows.\n\n## Fallbacks\n\nCached.\n' });
    const targets = selectTargets(done, { product: 'grafana' });
    assert.ok(targets.ok);
    assert.match(researchBrief(done, { kind: 'gaps', targets: targets.value }), /Every axis of every product is answered\./);
    const unscored = indexOf({ 'research/grafana.md': '# Grafana\n\n## Dashboard layout\n\nRows.\n' });
    assert.doesNotMatch(
      researchBrief(unscored, { kind: 'products', title: 'Grafana', targets: targets.value }),
      /Score/,
      'no scoring block: no score convention',
    );
  });

  it('is what `competitor-scope brief` prints; an unknown product is a usage error', async () => {
    let stdout = '';
    let stderr = '';
    const out = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
    assert.equal(await main(['brief', '--category', 'observability-control-planes', 'example'], repoRoot, out), 0);
    assert.match(stdout, /^# Research brief: Observability, Control Planes, and Dashboards\n/);
    assert.match(stdout, /### Grafana[\s\S]*### Datadog/);
    assert.equal(await main(['brief', 'Djangoo', 'example'], repoRoot, out), 2);
    assert.match(stderr, /"Djangoo" is not a product of the scope; did you mean Django/);
  });
});

describe('briefs and gaps at scale', () => {
  /** One category of `products` products and 6 axes, a quarter of them with a note answering one axis. */
  function bigIndex(products: number): NoteIndex {
    const index = new NoteIndex(syntheticScope(products, 1, 6).scope, { today: () => '2025-01-01' });
    for (let p = 1; p <= products; p += 4) index.setNote(`research/product-1-${p}.md`, '## Axis 1.1\n\nYes.\n');
    return index;
  }

  /**
   * The processor time (see processorMs) of the brief of every gap, the
   * gaps as agents read them, and every note's findings (as check lists them).
   */
  function millisecondsFor(products: number): number {
    const index = bigIndex(products);
    return processorMs(() => {
      const subject = briefSubject(index, { gaps: true });
      assert.ok(subject.ok);
      assert.match(researchBrief(index, subject.value), /### Product 1-1\n/);
      assert.ok(gapsAnswer(index, {}).ok);
      for (const path of index.paths()) index.findings(path);
    });
  }

  it('take time linear in products: 40,000 products well under 16 times as long as 5,000 (quadratic would be 64)', function () {
    this.timeout(300_000);
    millisecondsFor(2_000); // warms the code up, so that the smaller scope is not measured cold
    const small = millisecondsFor(5_000);
    const large = millisecondsFor(40_000);
    assert.ok(
      large / small < 16,
      `5,000 products: ${small.toFixed(0)} ms; 40,000: ${large.toFixed(0)} ms (${(large / small).toFixed(1)} times)`,
    );
  });
});

describe('writing a section for an agent', () => {
  const web = { categoryId: 'web', productId: 'django' };
  const read = (notes: Record<string, string>) => (p: string) => notes[p];

  it('adds a missing section where the axis belongs, with its text, only inserting', () => {
    const notes = {
      'research/django.md': DJANGO.replace('\n## Auth', '\n## Testing strategy and coverage expectations\n\nPytest.\n\n## Auth'),
    };
    const index = indexOf(notes);
    const plan = planSectionWrite(index, { categoryId: 'dash', productId: 'flask' }, 'dashboard-layout', 'x', read(notes));
    assert.ok(plan.ok && plan.create && plan.path === 'research/flask.md');
    const write = planSectionWrite(index, web, 'auth-security-and-rate-limiting', 'Sessions and CSRF built in.', read(notes));
    assert.ok(write.ok && !write.create);
    assert.equal(write.text, applyTextEdits(notes['research/django.md'], write.edits));
    assert.ok(
      write.text.includes(
        `## Auth, security, and rate limiting\n\nTODO: sessions\n\nAs of ${index.day()}\n\nSessions and CSRF built in.\n`,
      ),
    );
    const after = indexOf({ 'research/django.md': write.text });
    assert.equal(statusOf(after, 'web', 'django', 'auth-security-and-rate-limiting'), 'answered');
  });

  it('inserts a missing axis between its neighbours, and creates a note from the template for a product with none', () => {
    const notes = { 'research/django.md': DJANGO };
    const index = indexOf(notes);
    const write = planSectionWrite(index, web, 'testing-strategy-and-coverage-expectations', 'Pytest and the test client.', read(notes));
    assert.ok(write.ok && !write.create);
    assert.ok(write.text.startsWith(DJANGO.slice(0, DJANGO.indexOf('## Auth'))));
    assert.ok(
      write.text.endsWith(`## Testing strategy and coverage expectations\n\nAs of ${index.day()}\n\nPytest and the test client.\n`),
    );
    const create = planSectionWrite(
      index,
      { categoryId: 'dash', productId: 'grafana' },
      'degraded-modes-and-fallback-behaviors',
      'Cached panels.',
      read(notes),
    );
    assert.ok(create.ok && create.create);
    assert.equal(create.path, 'research/grafana.md');
    assert.equal(
      statusOf(indexOf({ 'research/grafana.md': create.text }), 'dash', 'grafana', 'degraded-modes-and-fallback-behaviors'),
      'answered',
    );
    assert.equal(statusOf(indexOf({ 'research/grafana.md': create.text }), 'dash', 'grafana', 'dashboard-layout'), 'empty');
  });

  it('is idempotent: the same answer written twice is written once, the second time reported unchanged', () => {
    let notes: Record<string, string> = { 'research/django.md': DJANGO };
    const answer = 'Sessions, CSRF and\nclickjacking protection built in.';
    const first = planSectionWrite(indexOf(notes), web, 'auth-security-and-rate-limiting', answer, read(notes));
    assert.ok(first.ok && !first.unchanged);
    notes = { 'research/django.md': first.text };
    const again = planSectionWrite(indexOf(notes), web, 'auth-security-and-rate-limiting', `  ${answer.replace('\n', ' ')}\n`, read(notes));
    assert.ok(again.ok && again.unchanged && !again.create);
    assert.deepEqual(again.edits, []);
    assert.equal(again.text, first.text);
    // Another answer to the answered axis is refused, not added: the agent is told where to edit.
    const other = planSectionWrite(indexOf(notes), web, 'auth-security-and-rate-limiting', 'Something else.', read(notes));
    assert.ok(!other.ok && other.message.includes('already answers'));
  });

  it('refuses an answered axis, empty text, a note it cannot read and paths outside the notes glob, and writes after an open fence where the answer counts', () => {
    const notes = { 'research/django.md': DJANGO };
    const index = indexOf(notes);
    const answered = planSectionWrite(index, web, 'architecture-guidance-and-opinionation', 'More.', read(notes));
    assert.ok(!answered.ok && answered.message.includes('already answers'));
    assert.ok(!planSectionWrite(index, web, 'auth-security-and-rate-limiting', '  \n', read(notes)).ok);
    assert.ok(!planSectionWrite(index, web, 'auth-security-and-rate-limiting', 'Text.', () => undefined).ok);
    const fenced = { 'research/django.md': `${DJANGO}\n\`\`\`\nopen fence\n` };
    const inFence = planSectionWrite(indexOf(fenced), web, 'testing-strategy-and-coverage-expectations', 'Pytest.', read(fenced));
    // The section goes after the open fence's closer (as every added section does), where it counts.
    assert.ok(inFence.ok, inFence.ok ? '' : inFence.message);
    // The scope file's validation refuses such a glob; the write checks again, whatever scope it is given.
    const valid = testScope(
      `version: 1\ntitle: T\ncategories:\n  - name: Web\n    goal: G.\n    products: [{ name: Django }]\n    axes: [{ name: Pricing }]\n`,
    );
    const outside = indexOf({}, { ...valid, notes: '../outside/*.md' });
    const refused = planSectionWrite(outside, { categoryId: 'web', productId: 'django' }, 'pricing', 'Free.', () => undefined);
    assert.ok(!refused.ok && refused.message.includes('outside the notes folder'));
    assert.equal(isInsideNotes({ notes: 'research/**/*.md', exclude: [] }, 'research/a/b.md'), true);
    for (const bad of ['/etc/x.md', 'research/../x.md', 'C:/x.md', 'other/x.md', 'research//x.md']) {
      assert.equal(isInsideNotes({ notes: 'research/**/*.md', exclude: [] }, bad), false, bad);
    }
    assert.equal(
      isInsideNotes({ notes: 'research/**/*.md', exclude: ['README.md'] }, 'research/a/README.md'),
      false,
      'an excluded file is no note',
    );
  });
});
