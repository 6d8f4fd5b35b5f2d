import * as assert from 'node:assert/strict';
import { parseScope } from '../../src/core/scope/scopeParser';
import type { ScopeProblem } from '../../src/core/scope/scopeModel';
import { knownFields } from '../../src/core/scope/scopeProblems';
import { scopeFileSchema } from '../../src/core/scope/scopeSchema';
import * as z from 'zod';
import { noSlowerThan } from './helpers';

const valid = `version: 1
title: Test scope
categories:
  - name: Web Frameworks
    goal: Compare.
    products:
      - name: Django REST Framework
      - id: fa
        name: FastAPI
        aliases: [Fast API]
    axes:
      - name: Auth, security & rate limiting
        description: How requests are authenticated.
`;

function problemsOf(text: string): readonly ScopeProblem[] {
  const result = parseScope(text);
  assert.equal(result.ok, false, 'expected the scope to be refused');
  return result.problems;
}

/** The text that a problem's range covers. */
function textAt(text: string, problem: ScopeProblem): string {
  const lines = text.split('\n');
  const { start, end } = problem.range;
  assert.equal(start.line, end.line, 'a problem is shown on one line');
  return lines[start.line].slice(start.character, end.character);
}

describe('parseScope', () => {
  it('reads a valid scope, defaulting ids to slugs of names and the notes glob', () => {
    const result = parseScope(valid);
    assert.ok(result.ok);
    const [category] = result.scope.categories;
    assert.equal(category.id, 'web-frameworks');
    assert.deepEqual(
      category.products.map((p) => p.id),
      ['django-rest-framework', 'fa'],
    );
    assert.deepEqual(category.products[1].aliases, ['Fast API']);
    assert.equal(category.axes[0].id, 'auth-security-and-rate-limiting');
    assert.equal(category.axes[0].description, 'How requests are authenticated.');
    assert.equal(result.scope.notes, 'research/**/*.md');
    assert.deepEqual(result.scope.placeholders, []);
  });

  it('records where each product stands in the file', () => {
    const result = parseScope(valid);
    assert.ok(result.ok);
    assert.equal(result.scope.categories[0].products[1].range.start.line, 7);
  });

  it('reports a YAML syntax error at the offending line', () => {
    const text = 'version: 1\ntitle: "unterminated\ncategories: []\n';
    const [problem] = problemsOf(text);
    assert.match(problem.message, /^YAML syntax error: /);
    assert.ok(problem.range.start.line >= 1, 'not on the first line');
  });

  it('reports a duplicate product id at the second id, naming the first one’s line', () => {
    const text = valid.replace('      - id: fa\n', '      - id: django-rest-framework\n');
    const [problem, ...rest] = problemsOf(text);
    assert.equal(rest.length, 0);
    assert.match(problem.message, /Duplicate product id "django-rest-framework": line 7 uses it already/);
    assert.equal(textAt(text, problem), 'django-rest-framework');
    assert.equal(problem.range.start.line, 7);
  });

  it('reports ids that collide through their names at the name, and suggests an id', () => {
    const text = valid.replace('      - id: fa\n        name: FastAPI', '      - name: django rest framework');
    const [problem] = problemsOf(text);
    assert.match(problem.message, /Duplicate product id "django-rest-framework" \(from its name\).*give one of them an "id"/);
    assert.equal(textAt(text, problem), 'django rest framework');
  });

  it('reports duplicate category and axis ids', () => {
    const category = valid.split('\n').slice(3).join('\n');
    const text = `${valid}${category}`;
    const problems = problemsOf(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /Duplicate category id "web-frameworks"/);
    const axes = valid.replace(
      '        description: How requests are authenticated.\n',
      '      - name: Auth, Security and Rate-Limiting\n',
    );
    assert.match(problemsOf(axes)[0].message, /Duplicate axis id "auth-security-and-rate-limiting"/);
  });

  it('reads a product or an axis written as its name alone, its id a slug of the name as for a mapping', () => {
    const text = valid
      .replace('      - name: Django REST Framework\n', '      - GitHub Actions\n      - name: CircleCI\n')
      .replace('    axes:\n', '    axes:\n      - Pricing model\n');
    const result = parseScope(text);
    assert.ok(result.ok, result.ok ? '' : result.problems[0].message);
    const [category] = result.scope.categories;
    assert.deepEqual(
      category.products.map((p) => [p.id, p.name]),
      [
        ['github-actions', 'GitHub Actions'],
        ['circleci', 'CircleCI'],
        ['fa', 'FastAPI'],
      ],
    );
    assert.deepEqual([category.axes[0].id, category.axes[0].name, category.axes[0].weight], ['pricing-model', 'Pricing model', 1]);
    assert.equal(category.products[0].range.start.line, 6);

    const flow = parseScope(valid.replace(/ {4}products:\n[\s\S]*? {4}axes:/, '    products: [GitHub Actions, CircleCI]\n    axes:'));
    assert.ok(flow.ok);
    assert.deepEqual(
      flow.scope.categories[0].products.map((p) => p.id),
      ['github-actions', 'circleci'],
    );
  });

  it('says a product must be a name or a mapping with a name when it is neither', () => {
    const text = valid.replace('      - name: Django REST Framework\n', '      - 42\n');
    const [problem] = problemsOf(text);
    assert.equal(problem.message, '"categories[0].products[0]" must be a name or a mapping with a "name", not a number (42).');
    assert.equal(textAt(text, problem), '42');
    assert.equal(
      problemsOf(valid.replace('      - name: Django REST Framework\n', '      - ""\n'))[0].message,
      '"categories[0].products[0]" must not be empty.',
    );
  });

  it('reports a wrong type at the value, naming the field and what it got', () => {
    const text = valid.replace('name: FastAPI', 'name: 42');
    const [problem] = problemsOf(text);
    assert.equal(problem.message, '"categories[0].products[1].name" must be a string, not a number (42).');
    assert.equal(textAt(text, problem), '42');
  });

  it('says each problem of a number once, in words: not a number, infinite, too large, not whole', () => {
    const scoped = (field: string) => valid.replace('categories:', `${field}\ncategories:`);
    const messages = (text: string) => problemsOf(text).map((p) => `${textAt(text, p)}: ${p.message}`);
    assert.deepEqual(messages(scoped('scoring:\n  scale: .nan')), ['.nan: "scoring.scale" must be a number; .nan is not a number.']);
    assert.deepEqual(messages(scoped('freshness: -.Inf')), ['-.Inf: "freshness" must be a number; -.Inf is infinite.']);
    assert.deepEqual(messages(scoped('scoring:\n  scale: 1e308')), ['1e308: "scoring.scale" must be at most 10.']);
    assert.deepEqual(messages(scoped('scoring:\n  scale: -1e308')), ['-1e308: "scoring.scale" must be at least 1.']);
    assert.deepEqual(messages(scoped('freshness: 1e20')), ['1e20: "freshness" is too large a number (1e20).']);
    assert.deepEqual(messages(scoped('freshness: 2.5')), ['2.5: "freshness" must be a whole number, not 2.5.']);
    assert.deepEqual(messages(scoped('notes: ""')), ['"": "notes" must not be empty.']);
    assert.deepEqual(messages(valid.replace('description: How', 'weight: .NaN\n        description: How')), [
      '.NaN: "categories[0].axes[0].weight" must be a number; .NaN is not a number.',
    ]);
  });

  it('reports a missing field at the key of the mapping that lacks it', () => {
    const text = valid.replace('    goal: Compare.\n', '');
    const [problem] = problemsOf(text);
    assert.equal(problem.message, '"categories[0].goal" is required in "categories[0]".');
    assert.equal(problem.range.start.line, 3);
  });

  it('reports an unknown field at its key, listing the known ones', () => {
    const text = valid.replace('    goal: Compare.\n', '    goal: Compare.\n    goals: typo\n');
    const [problem] = problemsOf(text);
    assert.match(
      problem.message,
      /^Unknown field "goals" in "categories\[0\]"\. Did you mean "goal"\? Known fields: id, name, goal, products, axes, evidence, freshness\.$/,
    );
    assert.equal(textAt(text, problem), 'goals');
  });

  it('lists the known fields of every mapping of the scope file beside an unknown one', () => {
    const unknownIn = (text: string) => problemsOf(text)[0].message;
    assert.equal(
      unknownIn(valid + 'colour: red\n'),
      'Unknown field "colour". Known fields: version, title, subject, notes, exclude, placeholders, scoring, evidence, freshness, severity, categories.',
    );
    assert.equal(unknownIn(valid + 'scoring:\n  max: 4\n'), 'Unknown field "max" in "scoring". Known fields: scale, labels.');
    assert.equal(
      unknownIn(valid.replace('name: FastAPI', 'name: FastAPI\n        url: x')),
      'Unknown field "url" in "categories[0].products[1]". Known fields: id, name, description, aliases.',
    );
    assert.equal(
      unknownIn(valid.replace('description: How', 'score: 3\n        description: How')),
      'Unknown field "score" in "categories[0].axes[0]". Known fields: id, name, description, aliases, weight, evidence, freshness.',
    );
  });

  it('knows a field as soon as the schema has it, at any depth', () => {
    const category = scopeFileSchema.shape.categories.element;
    const grown = scopeFileSchema.extend({
      owner: z.string().optional(),
      categories: z.array(category.extend({ axes: z.array(category.shape.axes.element.options[1].extend({ unit: z.string() })) })),
    });
    assert.ok(knownFields(grown, []).includes('owner'));
    assert.ok(knownFields(grown, ['categories', 0, 'axes', 2]).includes('unit'));
    assert.deepEqual(knownFields(grown, ['categories', 0, 'products', 0]), ['id', 'name', 'description', 'aliases']);
    assert.deepEqual(knownFields(grown, ['title']), [], 'a plain field has no fields');
  });

  it('refuses an id that could leave the notes folder, since ids name note files', () => {
    const text = valid.replace('id: fa', 'id: ../../outside');
    const [problem] = problemsOf(text);
    assert.match(
      problem.message,
      /^"categories\[0\]\.products\[1\]\.id" must be letters, digits, "-", "_" or "\." \(it names note files\)/,
    );
    assert.equal(textAt(text, problem), '../../outside');
  });

  it('reports an empty name, a wrong version and an empty category list', () => {
    assert.equal(problemsOf(valid.replace('name: FastAPI', 'name: ""'))[0].message, '"categories[0].products[1].name" must not be empty.');
    assert.equal(problemsOf(valid.replace('version: 1', 'version: 2'))[0].message, '"version" must be 1.');
    const empty = problemsOf('version: 1\ntitle: T\ncategories: []\n');
    assert.equal(empty[0].message, '"categories" must list at least 1.');
  });

  it('refuses an alias bomb quickly, at the first alias of the chain', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const [problem] = problemsOf(levels.join('\n'));
    // Expanded, the bomb would take billions of times as long as a scope file of its size.
    noSlowerThan(
      () => parseScope(valid),
      () => problemsOf(levels.join('\n')),
      10,
    );
    assert.match(problem.message, /cannot be expanded: Excessive alias count/);
    // Line 2 holds the first alias whose anchor holds aliases itself: where the expansion multiplies.
    assert.equal(problem.range.start.line, 2);
  });

  it('refuses a 5 MB file before parsing it', () => {
    const text = valid + `# ${'x'.repeat(5 * 1024 * 1024)}\n`;
    const [problem] = problemsOf(text);
    // Refused in less time than a file of 128 KB takes to parse; parsed, 5 MB would take forty times as long.
    const listOf = (bytes: number) => `${valid}extra:\n${'  - a\n'.repeat(Math.floor((bytes - valid.length) / 6) - 5)}`;
    const [small, huge] = [listOf(128 * 1024), listOf(5 * 1024 * 1024)];
    noSlowerThan(
      () => parseScope(small),
      () => problemsOf(huge),
      1,
    );
    assert.equal(problem.message, 'The scope file is 5.0 MB, over the 1 MB limit for scope files.');
    assert.equal(problem.range.start.line, 0);
    const justOver = problemsOf(`${valid}#${'x'.repeat(1024 * 1024 - valid.length - 1)}\n`);
    assert.equal(
      justOver[0].message,
      'The scope file is 1.000001 MB, over the 1 MB limit for scope files.',
      'never reads as the limit itself',
    );
  });

  it('refuses deep nesting without recursing into it', () => {
    const text = `version: 1\ntitle: ${'['.repeat(100_000)}`;
    const [problem] = problemsOf(text);
    assert.match(problem.message, /nests more than 64 levels deep/);
    assert.equal(problem.range.start.line, 1);
  });

  it('treats an empty file as a scope with every required field missing', () => {
    const messages = problemsOf('').map((p) => p.message);
    assert.deepEqual(messages, ['"version" is required.', '"title" is required.', '"categories" is required.']);
  });
});
