import MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** The top-level blocks of a Markdown document that the importer reads; lines are 0-based. */
export type DocBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string; readonly line: number }
  /** A paragraph: its plain text, and each of its source lines split at a possible label. */
  | { readonly kind: 'paragraph'; readonly text: string; readonly lines: readonly LabelledLine[]; readonly line: number }
  | { readonly kind: 'list'; readonly items: readonly ListItem[]; readonly line: number }
  /** A table: its header cells and its rows of cells, as plain text. */
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: readonly TableRow[]; readonly line: number }
  | { readonly kind: 'other'; readonly what: string; readonly line: number };

/**
 * A line of text that may open with a label: `lead` is its emphasized opening (`**Goal:**`, `*Goal*:`) or
 * the words before its first colon (`Goal:`), without the colon, and `rest` what follows it. Whether the
 * lead is a label is the importer's to say.
 */
export interface LabelledLine {
  readonly lead?: string;
  readonly rest: string;
  /** The whole line, as plain text. */
  readonly text: string;
  readonly line: number;
}

/** A list item: its first paragraph, as plain text (`text`), with the label it may open with. */
export interface ListItem extends LabelledLine {
  /** What else the item holds (a nested list, a second paragraph): not read. */
  readonly extra: boolean;
}

export interface TableRow {
  readonly cells: readonly string[];
  readonly line: number;
}

let parser: InstanceType<typeof MarkdownIt> | undefined;

/**
 * Reads a document into its top-level blocks with markdown-it. HTML is off, so that markup in the
 * team's text stays text; inline markup is parsed only to find labels and plain text.
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
      blocks.push({ kind: 'paragraph', text: plainText(tokens[i + 1]), lines: labelledLines(tokens[i + 1], line), line });
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      blocks.push({ kind: 'list', items: listItems(tokens, i), line });
    } else if (token.type === 'table_open') {
      blocks.push({ kind: 'table', ...tableRows(tokens, i), line });
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
    const line = token.map?.[0] ?? 0;
    const inline = tokens[i + 1]?.type === 'paragraph_open' ? tokens[i + 2] : undefined;
    // A label is read on an item of one line ("- **Products:** A, B"); a longer item is a name.
    const lines = labelledLines(inline, line);
    const text = plainText(inline);
    const label = lines.length === 1 && lines[0].lead !== undefined ? { lead: lines[0].lead, rest: lines[0].rest } : { rest: text };
    // Anything but the first paragraph's three tokens before the item closes is more than a name.
    let end = i + 1;
    while (end < tokens.length && !(tokens[end].type === 'list_item_close' && tokens[end].level === 1)) end++;
    items.push({ text, ...label, line, extra: end - (i + 1) > 3 });
    i = end;
  }
  return items;
}

/** The header and the rows of the table that opens at `start`. */
function tableRows(tokens: readonly Token[], start: number): { header: string[]; rows: TableRow[] } {
  let header: string[] | undefined;
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let line = 0;
  for (let i = start + 1; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const token = tokens[i];
    if (token.type === 'tr_open') {
      cells = [];
      line = token.map?.[0] ?? line;
    } else if (token.type === 'inline') cells.push(plainText(token));
    else if (token.type === 'tr_close') {
      if (header === undefined) header = cells;
      else rows.push({ cells, line });
    }
  }
  return { header: header ?? [], rows };
}

/** An inline's source lines (split at its line breaks), each with the label it may open with. */
function labelledLines(inline: Token | undefined, firstLine: number): LabelledLine[] {
  const lines: Token[][] = [[]];
  for (const child of inline?.children ?? []) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') lines.push([]);
    else if (!(child.type === 'text' && child.content === '')) lines[lines.length - 1].push(child);
  }
  return lines.map((children, index) => ({ ...labelled(children), line: firstLine + index }));
}

/** Longer than this, the words before a colon are a sentence, not a label. */
const MAX_LABEL = 60;

/** A line's label, if it opens with an emphasized one or with words and a colon, and the plain text after it. */
function labelled(children: readonly Token[]): { lead?: string; rest: string; text: string } {
  const text = squeeze(textOf(children));
  const opening = children[0]?.type;
  const close =
    opening === 'strong_open' || opening === 'em_open' ? children.findIndex((c) => c.type === opening.replace('_open', '_close')) : -1;
  if (close !== -1) {
    const lead = squeeze(textOf(children.slice(1, close)));
    const rest = squeeze(textOf(children.slice(close + 1)));
    return { lead: lead.endsWith(':') ? lead.slice(0, -1).trim() : lead, rest: rest.startsWith(':') ? rest.slice(1).trim() : rest, text };
  }
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > MAX_LABEL) return { rest: text, text };
  return { lead: text.slice(0, colon).trim(), rest: text.slice(colon + 1).trim(), text };
}

function plainText(inline: Token | undefined): string {
  return squeeze(textOf(inline?.children ?? []));
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
    case 'blockquote_open':
      return 'a quote';
    case 'hr':
      return 'a rule';
    default:
      return token.type.replace(/_open$/, '').replace(/_/g, ' ');
  }
}
