import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { keptLead, leadHead, leadSource } from '../../src/core/notes/noteLeads';
import { parseNote } from '../../src/core/notes/noteParser';
import { noteTextReader } from '../../src/node/noteText';
import { SCOPE_YAML, statusOf, testScope } from './noteFixtures';

const LONG =
  'Django ships **sessions**, [CSRF protection](https://docs.djangoproject.com/csrf) and a permission system. ' +
  'Throttling needs a package.';
const note = (answer: string) => `---\nproduct: django\n---\n\n# Django\n\n## Auth, security, and rate limiting\n\n${answer}\n`;
const AUTH = { categoryId: 'web', productId: 'django' };

/** An index that keeps no text and reads each note from `disk`, as the editor and the command line do. */
function indexReading(disk: Map<string, string>, scope = testScope()) {
  const reads: string[] = [];
  const index = new NoteIndex(scope, {
    readText: (notePath) => {
      reads.push(notePath);
      return disk.get(notePath);
    },
  });
  const answer = () => index.productCoverage(AUTH).axes.find((a) => a.axisId === 'auth-security-and-rate-limiting');
  return { index, reads, answer };
}

describe('what a note keeps of its paragraphs: long ones are read again from its text', () => {
  it('keeps a long opening as a reference whose source is the text as written, a short one as written', () => {
    const text = note(`${LONG}\n\n- TODO`);
    const own = parseNote(text).headings[1].own;
    assert.equal(own.leads.length, 2);
    assert.equal(leadHead(own.leads[0]).cut, true);
    assert.ok(own.leads[0].length < 40, 'the reference holds the first characters only');
    assert.equal(leadSource(own.leads[0], text), LONG);
    assert.equal(leadSource(own.leads[0], undefined), undefined);
    assert.deepEqual(leadHead(own.leads[1]), { head: 'TODO', cut: false });
    // An opening that starts like a reference is kept as written, and reads as written.
    const odd = `\u0001${'x'.repeat(50)}`;
    assert.equal(leadSource(keptLead(odd, 'no such text', 0), undefined), odd);
  });

  it('shows the excerpt and the hover read from the note, reading it once for both', () => {
    const disk = new Map([['research/django.md', note(LONG)]]);
    const { index, reads, answer } = indexReading(disk);
    index.setNote('research/django.md', disk.get('research/django.md')!);
    assert.equal(answer()?.excerpt, 'Django ships sessions, CSRF protection and a permission system.');
    assert.equal(answer()?.section, 'Django ships sessions, CSRF protection and a permission system. Throttling needs a package.');
    assert.deepEqual(reads, ['research/django.md']);
  });

  it('shows no excerpt, never a wrong one, when the note changed on disk since it was analyzed, and the new one once it is', () => {
    const disk = new Map([['research/django.md', note(LONG)]]);
    const { index, answer } = indexReading(disk);
    index.setNote('research/django.md', disk.get('research/django.md')!);
    // Same length, other words: the old parse's places would cut the wrong sentence out of it.
    const changed = note(LONG.replace('Django ships', 'Flask skips!'));
    assert.equal(changed.length, disk.get('research/django.md')!.length);
    disk.set('research/django.md', changed);
    assert.equal(answer()?.excerpt, undefined);
    assert.equal(answer()?.section, undefined);
    disk.delete('research/django.md');
    assert.equal(answer()?.excerpt, undefined, 'nor when it is gone');
    disk.set('research/django.md', changed);
    const earlier = answer();
    index.setNote('research/django.md', changed);
    assert.equal(answer()?.excerpt, 'Flask skips!');
    assert.equal(earlier?.excerpt, undefined, 'an answer of the earlier parse is not cut out of the new text');
  });

  it('keeps each note’s text where it cannot read it again, and cuts no earlier answer out of a newer text', () => {
    const index = new NoteIndex(testScope());
    index.setNote('research/django.md', note(LONG));
    const earlier = index.productCoverage(AUTH).axes.find((a) => a.axisId === 'auth-security-and-rate-limiting');
    const changed = note(LONG.replace('Django ships', 'Flask skips!'));
    index.setNote('research/django.md', changed);
    const now = index.productCoverage(AUTH).axes.find((a) => a.axisId === 'auth-security-and-rate-limiting');
    assert.equal(now?.excerpt, 'Flask skips!');
    assert.equal(earlier?.excerpt, undefined);
  });

  it('tells a placeholder of the scope longer than the kept characters by the note’s text, after a scope change too', () => {
    const word = 'Not researched yet, ask the vendor';
    const text = note(`${word}: ${LONG}`);
    const disk = new Map([['research/django.md', text]]);
    const { index, reads } = indexReading(disk);
    index.setNote('research/django.md', text);
    assert.equal(statusOf(index, 'web', 'django', 'auth-security-and-rate-limiting'), 'answered');
    assert.deepEqual(reads, [], 'the kept characters tell it is no placeholder of this scope');
    index.setScope(testScope(SCOPE_YAML.replace('placeholders: [Pending]', `placeholders: [Pending, "${word}"]`)));
    assert.equal(statusOf(index, 'web', 'django', 'auth-security-and-rate-limiting'), 'placeholder');
    assert.deepEqual(reads, ['research/django.md']);
  });
});

describe('reading a note again for its excerpt, on the command line', () => {
  it('reads a note inside the folder, and nothing through a link out of it', function () {
    if (process.platform === 'win32') this.skip();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-leads-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-outside-'));
    try {
      fs.mkdirSync(path.join(root, 'research'));
      fs.writeFileSync(path.join(root, 'research', 'django.md'), note(LONG));
      fs.writeFileSync(path.join(outside, 'secret.md'), note(LONG));
      const read = noteTextReader(root);
      assert.equal(read('research/django.md'), note(LONG));
      fs.rmSync(path.join(root, 'research', 'django.md'));
      fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'research', 'django.md'));
      assert.equal(read('research/django.md'), undefined);
      assert.equal(read('research/missing.md'), undefined);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
