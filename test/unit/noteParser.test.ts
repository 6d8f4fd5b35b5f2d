import * as assert from 'node:assert/strict';
import { parseNote } from '../../src/core/notes/noteParser';
import { placeholderTest, sectionExcerpt, sectionStatus } from '../../src/core/notes/sectionStatus';

const headingsOf = (text: string) => parseNote(text).headings.map((h) => `${h.level} ${h.text}`);
const isPlaceholder = placeholderTest(['Pending']);

/** The status of the section under the first heading whose text is `heading`. */
function statusUnder(text: string, heading = 'Axis'): string {
  const note = parseNote(text);
  const index = note.headings.findIndex((h) => h.text === heading);
  assert.notEqual(index, -1, `no heading "${heading}"`);
  return sectionStatus(note, index, isPlaceholder);
}

describe('parseNote: headings', () => {
  it('reads ATX and setext headings with their levels, and the text range of each', () => {
    const text = '# Title\n\nSetext two\n----------\n\nSetext one\n==========\n\n### Three ###\n';
    assert.deepEqual(headingsOf(text), ['1 Title', '2 Setext two', '1 Setext one', '3 Three']);
    const three = parseNote(text).headings[3];
    assert.deepEqual(three.textRange, { start: { line: 8, character: 4 }, end: { line: 8, character: 9 } });
  });

  it('ignores headings in code fences, indented code and HTML blocks', () => {
    const text = [
      '## Real',
      '',
      '```md',
      '## In a fence',
      '```',
      '',
      '    ## Indented code',
      '',
      '<details>',
      '## In HTML',
      '</details>',
      '',
      '~~~',
      '## Tilde fence',
      '~~~',
    ].join('\n');
    assert.deepEqual(headingsOf(text), ['2 Real']);
  });

  it('does not read front matter as a heading, and keeps line numbers of the note', () => {
    const note = parseNote('---\nproduct: django\n---\n\n## Axis\n');
    assert.equal(note.frontMatter?.product?.value, 'django');
    assert.deepEqual(
      note.headings.map((h) => [h.text, h.range.start.line]),
      [['Axis', 4]],
    );
  });

  it('ends a section at the next heading of the same or a higher level; deeper ones belong to it', () => {
    const note = parseNote('## A\n### A.1\ntext\n#### A.1.1\n## B\n# C\n');
    assert.deepEqual(
      note.headings.map((h) => h.sectionEndLine),
      [4, 4, 4, 5, 7],
    );
  });
});

describe('section status', () => {
  it('is empty with nothing but white space and HTML comments', () => {
    assert.equal(statusUnder('## Axis\n\n   \n<!-- later -->\n\n## Next\nText.\n'), 'empty');
    assert.equal(statusUnder('## Axis\n'), 'empty');
  });

  it('is a placeholder when every paragraph or list item starts with a placeholder word or mark', () => {
    for (const body of [
      'TODO',
      'tbd: ask',
      'TBC.',
      'FIXME later',
      '?',
      '... more to come',
      '… later',
      '- TODO\n- [ ] TBD',
      '**TODO**: write',
      'Pending review',
    ]) {
      assert.equal(statusUnder(`## Axis\n\n${body}\n`), 'placeholder', body);
    }
  });

  it('is answered by any other content, "N/A: ..." included', () => {
    assert.equal(statusUnder('## Axis\n\nN/A: not applicable because it has no auth.\n'), 'answered');
    assert.equal(statusUnder('## Axis\n\nTODO: more\n\nIt uses sessions.\n'), 'answered');
    assert.equal(statusUnder('## Axis\n\nTodoist is a competitor.\n'), 'answered');
    assert.equal(statusUnder('## Axis\n\n```\ncode\n```\n'), 'answered');
    assert.equal(statusUnder('## Axis\n\n| a | b |\n|---|---|\n| TODO | 1 |\n'), 'answered');
  });

  it('counts the content under deeper headings, not the deeper headings themselves', () => {
    assert.equal(statusUnder('## Axis\n### Detail\nIt is fast.\n## Next\n'), 'answered');
    assert.equal(statusUnder('## Axis\n### Detail\n### More\n## Next\nText\n'), 'empty');
    assert.equal(statusUnder('## Axis\n### Detail\nTODO\n'), 'placeholder');
  });

  it('gives the first sentence of the first answer as plain text', () => {
    const text = '## Axis\n\nTODO\n\nIt has **built-in** [sessions](https://x.invalid) and `CSRF`. More later.\n';
    const note = parseNote(text);
    assert.equal(
      sectionExcerpt(note, 0, isPlaceholder, () => text),
      'It has built-in sessions and CSRF.',
    );
  });
});
