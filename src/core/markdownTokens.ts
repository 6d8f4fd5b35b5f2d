import MarkdownIt from 'markdown-it';

type Parser = InstanceType<typeof MarkdownIt>;
export type Token = InstanceType<typeof MarkdownIt.Token>;
type TokenClass = typeof MarkdownIt.Token;
type InlineDelimiters = Parser['inline']['State']['prototype']['delimiters'];

/**
 * Makes a parser's tokens cheap to create, with the same fields and methods. markdown-it's published build turns
 * Token's class fields into a helper call per field, which cost more than the rest of a block parse and a fifth of
 * the site's rendering. Here a token's fields are plain assignments and its methods (attrGet, attrSet…) come from
 * Token's own prototype. The states' `push` and `pushPending` are markdown-it's own (lib/rules_block/state_block,
 * lib/rules_inline/state_inline), with the cheap token; rules that build tokens themselves (`new state.Token`)
 * get it through the states' `Token` (a field each state sets in its constructor). The parser is changed in place
 * and returned.
 */
export function withCheapTokens(md: Parser): Parser {
  const CheapToken = cheapTokenClass(MarkdownIt.Token);
  md.core.State = class extends md.core.State {
    constructor(...args: ConstructorParameters<Parser['core']['State']>) {
      super(...args);
      this.Token = CheapToken;
    }
  };
  md.block.State = class extends md.block.State {
    constructor(...args: ConstructorParameters<Parser['block']['State']>) {
      super(...args);
      this.Token = CheapToken;
    }

    override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
      const token = new CheapToken(type, tag, nesting);
      token.block = true;
      if (nesting < 0) this.level--;
      token.level = this.level;
      if (nesting > 0) this.level++;
      this.tokens.push(token);
      return token;
    }
  };
  md.inline.State = class extends md.inline.State {
    constructor(...args: ConstructorParameters<Parser['inline']['State']>) {
      super(...args);
      this.Token = CheapToken;
    }

    override pushPending(): Token {
      const token = new CheapToken('text', '', 0);
      token.content = this.pending;
      token.level = this.pendingLevel;
      this.tokens.push(token);
      this.pending = '';
      return token;
    }

    override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
      if (this.pending) this.pushPending();
      const token = new CheapToken(type, tag, nesting);
      let meta: { delimiters: InlineDelimiters } | undefined;
      if (nesting < 0) {
        this.level--;
        this.delimiters = this._prev_delimiters.pop() ?? [];
      }
      token.level = this.level;
      if (nesting > 0) {
        this.level++;
        this._prev_delimiters.push(this.delimiters);
        this.delimiters = [];
        meta = { delimiters: this.delimiters };
      }
      this.pendingLevel = this.level;
      this.tokens.push(token);
      this.tokens_meta.push(meta);
      return token;
    }
  };
  return md;
}

/** A constructor of Token's fields, in Token's order, assigned; instances share Token's prototype. */
function cheapTokenClass(Original: TokenClass): TokenClass {
  function CheapToken(this: Record<string, unknown>, type: string, tag: string, nesting: number) {
    this.type = type;
    this.tag = tag;
    this.attrs = null;
    this.map = null;
    this.nesting = nesting;
    this.level = 0;
    this.children = null;
    this.content = '';
    this.markup = '';
    this.info = '';
    this.meta = null;
    this.block = false;
    this.hidden = false;
  }
  CheapToken.prototype = Original.prototype;
  return CheapToken as unknown as TokenClass;
}
