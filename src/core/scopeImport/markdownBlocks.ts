import MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** The top-level blocks of a Markdown document that the importer reads; lines are 0-based. */
export type DocBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string; readonly line: number }
  /** A paragraph; `label` is its bold opening (`**Goal:**`) without the colon, `text` what follows it. */
  | { readonly kind: 'paragraph'; readonly label?: string; readonly text: string; readonly line: number }
  | { readonly kind: 'list'; readonly items: readonly ListItem[]; readonly line: number }
  | { readonly kind: 'other'; readonly what: string; readonly line: number };

export interface ListItem {
  /** The item's first paragraph, as plain text. */
  readonly text: string;
  readonly line: number;
  /** What else the item holds (a nested list, a second paragraph): not read. */
  readonly extra: boolean;
}

let parser: InstanceType<typeof MarkdownIt> | undefined;

/**
 * Reads a document into its top-level blocks with markdown-it. HTML is off, so that markup in the
 * team's text stays text; inline markup is parsed only to find bold labels and plain text.
 */
export function readBlocks(text: string): DocBlock[] {
  parser ??= new MarkdownIt({ html: false, linkify: false, typographer: false });
  const tokens = parser.parse(text, {});
  const blocks: DocBlock[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level !== 0 || token.nesting === -1) continue;
    const line = token.map?.[0] ?? 0;
    if (token.type === 'heading_open') {
      blocks.push({ kind: 'heading', level: Number(token.tag.slice(1)), text: plainText(tokens[i + 1]), line });
    } else if (token.type === 'paragraph_open') {
      blocks.push({ kind: 'paragraph', ...labelled(tokens[i + 1]), line });
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      blocks.push({ kind: 'list', items: listItems(tokens, i), line });
    } else {
      blocks.push({ kind: 'other', what: describe(token), line });
    }
  }
  return blocks;
}

/** The items of the list that opens at `start`, up to its closing token. */
function listItems(tokens: readonly Token[], start: number): ListItem[] {
  const items: ListItem[] = [];
  for (let i = start + 1; i < tokens.length && tokens[i].level > 0; i++) {
    const token = tokens[i];
    if (token.type !== 'list_item_open' || token.level !== 1) continue;
    const first = tokens[i + 1];
    const text = first?.type === 'paragraph_open' ? plainText(tokens[i + 2]) : '';
    // Anything but the first paragraph's three tokens before the item closes is more than a name.
    let end = i + 1;
    while (end < tokens.length && !(tokens[end].type === 'list_item_close' && tokens[end].level === 1)) end++;
    items.push({ text, line: token.map?.[0] ?? 0, extra: end - (i + 1) > 3 });
    i = end;
  }
  return items;
}

/** A paragraph's bold label, if it opens with one, and the plain text after it. */
function labelled(inline: Token | undefined): { label?: string; text: string } {
  const children = (inline?.children ?? []).filter((c) => !(c.type === 'text' && c.content === ''));
  if (children[0]?.type !== 'strong_open') return { text: plainText(inline) };
  const close = children.findIndex((c) => c.type === 'strong_close');
  if (close === -1) return { text: plainText(inline) };
  const label = textOf(children.slice(1, close)).trim();
  const rest = textOf(children.slice(close + 1)).trim();
  const colonAfter = rest.startsWith(':');
  return { label: label.endsWith(':') ? label.slice(0, -1).trim() : label, text: colonAfter ? rest.slice(1).trim() : rest };
}

function plainText(inline: Token | undefined): string {
  return textOf(inline?.children ?? [])
    .replace(/\s+/g, ' ')
    .trim();
}

function textOf(children: readonly Token[]): string {
  return children
    .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : ''))
    .join('');
}

function describe(token: Token): string {
  switch (token.type) {
    case 'fence':
    case 'code_block':
      return 'a code block';
    case 'table_open':
      return 'a table';
    case 'blockquote_open':
      return 'a quote';
    case 'hr':
      return 'a rule';
    default:
      return token.type.replace(/_open$/, '').replace(/_/g, ' ');
  }
}
