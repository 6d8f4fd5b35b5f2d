// How the scope parser says a problem: in words that name the field, at the range of the YAML it is about.
import { isMap, isNode, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import * as z from 'zod';
import type { ScopeProblem } from './scopeModel';
import { scopeFileSchema } from './scopeSchema';
import { closest } from '../similarity';
import { shortened, type LineIndex, type Range } from '../text';
import { isSafeIntegerBound, numberInstead, written } from './zodIssues';

/** A place in the scope file's data: keys and list indexes. */
export type Path = ReadonlyArray<PropertyKey>;

/** Turns a zod issue into a message that names the field, at the node it is about. */
export function describeIssue(issue: z.core.$ZodIssue, doc: Document.Parsed, lines: LineIndex): ScopeProblem {
  const path = issue.path;
  const field = fieldName(path);
  const present = path.length === 0 || doc.hasIn(path);
  if (isSafeIntegerBound(issue)) {
    return { message: `${field} is too ${issue.code === 'too_big' ? 'large' : 'small'} a number (${written(doc.getIn(path, true))}).`, range: rangeAt(doc, lines, path) };
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      const keyRange = keyRangeAt(doc, lines, path, key);
      const where = path.length > 0 ? ` in ${fieldName(path)}` : '';
      return { message: `Unknown field "${shortened(String(key))}"${where}.${hint(path, String(key))}`, range: keyRange ?? rangeAt(doc, lines, path) };
    }
    case 'invalid_type':
      if (!present) {
        return { message: `${field} is required${parentName(path)}.`, range: rangeAt(doc, lines, path.slice(0, -1), true) };
      }
      return { message: `${field} must be ${article(issue.expected)}${numberInstead(doc.getIn(path, true), issue.expected) ?? `, not ${describeValue(doc.getIn(path, true))}`}.`, range: rangeAt(doc, lines, path) };
    case 'invalid_union':
      // Neither a name nor a mapping (a product or an axis written as a number or a list).
      return { message: `${field} must be a name or a mapping with a "name", not ${describeValue(doc.getIn(path, true))}.`, range: rangeAt(doc, lines, path) };
    case 'too_small':
      return {
        message:
          issue.origin === 'array' ? `${field} must list at least ${issue.minimum}.`
          : issue.origin === 'number' ? `${field} must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}.`
          : `${field} must not be empty.`,
        range: rangeAt(doc, lines, path),
      };
    case 'too_big':
      return { message: `${field} must be at most ${issue.maximum}.`, range: rangeAt(doc, lines, path) };
    case 'invalid_format':
      return { message: `${field} ${issue.message}, not ${describeValue(doc.getIn(path, true))}.`, range: rangeAt(doc, lines, path) };
    case 'invalid_value':
      if (!present) {
        return { message: `${field} is required${parentName(path)}.`, range: rangeAt(doc, lines, path.slice(0, -1), true) };
      }
      return { message: `${field} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}.`, range: rangeAt(doc, lines, path) };
    default:
      return { message: `${field}: ${issue.message}`, range: rangeAt(doc, lines, path) };
  }
}

/** " Did you mean "…"? Known fields: …." for `key` in the mapping at `path`: the fields the scope file's schema gives it. */
function hint(path: Path, key: string): string {
  const known = knownFields(scopeFileSchema, path);
  if (known.length === 0) return '';
  const [near] = closest(key, known, (field) => [field], 1, Math.max(1, Math.floor(key.length / 3)));
  return `${near === undefined ? '' : ` Did you mean "${near}"?`} Known fields: ${known.join(', ')}.`;
}

/** The fields of the mapping at `path` in `schema` (through lists, optional fields and name-or-mapping unions), in the schema's order; none where there is no mapping. */
export function knownFields(schema: z.ZodType, path: Path): string[] {
  let at: unknown = schema;
  for (const key of [...path, undefined]) {
    while (at instanceof z.ZodOptional || at instanceof z.ZodUnion) {
      // A product or an axis is its name or a mapping: the mapping has the fields.
      at = at instanceof z.ZodOptional ? at.unwrap() : (at.options as unknown[]).find((option) => option instanceof z.ZodObject);
    }
    if (key === undefined) break;
    at = at instanceof z.ZodArray && typeof key === 'number' ? at.element
      : at instanceof z.ZodObject && typeof key === 'string' ? (at.shape as Record<string, unknown>)[key]
      : undefined;
  }
  return at instanceof z.ZodObject ? Object.keys(at.shape) : [];
}

/** `categories[1].products[0].name` */
function fieldName(path: Path): string {
  if (path.length === 0) return 'The scope file';
  return `"${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('')}"`;
}

function parentName(path: Path): string {
  return path.length > 1 ? ` in ${fieldName(path.slice(0, -1))}` : '';
}

function article(type: string): string {
  return type === 'array' ? 'a list' : type === 'object' ? 'a mapping' : type === 'int' ? 'a whole number' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'empty';
    return `${typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'a boolean' : 'a value'} (${shortened(String(v))})`;
  }
  return 'empty';
}

/**
 * The range of the node at `path`; for a missing node (or with `keyOnly`) the key that holds it,
 * and failing that the closest ancestor that exists.
 */
export function rangeAt(doc: Document.Parsed, lines: LineIndex, path: Path, keyOnly = false): Range {
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    if (depth > 0 && (keyOnly || depth < path.length)) {
      const key = keyRangeAt(doc, lines, sub.slice(0, -1), sub[sub.length - 1]);
      if (key) return key;
    }
    const node = depth === 0 ? doc.contents : doc.getIn(sub, true);
    if (isNode(node) && node.range) return nodeRange(node, lines);
  }
  return lines.range(0, 0);
}

function keyRangeAt(doc: Document.Parsed, lines: LineIndex, mapPath: Path, key: PropertyKey): Range | undefined {
  const map = mapPath.length === 0 ? doc.contents : doc.getIn(mapPath, true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  return pair && isNode(pair.key) ? nodeRange(pair.key, lines) : undefined;
}

/** A node's range, trimmed to its first line so that a diagnostic on a whole mapping stays readable. */
export function nodeRange(node: Node, lines: LineIndex): Range {
  const [start, valueEnd] = node.range ?? [0, 0];
  const range = lines.range(start, valueEnd);
  if (range.end.line === range.start.line) return range;
  return { start: range.start, end: { line: range.start.line, character: range.start.character + 1 } };
}

export function firstNestedAlias(doc: Document.Parsed, lines: LineIndex): Range | undefined {
  let found: Range | undefined;
  visit(doc, {
    Alias(_key, alias) {
      const target = alias.resolve(doc);
      let nested = false;
      if (target) visit(target, { Alias: () => ((nested = true), visit.BREAK) });
      if (nested && alias.range) {
        found = lines.range(alias.range[0], alias.range[1]);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export function errorMessage(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error));
}

/** The first line of the `yaml` library's message, which may quote the file: as much of it as of any value. */
export function firstLine(message: string): string {
  return shortened(message.split('\n')[0].trim());
}
