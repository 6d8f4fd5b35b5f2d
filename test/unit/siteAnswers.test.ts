import * as assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { siteFiles } from '../../src/core/site/buildSite';
import { productFile } from '../../src/core/site/sitePage';
import { parseScope } from '../../src/core/scope/scopeParser';
import { DJANGO_NOTE, SCORED_SCOPE_YAML } from './scoringFixtures';

const BUILD = { builtAt: '2026-01-01 00:00', commit: null, noCommit: 'in a test', repoPrefix: '' };
const NOTE = 'research/django.md';

/**
 * Django's page of the site, its note analyzed from `analyzed` and, as the command line and the desktop do, read
 * again for its answers from the file, which holds `onDisk` by then.
 */
function djangoPage(analyzed: string, onDisk: string): string {
  const parsed = parseScope(SCORED_SCOPE_YAML);
  if (!parsed.ok) throw new Error('the fixture scope is invalid');
  const index = new NoteIndex(parsed.scope, { today: () => '2026-01-01', readText: (path) => (path === NOTE ? onDisk : undefined) });
  index.setNote(NOTE, analyzed);
  const page = [...siteFiles({ index, build: BUILD }).files].find((file) => file.name === productFile('web', 'django'));
  assert.ok(page, 'Django has a page');
  return page.text;
}

describe('the site’s answers', () => {
  it('renders each answer from the text its note was analyzed from', () => {
    const page = djangoPage(DJANGO_NOTE, DJANGO_NOTE);
    assert.match(page, /Sessions and permissions\./);
    assert.match(page, /A test client and fixtures\./);
  });

  it('renders no answer from a note changed since it was analyzed, never another section’s lines under a heading', () => {
    // Auth's and Testing's answers swapped on disk after the analysis: Auth's lines now hold Testing's answer.
    const swapped = DJANGO_NOTE.replace('Sessions and permissions.', '\0')
      .replace('A test client and fixtures.', 'Sessions and permissions.')
      .replace('\0', 'A test client and fixtures.');
    const page = djangoPage(DJANGO_NOTE, swapped);
    assert.doesNotMatch(page, /Sessions and permissions\./);
    assert.doesNotMatch(page, /A test client and fixtures\./);
  });
});
