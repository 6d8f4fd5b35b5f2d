import * as assert from 'node:assert/strict';
import { decodeNote } from '../../src/core/notes/decodeNote';
import { parseNote } from '../../src/core/notes/noteParser';
import { fast } from './helpers';
import { codes, indexOf } from './noteFixtures';

describe('bad input', () => {
  it('skips a 10 MB note with a finding, quickly', () => {
    const huge = '## Auth, security, and rate limiting\n\nText.\n'.repeat(250_000);
    const bytes = Buffer.from(huge);
    const decoded = fast(100, () => decodeNote(bytes));
    assert.ok(!decoded.ok && /MB/.test(decoded.reason));
    const index = fast(100, () => indexOf({ 'research/django.md': huge }));
    assert.deepEqual(codes(index, 'research/django.md'), ['unreadable-note']);
  });

  it('says how far over its limit a note is, never as if it were the limit', () => {
    const justOver = decodeNote(new Uint8Array(2 * 1024 * 1024 + 1));
    assert.deepEqual(justOver, { ok: false, reason: 'it is 2.000001 MB, over the 2 MB limit for notes' });
    const over = decodeNote(new Uint8Array(2.1 * 1024 * 1024));
    assert.deepEqual(over, { ok: false, reason: 'it is 2.1 MB, over the 2 MB limit for notes' });
  });

  it('skips binary and non-UTF-8 notes with a reason', () => {
    const binary = decodeNote(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    assert.ok(!binary.ok && /binary/.test(binary.reason));
    const latin1 = decodeNote(new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
    assert.ok(!latin1.ok && /UTF-8/.test(latin1.reason));
    const bom = decodeNote(new Uint8Array([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x41]));
    assert.deepEqual(bom, { ok: true, text: '# A' });
  });

  it('reports broken front matter without throwing', () => {
    for (const front of ['product: [a', 'product: {a: 1}', '- a list', 'product: a\nproduct: b', 'product: *alias']) {
      const index = indexOf({ 'research/x.md': `---\n${front}\n---\n# X\n` });
      assert.ok(codes(index, 'research/x.md').includes('invalid-front-matter'), front);
    }
  });

  it('handles thousands of headings', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `## Heading ${i}\n\nText ${i}.\n`).join('\n');
    const note = fast(2000, () => parseNote(text));
    assert.equal(note.headings.length, 5000);
    fast(2000, () => indexOf({ 'research/django.md': text }).findings('research/django.md'));
  });

  it('handles deeply nested lists and block quotes, and 50,000 "["', () => {
    const note = (body: string) => `## Auth, security, and rate limiting\n\n${body}\n\n## Architecture guidance and opinionation\n\nYes.\n`;
    const sectionsOf = (body: string) => fast(1000, () => indexOf({ 'research/django.md': note(body) })).note('research/django.md')?.sections.map((s) => s.axisId);
    const both = ['auth-security-and-rate-limiting', 'architecture-guidance-and-opinionation'];
    assert.deepEqual(sectionsOf(`${'>'.repeat(5000)} deep`), both);
    assert.deepEqual(sectionsOf('['.repeat(50_000)), both);
    assert.deepEqual(sectionsOf('[\n'.repeat(50_000)), both);
    // Past markdown-it's nesting limit (100) the parser stops reading, as markdown-it does everywhere: quickly.
    const lists = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    assert.deepEqual(sectionsOf(lists), both.slice(0, 1));
  });
});
