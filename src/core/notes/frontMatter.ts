import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Range as Range3 } from 'yaml';
import type { Position, Range } from '../text';
import { repeatedKeys, yamlNesting } from '../scope/yamlGuard';

/** A field of the front matter that the analysis reads, with where its value stands (for diagnostics and edits). */
export interface FrontMatterField {
  readonly value: string;
  /** The whole `key: value` line. */
  readonly lineRange: Range;
  /** The value alone; empty at the end of the line when the value is empty. */
  readonly valueRange: Range;
}

/** A field as written, readable or not (on several lines, a list): where an edit replaces it with a readable value. */
export interface WrittenField {
  /** From the end of the key to the end of the value, the `:` and every line of the value included. */
  readonly range: Range;
  /** The comments written in that range (`product: # check\n  Django`), for the edit to keep. */
  readonly comments: string;
}

export interface FrontMatter {
  /** The `---` lines included: lines `0` to `endLine`. */
  readonly endLine: number;
  /** The first line of the body after the closing `---`. */
  readonly bodyLine: number;
  /** Offset of the body in the text. */
  readonly bodyOffset: number;
  readonly product?: FrontMatterField;
  /** `product: [Algolia, Typesense]` (or a block list): a comparison note's products, each on one line; `product` is then absent. */
  readonly products?: readonly FrontMatterField[];
  readonly category?: FrontMatterField;
  /** `reviewed: YYYY-MM-DD`: the day the whole note was last checked (a section's `As of` line wins over it). */
  readonly reviewed?: FrontMatterField;
  /** Why the front matter cannot be read; it is then treated as empty. */
  readonly problem?: { readonly message: string; readonly range: Range };
  /** With a problem in valid YAML: where `product:` and `category:` are written, so that setting one replaces it. */
  readonly written?: Partial<Record<(typeof FIELDS)[number], WrittenField>>;
}

const FIELDS = ['product', 'category', 'reviewed'] as const;
/** What a `reviewed:` that is not written as a date is told. */
export const REVIEWED_FORMAT = '"reviewed" must be one day, YYYY-MM-DD.';
/** Front matter longer than this is not a note's header; it is not parsed. */
const MAX_FRONT_MATTER_LINES = 200;
/** Front matter larger than this is refused before parsing (a note's header names a product and a category). */
export const MAX_FRONT_MATTER_CHARS = 16 * 1024;
/** Deeper than any note's header needs; refused before the YAML parser recurses into it. */
const MAX_FRONT_MATTER_NESTING = 16;

/**
 * Reads the `---` front matter at the start of a note, or returns undefined when there is none
 * (an unclosed `---` is a thematic break, as Markdown sees it). Never throws.
 */
export function readFrontMatter(text: string): FrontMatter | undefined {
  const first = /^---[ \t]*\r?\n/.exec(text);
  if (!first) return undefined;
  const lines: string[] = [];
  let offset = first[0].length;
  for (let line = 1; line <= MAX_FRONT_MATTER_LINES && offset <= text.length; line++) {
    const end = text.indexOf('\n', offset);
    const raw = text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
    if (/^(---|\.\.\.)[ \t]*$/.test(raw)) {
      const bodyOffset = end === -1 ? text.length : end + 1;
      return { endLine: line, bodyLine: line + 1, bodyOffset, ...readFields(lines) };
    }
    lines.push(raw);
    if (end === -1) break;
    offset = end + 1;
  }
  return undefined;
}

type Fields = Pick<FrontMatter, (typeof FIELDS)[number] | 'products' | 'problem' | 'written'>;

/** `key: value` lines with plain values need no YAML parser; anything else goes through `yaml`, behind its guards. */
function readFields(lines: readonly string[]): Fields {
  const guarded = guard(lines);
  if (guarded) return { problem: guarded };
  const simple: Record<string, FrontMatterField> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const key = /^[A-Za-z_][\w-]*:/.exec(line)?.[0];
    const rest = key ? line.slice(key.length) : '';
    const value = rest.trim();
    const name = key?.slice(0, -1) ?? '';
    // Anything unusual (quoting, flow or block values, a comment, a repeated key) is left to the YAML parser and its errors.
    if (!key || (value && !/^[ \t]/.test(rest)) || !isPlain(value) || name in simple) return readYamlFields(lines);
    const start = value ? key.length + rest.indexOf(value) : line.length;
    simple[name] = field(i + 1, value, line.length, start, start + value.length);
  }
  return pick(simple);
}

/** A plain value that reads the same to YAML: no indicator first, no comment, no `: `. */
function isPlain(value: string): boolean {
  return value === '' || (!'"\'[]{}&*!|>%@`#,'.includes(value[0]) && !value.includes('#') && !value.includes(': '));
}

/** Refuses front matter too large or too deeply nested to be a note's header, before any parsing. */
function guard(lines: readonly string[]): Fields['problem'] {
  const size = lines.reduce((sum, line) => sum + line.length + 1, 0);
  const whole = { start: { line: 1, character: 0 }, end: { line: 1, character: lines[0]?.length ?? 0 } };
  if (size > MAX_FRONT_MATTER_CHARS) {
    return {
      message: `The front matter is ${Math.ceil(size / 1024)} KB; it may be at most ${MAX_FRONT_MATTER_CHARS / 1024} KB. It is not read.`,
      range: whole,
    };
  }
  const { depth, offset } = yamlNesting(lines.join('\n'));
  if (depth > MAX_FRONT_MATTER_NESTING) {
    let line = 0;
    let rest = offset;
    while (line < lines.length - 1 && rest > lines[line].length) rest -= lines[line++].length + 1;
    const at = { line: line + 1, character: rest };
    return {
      message: `The front matter nests more than ${MAX_FRONT_MATTER_NESTING} levels deep; it is not read.`,
      range: { start: at, end: at },
    };
  }
  return undefined;
}

