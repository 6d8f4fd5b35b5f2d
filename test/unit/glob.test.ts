import * as assert from 'node:assert/strict';
import { Glob } from '../../src/core/glob';

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
