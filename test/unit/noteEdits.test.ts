import * as assert from 'node:assert/strict';
import {
  addSectionsEdits,
  applyTextEdits as apply,
  renameHeadingEdit,
  setCategoryEdits,
  setProductEdits,
} from '../../src/core/notes/noteEdits';
import { codes, indexOf, testScope } from './noteFixtures';

function isSubsequence(original: string, result: string): boolean {
  let i = 0;
  for (const c of result) if (c === original[i]) i++;
  return i === original.length;
}

const PATH = 'research/django.md';
const AXES = ['architecture-guidance-and-opinionation', 'auth-security-and-rate-limiting', 'testing-strategy-and-coverage-expectations'];

function addAll(text: string): string {
  const index = indexOf({ [PATH]: text });
  const analysis = index.note(PATH);
  assert.ok(analysis);
  return apply(text, addSectionsEdits(analysis, testScope(), 'web', AXES));
}

describe('note edits: add missing sections', () => {
  it('inserts each section in axis order, keeps the team text, and the missing-axis findings go', () => {
    const text = '---\nproduct: django\n---\n\n# Django\n\n## Auth, security, and rate limiting\nSessions.\n\n## Summary\nFine.\n';
    const result = addAll(text);
    assert.ok(isSubsequence(text, result));
    assert.equal(
      result,
      '---\nproduct: django\n---\n\n# Django\n\n## Architecture guidance and opinionation\n\n## Auth, security, and rate limiting\nSessions.\n\n## Testing strategy and coverage expectations\n\n## Summary\nFine.\n',
    );
    const after = indexOf({ [PATH]: result });
    assert.ok(!codes(after, PATH).includes('missing-axis'));
    assert.equal(codes(after, PATH).filter((c) => c === 'unanswered-axis').length, 2);
  });

  it('uses the heading level the note uses for axes, and appends at the end when no axis is there', () => {
    const nested = addAll('# Django\n\n### Auth, security, and rate limiting\n\nSessions.');
    assert.equal(
      nested,
      '# Django\n\n### Architecture guidance and opinionation\n\n### Auth, security, and rate limiting\n\nSessions.\n\n### Testing strategy and coverage expectations\n',
    );
    const bare = addAll('# Django\n\nIntro.\n');
    assert.equal(
      bare,
      '# Django\n\nIntro.\n\n## Architecture guidance and opinionation\n\n## Auth, security, and rate limiting\n\n## Testing strategy and coverage expectations\n',
    );
    assert.ok(!codes(indexOf({ [PATH]: bare }), PATH).includes('missing-axis'));
  });

  for (const [what, ending, closer] of [
    ['an unclosed fence', '```sh\npip install django', '```'],
    ['an unclosed tilde fence, the file ending in a line break', '~~~~\ncode\n', '~~~~'],
    ['an unclosed HTML comment', '<!-- to check with sales', '-->'],
    ['an unclosed <pre>', '<pre>\nraw output\n', '</pre>'],
  ] as const) {
    it(`appends after closing the block the note ends in (${what}): the sections count, and a second fix-all changes nothing`, () => {
      const text = `# Django\n\nIntro.\n\n${ending}`;
      const once = addAll(text);
      assert.ok(isSubsequence(text, once), 'the team text is all still there');
      assert.ok(once.includes(`\n${closer}\n\n## Architecture guidance and opinionation\n`), once);
      assert.ok(!codes(indexOf({ [PATH]: once }), PATH).includes('missing-axis'), 'the new sections count where they are inserted');
      assert.equal(addAll(once), once, 'idempotent');
    });
  }

  it('leaves a closed fence or comment at the end as it is', () => {
    for (const ending of ['```\ncode\n```\n', '<!-- done -->\n']) {
      assert.ok(addAll(`# Django\n\n${ending}`).startsWith(`# Django\n\n${ending}\n## Architecture`));
    }
  });

  it('adds one section alone when asked for one axis', () => {
    const text = '# Django\n\n## Testing strategy and coverage expectations\n\nPytest.\n';
    const analysis = indexOf({ [PATH]: text }).note(PATH);
    assert.ok(analysis);
    const result = apply(text, addSectionsEdits(analysis, testScope(), 'web', ['auth-security-and-rate-limiting']));
    assert.equal(result, '# Django\n\n## Auth, security, and rate limiting\n\n## Testing strategy and coverage expectations\n\nPytest.\n');
  });
});

