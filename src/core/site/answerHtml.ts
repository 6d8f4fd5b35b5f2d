import MarkdownIt from 'markdown-it';
import { withCheapTokens } from '../markdownTokens';

/** The schemes an answer's link may use; a fragment (`#…`) stays on the page. Anything else is shown as text. */
const LINK_SCHEMES = /^(?:https?:|mailto:)/i;

const markdown = withCheapTokens(new MarkdownIt({ html: false, linkify: true, typographer: false }));
// An image would be a request to another host: its alt text and link stay, as a link.
markdown.disable('image');
markdown.validateLink = (url) => LINK_SCHEMES.test(url.trim()) || url.trim().startsWith('#');
const renderToken = markdown.renderer.renderToken.bind(markdown.renderer);
markdown.renderer.rules.link_open = (tokens, index, options) => {
  tokens[index].attrSet('rel', 'noopener noreferrer');
  return renderToken(tokens, index, options);
};

/** Cap on an answer's source rendered on a page: a section longer than this is cut, and says so. */
export const MAX_ANSWER_CHARS = 20_000;

/**
 * An answer's Markdown as HTML: raw HTML shown as text, links only to the web, to mail and within the page, no
 * image; its headings one level below the page's axis heading (h3), so that the outline stays in order.
 */
export function answerHtml(source: string): string {
  const cut = source.length > MAX_ANSWER_CHARS ? `${source.slice(0, MAX_ANSWER_CHARS)}\n\n…(cut: the note has more)` : source;
  const tokens = markdown.parse(cut, {});
  for (const token of tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = 'h4';
  }
  return markdown.renderer.render(tokens, markdown.options, {});
}

/**
 * The section's source from its note's lines: those after its heading up to its end (0-based, the end excluded), the score line
 * and `As of` markers included, as the note has them.
 */
export function sectionSource(lines: readonly string[], headingLine: number, endLine: number): string {
  return lines.slice(headingLine + 1, Math.min(endLine, lines.length)).join('\n');
}
