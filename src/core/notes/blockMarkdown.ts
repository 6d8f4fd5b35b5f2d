import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { withCheapTokens, type Token } from '../markdownTokens';
import { lineMarks, normalizeLineBreaks } from './blockLines';

/** The fields of a markdown-it token that the note parser reads. */
export interface BlockToken {
  readonly type: string;
  readonly tag: string;
  readonly nesting: -1 | 0 | 1;
  /** Nesting depth: 0 for a block at the top of the note. */
  readonly level: number;
  readonly map: [number, number] | null;
  readonly content: string;
  /** `#`s for an ATX heading, `=` or `-` for a setext one. */
  readonly markup: string;
  /** A footnote definition's `{ label }`. */
  readonly meta: { readonly label?: unknown } | null;
}

/** What the block parse learns that reading inline text needs: the note's link reference definitions and footnote labels. */
export type InlineEnv = Record<string, unknown>;

export interface ParsedBlocks {
  readonly tokens: readonly BlockToken[];
  readonly env: InlineEnv;
}

type Parser = InstanceType<typeof MarkdownIt>;

/**
 * A markdown-it parser that runs the block rules and nothing else: the analysis needs headings and
 * which blocks a section holds; inline markup is read only where a reader's view of the text is needed
 * (a heading's text, an excerpt: see `renderedText`), and nothing is rendered.
 *
 * `html` is on, although nothing is rendered: only with it does markdown-it see HTML blocks, so that a
 * heading inside `<details>` does not count and a section holding only `<!-- comments -->` is empty.
 * `linkify` and `typographer` stay off: a reader sees a URL as written, and quotes as typed. Footnote
 * definitions (`[^1]: …`) are blocks of their own, so that a section citing `[^1]` finds what it holds.
 */
export function createBlockParser(): Parser {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnote);
  md.core.ruler.enableOnly(['normalize', 'block']);
  md.core.ruler.at('normalize', normalizeLineBreaks);
  // A table is an answer whatever its cells say, and its rule is the costliest block rule: without it a
  // table is a paragraph starting with '|', which the note parser counts as solid content.
  md.block.ruler.disable('table');
  withCheapTokens(md);
  md.block.State = class extends md.block.State {
    constructor(src: string, parser: Parser, env: InlineEnv, tokens: Token[]) {
      // markdown-it's constructor would find the lines character by character: it gets no text, and lineMarks the same lines.
      super('', parser, env, tokens);
      this.src = src;
      Object.assign(this, lineMarks(src));
    }
  };
  return md;
}

let parser: Parser | undefined;

/** The block tokens of a Markdown text (lines in `map` are relative to the text), and what inline text needs of it. */
export function parseBlocks(text: string): ParsedBlocks {
  parser ??= createBlockParser();
  const env = {};
  return { tokens: parser.parse(text, env), env };
}

/**
 * The characters that may start inline markup (markdown-it's inline rules): text without any of them reads
 * as written, which spares most headings the inline parse.
 */
const INLINE_MARKUP = /[\n!&*_~<[\\`]/;

/**
 * Inline Markdown as a reader sees it, as plain text: the text of links (inline, reference and autolinks)
 * and of images, HTML tags and comments dropped, entities and backslash escapes decoded, emphasis and code
 * marks dropped, line breaks as spaces. `env` holds the note's reference definitions (from `parseBlocks`).
 */
export function renderedText(markdown: string, env: InlineEnv = {}): string {
  if (!INLINE_MARKUP.test(markdown)) return markdown;
  parser ??= createBlockParser();
  const tokens: Token[] = [];
  parser.inline.parse(markdown, parser, env, tokens);
  return textOf(tokens);
}

/**
 * How much of a note is read as a reader sees it line by line, to find its score and date lines: such a line is
 * short, and the inline parse is far costlier than the block parse, so a note of long or countless labelled lines
 * must not stall the editor. A line past either limit is read as written (its plain forms still count).
 */
export const MAX_READ_LINE_CHARS = 256;
export const MAX_NOTE_READ_LINE_CHARS = 32 * 1024;

/** A reader of one note's lines as a reader sees them (see renderedText), within the limits above. */
export function lineReader(env: InlineEnv): (line: string) => string {
  let budget = MAX_NOTE_READ_LINE_CHARS;
  return (line) => {
    if (line.length > MAX_READ_LINE_CHARS || line.length > budget) return line;
    budget -= line.length;
    return renderedText(line, env);
  };
}

function textOf(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special': // an entity or a backslash escape, decoded
      case 'code_inline':
        text += token.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      case 'image': // its alt text, as markdown-it renders it as text
        text += textOf(token.children ?? []);
        break;
      default: // link and emphasis marks, inline HTML
        break;
    }
  }
  return text;
}