function readYamlFields(lines: readonly string[]): Fields {
  const source = lines.join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number) => {
    const { line, col } = counter.linePos(offset);
    return { line, character: col - 1 };
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const start = at(error.pos[0]);
    return {
      problem: { message: `The front matter is not valid YAML: ${error.message.split('\n')[0]}`, range: { start, end: at(error.pos[1]) } },
    };
  }
  const [repeated] = repeatedKeys(doc);
  if (repeated?.range) {
    const message = `The front matter is not valid YAML: Map keys must be unique ("${String(repeated)}" is there already).`;
    return { problem: { message, range: { start: at(repeated.range[0]), end: at(repeated.range[1]) } } };
  }
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) {
    return {
      problem: {
        message: 'The front matter must be a mapping of fields, such as "product: django".',
        range: { start: at(0), end: at(lines[0]?.length ?? 0) },
      },
    };
  }
  const found: Record<string, FrontMatterField> = {};
  let products: FrontMatterField[] | undefined;
  const written: Partial<Record<(typeof FIELDS)[number], WrittenField>> = {};
  let problem: Fields['problem'];
  for (const pair of doc.contents.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !FIELDS.includes(pair.key.value as (typeof FIELDS)[number])) continue;
    const name = pair.key.value as (typeof FIELDS)[number];
    const keyEnd = pair.key.range?.[1] ?? 0;
    written[name] ??= writtenField(source, keyEnd, isNode(pair.value) ? pair.value.range : undefined, at);
    if (problem) continue;
    const keyStart = at(pair.key.range?.[0] ?? 0);
    const lineLength = lines[keyStart.line - 1].length;
    if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
      found[name] = field(keyStart.line, '', lineLength, lineLength, lineLength);
    } else if (isScalar(pair.value) && ['string', 'number'].includes(typeof pair.value.value) && pair.value.range) {
      const start = at(pair.value.range[0]);
      const end = at(pair.value.range[1]);
      if (start.line !== keyStart.line || end.line !== start.line) {
        problem = { message: `"${name}" must be on one line.`, range: { start, end } };
      } else found[name] = field(start.line, String(pair.value.value), lineLength, start.character, end.character);
    } else if (name === 'product' && isSeq(pair.value) && (products = listedProducts(pair.value.items, lines, at))) {
      continue;
    } else {
      const range = (isNode(pair.value) && pair.value.range) || [0, 0];
      const message =
        name === 'reviewed'
          ? REVIEWED_FORMAT
          : name === 'product'
            ? '"product" must name one product, or list products each as text on one line ([A, B]).'
            : `"${name}" must name one ${name}, as text.`;
      problem = { message, range: { start: at(range[0]), end: at(range[1]) } };
    }
  }
  return problem ? { problem, written } : { ...pick(found), ...(products ? { products } : {}) };
}

/** The products of a `product:` list, each a text on one line; undefined when an item is anything else or the list is empty. */
function listedProducts(
  items: readonly unknown[],
  lines: readonly string[],
  at: (offset: number) => Position,
): FrontMatterField[] | undefined {
  const fields: FrontMatterField[] = [];
  for (const item of items) {
    if (!isScalar(item) || !['string', 'number'].includes(typeof item.value) || !item.range || String(item.value).trim() === '') {
      return undefined;
    }
    const start = at(item.range[0]);
    const end = at(item.range[1]);
    if (start.line !== end.line) return undefined;
    fields.push(field(start.line, String(item.value), lines[start.line - 1].length, start.character, end.character));
  }
  return fields.length > 0 ? fields : undefined;
}

/**
 * Where a field is written: from its key's end to its value's end (a block scalar's range ends after its last
 * line break, which stays), or to the end of the key's line when there is no value.
 */
function writtenField(source: string, keyEnd: number, value: Range3 | null | undefined, at: (offset: number) => Position): WrittenField {
  const lineEnd = source.indexOf('\n', keyEnd);
  let end = value ? value[1] : lineEnd === -1 ? source.length : lineEnd;
  if (source[end - 1] === '\n') end--;
  const between = source.slice(keyEnd, value ? value[0] : end);
  const comments = between.split('\n').flatMap((line) => (line.includes('#') ? [line.slice(line.indexOf('#'))] : []));
  return { range: { start: at(keyEnd), end: at(end) }, comments: comments.join(' ') };
}

/** A field on `line` of the note (1 is the line after the opening `---`). */
function field(line: number, value: string, lineLength: number, start: number, end: number): FrontMatterField {
  return {
    value: value.trim(),
    lineRange: { start: { line, character: 0 }, end: { line, character: lineLength } },
    valueRange: { start: { line, character: start }, end: { line, character: end } },
  };
}

function pick(fields: Record<string, FrontMatterField>): Fields {
  return Object.fromEntries(FIELDS.filter((name) => fields[name]).map((name) => [name, fields[name]]));
}
