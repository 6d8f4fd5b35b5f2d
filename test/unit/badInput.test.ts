import * as assert from 'node:assert/strict';
import { decodeNote } from '../../src/core/notes/decodeNote';
import { parseNote } from '../../src/core/notes/noteParser';
import { growsLinearly, noSlowerThan } from './helpers';
import { codes, indexOf } from './noteFixtures';

describe('bad input', () => {
  it('skips a 10 MB note with a finding, in less time than a note just under the limit takes', () => {
    const line = '## Auth, security, and rate limiting\n\nText.\n';
    const huge = line.repeat(250_000);
    const underLimit = line.repeat(Math.floor((2 * 1024 * 1024) / line.length));
    const bytes = Buffer.from(huge);
    const decoded = decodeNote(bytes);
    assert.ok(!decoded.ok && /MB/.test(decoded.reason));
    const index = indexOf({ 'research/django.md': huge });
    assert.deepEqual(codes(index, 'research/django.md'), ['unreadable-note']);
    // Read, the note five times the limit would take five times as long as the one under it.
    const smaller = Buffer.from(underLimit);
    noSlowerThan(
      () => decodeNote(smaller),
      () => decodeNote(bytes),
      2,
    );
    noSlowerThan(
      () => indexOf({ 'research/django.md': underLimit }),
      () => indexOf({ 'research/django.md': huge }),
      1,
    );
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

  it('handles thousands of headings, in time linear in their number', () => {
    const headings = (count: number) => Array.from({ length: count }, (_, i) => `## Heading ${i}\n\nText ${i}.\n`).join('\n');
    const text = headings(5000);
    assert.equal(parseNote(text).headings.length, 5000);
    growsLinearly(headings, (t) => indexOf({ 'research/django.md': t }).findings('research/django.md'), 625);
  });

  it('handles deeply nested lists and block quotes, and 50,000 "[", in time linear in their length', () => {
    const note = (body: string) => `## Auth, security, and rate limiting\n\n${body}\n\n## Architecture guidance and opinionation\n\nYes.\n`;
    const sectionsOf = (body: string) =>
      indexOf({ 'research/django.md': note(body) })
        .note('research/django.md')
        ?.sections.map((s) => s.axisId);
    const both = ['auth-security-and-rate-limiting', 'architecture-guidance-and-opinionation'];
    const quotes = (length: number) => `${'>'.repeat(length)} deep`;
    const brackets = (length: number) => '['.repeat(length);
    const bracketLines = (length: number) => '[\n'.repeat(length / 2);
    // Each item indented one level more: of about `length` characters.
    const lists = (length: number) => Array.from({ length: Math.floor(Math.sqrt(length)) }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    assert.deepEqual(sectionsOf(quotes(5000)), both);
    assert.deepEqual(sectionsOf(brackets(50_000)), both);
    assert.deepEqual(sectionsOf(bracketLines(100_000)), both);
    // Past markdown-it's nesting limit (100) the parser stops reading, as markdown-it does everywhere: quickly.
    assert.deepEqual(sectionsOf(lists(1_000_000)), both.slice(0, 1));
    const analyze = (body: string) => indexOf({ 'research/django.md': note(body) });
    growsLinearly(quotes, analyze, 625);
    growsLinearly(brackets, analyze, 6250);
    growsLinearly(bracketLines, analyze, 12_500);
    growsLinearly(lists, analyze, 125_000);
  });
});
