import type { BlockToken } from './blockMarkdown';

/**
 * HTML blocks that run to their closing marker, however many blank lines come first (CommonMark's HTML
 * block kinds 1 to 5): left open at the end of a note, they swallow whatever is appended after them.
 */
const HTML_BLOCK_CLOSERS: readonly [RegExp, (opening: string) => string][] = [
  [/^<(pre|script|style|textarea)(?=[\s>]|$)/i, (opening) => `</${/^<([a-z]+)/i.exec(opening)?.[1].toLowerCase()}>`],
  [/^<!--/, () => '-->'],
  [/^<\?/, () => '?>'],
  [/^<!\[CDATA\[/, () => ']]>'],
  [/^<![A-Za-z]/, () => '>'],
];

/**
 * The closer of the top-level block that the note ends inside of, when it is one that runs to the end of
 * the text: an unclosed code fence, or an HTML block of the kinds above without its end marker. A section
 * appended at the end goes after this closer, so that its heading counts where it is inserted.
 */
export function openBlockAtEnd(tokens: readonly BlockToken[]): { openBlockCloser?: string } {
  let last: BlockToken | undefined;
  for (let i = tokens.length - 1; i >= 0 && !last; i--) if (tokens[i].level === 0) last = tokens[i];
  if (last?.type === 'fence' && !fenceIsClosed(last)) return { openBlockCloser: last.markup };
  if (last?.type !== 'html_block') return {};
  const opening = last.content.trimStart();
  for (const [pattern, closerOf] of HTML_BLOCK_CLOSERS) {
    if (!pattern.test(opening)) continue;
    const closer = closerOf(opening);
    return last.content.toLowerCase().includes(closer.toLowerCase(), 1) ? {} : { openBlockCloser: closer };
  }
  return {};
}

/** markdown-it keeps an unclosed fence's content to the end; a closed one's last source line is its fence. */
function fenceIsClosed(token: BlockToken): boolean {
  const [start, end] = token.map ?? [0, 0];
  const contentLines = token.content === '' ? 0 : token.content.replace(/\n$/, '').split('\n').length;
  return end - start >= contentLines + 2;
}
