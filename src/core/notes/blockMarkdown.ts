import MarkdownIt from 'markdown-it';

/** The fields of a markdown-it token that the note parser reads. */
export interface BlockToken {
  readonly type: string;
  readonly tag: string;
  readonly nesting: -1 | 0 | 1;
  readonly map: [number, number] | null;
  readonly content: string;
  /** `#`s for an ATX heading, `=` or `-` for a setext one. */
  readonly markup: string;
}

type Parser = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<Parser['block']['State']['prototype']['push']>;

/**
 * A markdown-it parser that runs the block rules and nothing else: the analysis needs headings and
 * which blocks a section holds, never inline markup, and nothing is rendered.
 *
 * `html` is on, although nothing is rendered: only with it does markdown-it see HTML blocks, so that a
 * heading inside `<details>` does not count and a section holding only `<!-- comments -->` is empty.
 * `linkify` and `typographer` stay off; they act on inline content, which is never parsed here.
 */
function createBlockParser(): Parser {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.core.ruler.enableOnly(['normalize', 'block']);
  // A table is an answer whatever its cells say, and its rule is the costliest block rule: without it a
  // table is a paragraph starting with '|', which the note parser counts as solid content.
  md.block.ruler.disable('table');
  // The published build turns Token's class fields into one Object.defineProperty call each, which makes
  // creating tokens the larger part of a block parse; plain objects with the same fields are several times faster.
  md.block.State = class extends md.block.State {
    override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
      if (nesting < 0) this.level--;
      const token = { type, tag, nesting, level: this.level, map: null, content: '', markup: '', info: '', attrs: null, children: null, meta: null, block: true, hidden: false };
      if (nesting > 0) this.level++;
      this.tokens.push(token as unknown as Token);
      return token as unknown as Token;
    }
  };
  return md;
}

let parser: Parser | undefined;

/** The block tokens of a Markdown text; lines in `map` are relative to the text. */
export function parseBlocks(text: string): readonly BlockToken[] {
  parser ??= createBlockParser();
  return parser.parse(text, {});
}
