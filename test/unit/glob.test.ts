import * as assert from 'node:assert/strict';
import { Glob, notesGlobProblem } from '../../src/core/scope/glob';
import { parseScope } from '../../src/core/scope/scopeParser';
import { growsLinearly } from './helpers';

describe('Glob', () => {
  it('matches ** across folders (none included), * and ? within one', () => {
    const glob = new Glob('research/**/*.md');
    assert.ok(glob.matches('research/django.md'));
    assert.ok(glob.matches('research/a/b/c.md'));
    assert.ok(!glob.matches('research/django.mdx'));
    assert.ok(!glob.matches('other/django.md'));
    assert.ok(new Glob('notes/?.md').matches('notes/a.md'));
    assert.ok(!new Glob('notes/*.md').matches('notes/a/b.md'));
  });

  it('matches {a,b} alternatives and [abc] classes, and gives the folder to walk from', () => {
    const glob = new Glob('./docs/{research,notes}/**/*.{md,markdown}');
    assert.ok(glob.matches('docs/notes/x.markdown'));
    assert.ok(!glob.matches('docs/other/x.md'));
    assert.equal(glob.base, 'docs');
    assert.ok(new Glob('[ab].md').matches('b.md'));
    assert.equal(new Glob('**/*.md').base, '');
  });
});

describe('exclude globs', () => {
  it('leave out the files they match: a name alone at any depth, case ignored; a path from the scope folder', () => {
    const glob = new Glob('research/**/*.md', ['README.md', 'index.md', 'research/drafts/**']);
    assert.ok(!glob.matches('research/README.md'));
    assert.ok(!glob.matches('research/vector-dbs/readme.md'), 'a README in a subfolder, in any case');
    assert.ok(!glob.matches('research/a/b/index.md'));
    assert.ok(!glob.matches('research/drafts/django.md'));
    assert.ok(glob.matches('research/django.md'));
    assert.ok(glob.matches('research/readme-tools.md'), 'only the whole name');
    assert.ok(glob.matches('research/a/drafts/django.md'), 'a path glob is from the scope folder');
  });

  it('are README.md and index.md when the scope file names none, and the file’s own list replaces them', () => {
    const scope = (extra: string) => {
      const parsed = parseScope(
        `version: 1\ntitle: T\n${extra}categories:\n  - name: Web\n    goal: G\n    products: [Django]\n    axes: [Pricing]\n`,
      );
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems[0].message);
      return parsed.scope;
    };
    assert.deepEqual(scope('').exclude, ['README.md', 'index.md']);
    assert.deepEqual(scope('exclude: [drafts/**]\n').exclude, ['drafts/**']);
    assert.deepEqual(scope('exclude: []\n').exclude, []);
  });

  it('are refused like the notes glob: control characters, paths outside the folder', () => {
    const problem = (exclude: string) => {
      const parsed = parseScope(
        `version: 1\ntitle: T\nexclude: [${exclude}]\ncategories:\n  - name: Web\n    goal: G\n    products: [Django]\n    axes: [Pricing]\n`,
      );
      assert.ok(!parsed.ok);
      return parsed.problems[0].message;
    };
    assert.equal(problem('"a\\nb.md"'), '"exclude[0]": the glob holds a control character (\\n)');
    assert.equal(problem('README.md, ../x.md'), `"exclude[1]": the glob must stay inside the scope file's folder: ".." is not allowed`);
  });
});

describe('the notes glob from a hostile scope file', () => {
  it('matches in time linear in the name, where a backtracking regex took seconds', () => {
    const glob = new Glob('*a*a*a*a*a*a*a*a*b.md');
    for (const length of [45, 60, 200, 2000]) assert.ok(!glob.matches(`${'a'.repeat(length)}.md`));
    // The hand-made regex took 11 s on 45 characters and 25 s on 60.
    growsLinearly(
      (length) => `${'a'.repeat(length)}.md`,
      (name) => {
        for (let i = 0; i < 100; i++) glob.matches(name);
      },
      250,
    );
    assert.ok(glob.matches('xaaaaaaaab.md'));
  });

  it('never takes the scope file for a note, whatever the glob', () => {
    assert.ok(!new Glob('**/*').matches('competitor-scope.yaml'));
    assert.ok(!new Glob('**/*').matches('research/competitor-scope.yaml'), 'nor any other file that is not Markdown');
  });

  it('matches only Markdown files, never inside .git or node_modules, whatever the glob names', () => {
    assert.ok(!new Glob('.git/hooks/*').matches('.git/hooks/pre-commit'), 'a hook is not a note');
    assert.ok(!new Glob('.git/**/*.md').matches('.git/info/notes.md'));
    assert.ok(!new Glob('**/*.md').matches('docs/.GIT/x.md'), 'on a case-insensitive disk .GIT is .git');
    assert.ok(!new Glob('**/*.md').matches('research/node_modules/pkg/readme.md'));
    assert.ok(!new Glob('research/*').matches('research/django.txt'));
    assert.ok(!new Glob('research/*').matches('research/pre-commit'));
    assert.ok(new Glob('research/*').matches('research/django.MD'));
    assert.ok(new Glob('research/*').matches('research/django.Markdown'));
    assert.ok(new Glob('research/.github/*.md').matches('research/.github/node_modules.md'), 'only the folders themselves are left out');
  });

  it('refuses globs that leave the folder, cannot match, or expand without bound', () => {
    assert.match(notesGlobProblem('../outside/*.md') ?? '', /inside the scope file's folder/);
    assert.match(notesGlobProblem('research/../../x/*.md') ?? '', /inside/);
    assert.match(notesGlobProblem('/etc/**/*.md') ?? '', /absolute/);
    assert.match(notesGlobProblem('C:/notes/*.md') ?? '', /absolute/);
    assert.match(notesGlobProblem('research/[z-a]*.md') ?? '', /"z-a", which runs backwards/);
    assert.match(notesGlobProblem('research/[abc.md') ?? '', /no closing/);
    assert.match(notesGlobProblem('{a,b}'.repeat(16)) ?? '', /groups/);
    assert.equal(notesGlobProblem('research/**/*.{md,markdown}'), undefined);
    assert.equal(notesGlobProblem('docs/[a-z]*.md'), undefined);
  });

  it('reports a bad glob as invalid-scope at the notes value', () => {
    const result = parseScope(
      'version: 1\ntitle: T\nnotes: "research/[z-a]*.md"\ncategories:\n  - name: C\n    goal: G\n    products: [{ name: P }]\n    axes: [{ name: A }]\n',
    );
    assert.deepEqual(
      result.problems.map((p) => [p.message, p.range.start.line, p.range.start.character]),
      [['"notes": the notes glob has the range "z-a", which runs backwards', 2, 7]],
    );
  });
});
