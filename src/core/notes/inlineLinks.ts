import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { withCheapTokens, type Token } from '../markdownTokens';
import type { InlineEnv } from './blockMarkdown';

type Parser = InstanceType<typeof MarkdownIt>;

/** The http(s) URLs a paragraph cites, and the footnotes (`[^label]`) it refers to. */
export interface Citations {
  readonly urls: readonly string[];
  readonly footnotes: readonly string[];
}

const NONE: Citations = { urls: [], footnotes: [] };

/**
 * An inline parser that finds links and nothing else: inline links, reference links (resolved through the
 * definitions the block parse collected), autolinks, bare URLs and footnote references. Code spans and inline
 * HTML are parsed too, so that a URL inside them does not count. Emphasis and the rest are left off.
 */
function createInlineParser(): Parser {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false }).use(footnote);
  // Bare URLs only with a scheme: "example.com" in prose is not a citation.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  md.inline.ruler.enableOnly(['text', 'linkify', 'escape', 'backticks', 'link', 'image', 'autolink', 'html_inline', 'footnote_ref']);
  md.inline.ruler2.enableOnly([]);
  // Links are read, never rendered: a URL is normalized once, by webUrl's URL parser, not also by markdown-it's
  // (mdurl and punycode, which would do that work again). validateLink still refuses javascript: and the like.
  md.normalizeLink = (url) => url;
  // As for the block parse (see blockMarkdown): tokens that cost no helper call per field.
  return withCheapTokens(md);
}

let parser: Parser | undefined;

/**
 * How much of a paragraph, and of a whole note, is read for citations: the inline parse costs far more than the
 * block parse, and a note of nothing but brackets or URLs must not stall the editor. Real paragraphs fit easily.
 */
export const MAX_PARAGRAPH_CITATION_CHARS = 16 * 1024;
export const MAX_NOTE_CITATION_CHARS = 256 * 1024;

/** The citations of one paragraph's inline content (its first 16 KB); `env` is the block parse's, for reference definitions. */
export function citationsOf(fullContent: string, env: InlineEnv): Citations {
  // Every kind of citation needs a '[' (links, references, footnotes) or a ':' (a URL's scheme).
  if (!fullContent.includes(':') && !fullContent.includes('[')) return NONE;
  const content = fullContent.slice(0, MAX_PARAGRAPH_CITATION_CHARS);
  parser ??= createInlineParser();
  const urls: string[] = [];
  const footnotes: string[] = [];
  // The inline rules alone: the content comes from the block parse, normalized already, so parseInline's run of the
  // core rules (normalize, and a block pass wrapping the content in a token) would only repeat work.
  const tokens: Token[] = [];
  parser.inline.parse(content, parser, env, tokens);
  for (const token of tokens) {
    if (token.type === 'link_open') {
      const url = webUrl(String(token.attrs?.find(([name]) => name === 'href')?.[1] ?? ''));
      if (url) urls.push(url);
    } else if (token.type === 'footnote_ref' && typeof token.meta?.label === 'string') {
      footnotes.push(token.meta.label);
    }
  }
  return urls.length > 0 || footnotes.length > 0 ? { urls, footnotes } : NONE;
}

/** The URL when it is an absolute http or https URL, else undefined: only the web counts as a source. */
export function webUrl(href: string | null | undefined): string | undefined {
  if (!href || !/^https?:\/\//i.test(href)) return undefined;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
