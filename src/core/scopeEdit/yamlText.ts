import { Document, isCollection, isPair, isScalar, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/** A replacement of `text.slice(start, end)`, by offsets into the text as it was before any edit. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The lines a block sequence's item stands on: its comment lines just above, through the end of its last line. */
export interface ItemSpan {
  readonly start: number;
  readonly end: number;
  /** The column of its `-`. */
  readonly dashColumn: number;
  /** Columns from the `-` to the item's content. */
  readonly gap: number;
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The span of item `index` of a block sequence; undefined for a flow sequence. */
export function itemSpan(text: string, seq: YAMLSeq, index: number): ItemSpan | undefined {
  const item = seq.items[index] as Node | undefined;
  if (seq.flow || !item?.range) return undefined;
  let dash = item.range[0] - 1;
  while (dash >= 0 && (text[dash] === ' ' || text[dash] === '\t')) dash--;
  if (text[dash] !== '-') return undefined;
  let start = lineStartOf(text, dash);
  // Comment lines right above the item (no blank line between) belong to it.
  for (let above = lineStartOf(text, start - 1); start > 0; above = lineStartOf(text, start - 1)) {
    if (!text.slice(above, start).trimStart().startsWith('#')) break;
    start = above;
  }
  return { start, end: lineEndAfter(text, item.range[2]), dashColumn: dash - lineStartOf(text, dash), gap: item.range[0] - dash };
}

/** Moves every line of a block of text `delta` columns to the right (left when negative), blank lines untouched. */
export function reindent(block: string, delta: number): string {
  if (delta === 0) return block;
  return block
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line;
      if (delta > 0) return ' '.repeat(delta) + line;
      const spaces = line.length - line.trimStart().length;
      return line.slice(Math.min(spaces, -delta));
    })
    .join('\n');
}

/** A value as a block sequence item: `- ` at `dashColumn`, its lines below at the item's content column. */
export function blockItem(value: unknown, dashColumn: number, gap = 2): string {
  const body = new Document(value).toString({ lineWidth: 0 });
  const lines = body.endsWith('\n') ? body.slice(0, -1).split('\n') : body.split('\n');
  const indent = ' '.repeat(dashColumn + gap);
  return (
    lines
      .map((line, i) => (i === 0 ? `${' '.repeat(dashColumn)}-${' '.repeat(gap - 1)}${line}` : line === '' ? '' : indent + line))
      .join('\n') + '\n'
  );
}

/** A node (a flow collection, or an item taken from one) written in flow style, on one line. */
export function flowText(node: Node | object): string {
  const doc = new Document(node);
  if (isCollection(doc.contents)) doc.contents.flow = true;
  return doc.toString({ lineWidth: 0 }).trimEnd();
}

/**
 * A string as the scalar it replaces would write it: in the same quoting where that is a one-line
 * style, and quoted where a flow collection needs it.
 */
export function scalarText(value: string, like: Scalar | undefined, inFlow: boolean): string {
  const type = like?.type === 'QUOTE_DOUBLE' || like?.type === 'QUOTE_SINGLE' ? like.type : undefined;
  if (inFlow && !type) {
    // Written inside `[ … ]` by the stringifier, it is quoted if a flow collection would misread it.
    const written = flowText([value]);
    return written.slice(1, -1).trim();
  }
  const doc = new Document(value);
  if (type && isScalar(doc.contents)) doc.contents.type = type;
  return doc.toString({ lineWidth: 0 }).trimEnd();
}

/** The pair of `key` in a map, with its key node. */
export function pairOf(map: YAMLMap, key: string): { key: Scalar; value: unknown } | undefined {
  const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? { key: pair.key, value: pair.value } : undefined;
}

/** Applies non-overlapping edits to a text. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}