describe('note edits: renames and front matter', () => {
  it('renames a misspelt heading, text only, and the typo goes', () => {
    const text = '# Django\n\n## Auth, securty and rate limiting ##\n\nSessions.\n';
    const index = indexOf({ [PATH]: text });
    const typo = index.findings(PATH).find((f) => f.code === 'axis-typo');
    assert.ok(typo?.code === 'axis-typo');
    const analysis = index.note(PATH);
    assert.ok(analysis);
    const headingIndex = analysis.parsed.headings.findIndex((h) => h.textRange.start.line === typo.range.start.line);
    const result = apply(text, [renameHeadingEdit(analysis, headingIndex, typo.data.axes[0].name)]);
    assert.equal(result, '# Django\n\n## Auth, security, and rate limiting ##\n\nSessions.\n');
    assert.ok(!codes(indexOf({ [PATH]: result }), PATH).includes('axis-typo'));
  });

  it('adds front matter to an unlinked note, or sets the product and category in existing front matter', () => {
    const unlinked = '# Pricing\n';
    const analysis = indexOf({ 'research/pricing.md': unlinked }).note('research/pricing.md');
    assert.ok(analysis);
    const added = apply(unlinked, setProductEdits(analysis, 'flask', 'dash'));
    assert.equal(added, '---\nproduct: flask\ncategory: dash\n---\n\n# Pricing\n');
    assert.deepEqual(indexOf({ 'research/pricing.md': added }).note('research/pricing.md')?.targets, [
      { categoryId: 'dash', productId: 'flask' },
    ]);

    const unknown = '---\ntitle: Notes\nproduct: djangoo\n---\n# D\n';
    const fixed = apply(unknown, setProductEdits(indexOf({ [PATH]: unknown }).note(PATH)!, 'django', 'web'));
    assert.equal(fixed, '---\ntitle: Notes\nproduct: django\ncategory: web\n---\n# D\n');
  });
});

describe('note edits: front matter values', () => {
  it('changes the category alone, leaving a quoted product as written, and quotes values YAML would misread', () => {
    const text = '---\nproduct: "[Beta] Foo"\ncategory: webb\n---\n# Foo\n';
    const analysis = indexOf({ [PATH]: text }).note(PATH);
    assert.ok(analysis);
    assert.equal(apply(text, setCategoryEdits(analysis, 'web')), '---\nproduct: "[Beta] Foo"\ncategory: web\n---\n# Foo\n');
    const bare = '# Foo\n';
    const unlinked = indexOf({ [PATH]: bare }).note(PATH);
    assert.ok(unlinked);
    assert.equal(apply(bare, setProductEdits(unlinked, '[Beta] Foo')), '---\nproduct: "[Beta] Foo"\n---\n\n# Foo\n');
  });
});

describe('note edits: a product written on several lines', () => {
  const NOTE = 'research/pricing.md';
  const link = (text: string, productId: string, categoryId?: string) =>
    apply(text, setProductEdits(indexOf({ [NOTE]: text }).note(NOTE)!, productId, categoryId));

  it('replaces the whole value, block scalar, continued line or list, with one line: never a second key', () => {
    const cases: [string, string][] = [
      [
        '---\nproduct: >\n  Django REST\n  Framework\ncategory: web\n---\n# Pricing\n',
        '---\nproduct: django-rest-framework\ncategory: web\n---\n# Pricing\n',
      ],
      [
        '---\ntitle: P\nproduct: |-\n  Django\n\ncategory: web\n---\n# Pricing\n',
        '---\ntitle: P\nproduct: django-rest-framework\n\ncategory: web\n---\n# Pricing\n',
      ],
      ['---\nproduct: Django REST\n  Framework\n---\n# Pricing\n', '---\nproduct: django-rest-framework\ncategory: web\n---\n# Pricing\n'],
      [
        '---\nproduct: # ask Ana\n  DRF\n---\n# Pricing\n',
        '---\nproduct: django-rest-framework # ask Ana\ncategory: web\n---\n# Pricing\n',
      ],
      ['---\nproduct: [django, [drf]]\n---\n# Pricing\n', '---\nproduct: django-rest-framework\ncategory: web\n---\n# Pricing\n'],
    ];
    for (const [text, expected] of cases) {
      const index = indexOf({ [NOTE]: text });
      assert.ok(codes(index, NOTE).includes('invalid-front-matter'), text);
      const unlinked = index.findings(NOTE).find((f) => f.code === 'unlinked-note');
      assert.ok(unlinked?.code === 'unlinked-note' && unlinked.data.suggestions.length > 0, 'the quick fix is offered');
      const linked = link(text, 'django-rest-framework', 'web');
      assert.equal(linked, expected);
      assert.deepEqual(indexOf({ [NOTE]: linked }).note(NOTE)?.targets, [{ categoryId: 'web', productId: 'django-rest-framework' }]);
      assert.ok(!codes(indexOf({ [NOTE]: linked }), NOTE).includes('invalid-front-matter'), linked);
      // Idempotent: the same fix again changes nothing.
      assert.equal(link(linked, 'django-rest-framework', 'web'), linked);
    }
  });
});
