import { parseDocument, type Document } from 'yaml';
import type { FileRefusal } from '../fileRefusal';
import { DEFAULT_EXCLUDE, DEFAULT_NOTES_GLOB, DEFAULT_SCALE, type Category, type EvidencePolicy, type Product, type Scope, type ScopeParseResult, type ScopeProblem } from './scopeModel';
import { scopeFileSchema, type ScopeFile } from './scopeSchema';
import { LineIndex, shortened, sizeOverLimit, slugify, type Range } from '../text';
import { plainYamlData } from './plainYaml';
import { collectionRanges } from './plainYamlRanges';
import { repeatedKeys, yamlNesting } from './yamlGuard';
import { onePerField } from './zodIssues';
import { describeIssue, errorMessage, firstLine, firstNestedAlias, nodeRange, rangeAt, type Path } from './scopeProblems';

/** A scope file larger than this is refused before it is read: it is a mistake, not a scope. */
export const MAX_SCOPE_FILE_BYTES = 1024 * 1024;
/** The same limit on a text already read (an editor's): a text never has more UTF-16 units than UTF-8 bytes. */
export const MAX_SCOPE_FILE_CHARS = MAX_SCOPE_FILE_BYTES;
/** Deeper nesting than any scope needs; refused before the YAML parser recurses into it. */
export const MAX_SCOPE_NESTING = 64;
/** yaml's own guard against alias bombs ("billion laughs"), kept on explicitly. */
const MAX_ALIAS_COUNT = 100;

/** The `yaml` library's document of a scope file and its line index: where every node stands. */
interface Located {
  readonly doc: Document.Parsed;
  readonly lines: LineIndex;
}

/**
 * Parses and validates a scope file. Never throws: every problem comes back with the range it is about.
 * A valid file of plain YAML is read without positions (see plainYamlData), and its items' ranges are found
 * when something first asks for one; any other file is read by parseScopeDocument.
 */
export function parseScope(text: string): ScopeParseResult {
  return parseScopeFile(text).result;
}

/** A scope file parsed, with the checked file data of a valid one: what the editor caches for the next activation. */
export interface CheckedScopeFile {
  readonly result: ScopeParseResult;
  /** The schema's output for a valid scope file: scopeFromFile(text, file) gives `result` again, without YAML or schema. */
  readonly file?: ScopeFile;
}

/** parseScope, with the schema's output kept (see CheckedScopeFile). */
export function parseScopeFile(text: string): CheckedScopeFile {
  const refused = guarded(text);
  return refused ? { result: refused } : (plainScope(text) ?? documentScope(text));
}

/**
 * The scope of a text whose schema output is already known (cached from an earlier parse of the same text): the
 * resolving and the id checks only, the ranges found from the text when first asked for, as parseScope's fast path does.
 */
export function scopeFromFile(text: string, file: ScopeFile): ScopeParseResult {
  return lazilyChecked(text, file);
}

/** parseScope with every position found up front, from the `yaml` library's document: what the fast path must equal. */
export function parseScopeDocument(text: string): ScopeParseResult {
  return guarded(text) ?? documentScope(text).result;
}

/** The problem of a scope file that was not read at all (see FileRefusal), at its start. */
export function refusedScope(refusal: FileRefusal): ScopeParseResult {
  const message = refusal.kind === 'too-large' ? tooLarge(refusal.bytes)
    : refusal.kind === 'not-a-file' ? 'The scope file is not a regular file (it is a device, a pipe or a folder); it is not read.'
    : 'The scope file is a link to a file outside its folder; nothing outside the folder is read.';
  return fail({ message, range: UNPLACED });
}

function tooLarge(size: number): string {
  return `The scope file is ${sizeOverLimit(size, MAX_SCOPE_FILE_BYTES)} for scope files.`;
}

/** The size and depth guards, before any parser sees the text. */
function guarded(text: string): ScopeParseResult | undefined {
  if (text.length > MAX_SCOPE_FILE_CHARS) return fail({ message: tooLarge(text.length), range: firstLineOf(text) });
  const depth = yamlNesting(text);
  if (depth.depth > MAX_SCOPE_NESTING) {
    return fail({
      message: `The scope file nests more than ${MAX_SCOPE_NESTING} levels deep; a scope needs five.`,
      range: new LineIndex(text).range(depth.offset, depth.offset + 1),
    });
  }
  return undefined;
}

function firstLineOf(text: string): Range {
  const firstLineEnd = text.indexOf('\n');
  return new LineIndex(text).range(0, firstLineEnd === -1 ? text.length : firstLineEnd);
}

/** A valid scope of plain YAML, its ranges found later; undefined when the file needs the `yaml` library's reading. */
function plainScope(text: string): CheckedScopeFile | undefined {
  const plain = plainYamlData(text, MAX_SCOPE_NESTING);
  const parsed = plain && scopeFileSchema.safeParse(plain.data ?? {});
  if (!parsed?.success) return undefined;
  return { result: lazilyChecked(text, parsed.data), file: parsed.data };
}

/** The `yaml` library's document of the text, made the first time it is asked for. */
function locator(text: string): () => Located {
  let located: Located | undefined;
  return () => (located ??= { doc: parseDocument(text, { prettyErrors: false, uniqueKeys: false }), lines: new LineIndex(text) });
}

/**
 * Where an item of a valid plain-YAML file stands: from js-yaml's events where they settle it (a scope without
 * notes asks for every product's range, and the `yaml` document of 2,000 products costs more than the rest of the
 * scope's parse), else from the `yaml` document, made then.
 */
function lazyPlacer(text: string, locate: () => Located): (path: Path) => Range {
  let fromEvents: ((path: Path) => Range | undefined) | undefined;
  return (path) => {
    fromEvents ??= collectionRanges(text, MAX_SCOPE_NESTING);
    return fromEvents(path) ?? rangeAt(locate().doc, locate().lines, path);
  };
}

function documentScope(text: string): CheckedScopeFile {
  const lines = new LineIndex(text);
  let doc: Document.Parsed;
  try {
    // Repeated keys are found by repeatedKeys below, in one pass: yaml's own check is quadratic.
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return failed({ message: `The scope file cannot be read as YAML: ${errorMessage(error)}`, range: firstLineOf(text) });
  }
  if (doc.errors.length > 0) {
    return failed(...doc.errors.map((e) => ({ message: `YAML syntax error: ${firstLine(e.message)}`, range: lines.range(e.pos[0], e.pos[1]) })));
  }
  const repeated = repeatedKeys(doc);
  if (repeated.length > 0) {
    return failed(...repeated.map((key) => ({ message: `YAML syntax error: Map keys must be unique ("${shortened(String(key))}" is there already).`, range: nodeRange(key, lines) })));
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws here when aliases expand past maxAliasCount: point at the first alias of an alias chain.
    return failed({ message: `The scope file cannot be expanded: ${errorMessage(error)}`, range: firstNestedAlias(doc, lines) ?? firstLineOf(text) });
  }

  const parsed = scopeFileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    return failed(...onePerField(parsed.error.issues).map((issue) => describeIssue(issue, doc, lines)));
  }
  return { result: checked(parsed.data, () => ({ doc, lines }), { find: (path) => rangeAt(doc, lines, path), lazy: false }), file: parsed.data };
}

/** The scope of a valid file, or its repeated ids. */
/** The scope of a valid plain-YAML file, its items' ranges found when first read. */
function lazilyChecked(text: string, file: ScopeFile): ScopeParseResult {
  const locate = locator(text);
  return checked(file, locate, { find: lazyPlacer(text, locate), lazy: true });
}

/** How the items' ranges are found, and whether now or when first read. */
interface Placer {
  readonly find: (path: Path) => Range;
  readonly lazy: boolean;
}

function checked(file: ScopeFile, locate: () => Located, placer: Placer): ScopeParseResult {
  const scope = resolveScope(file, placer);
  const duplicates = findDuplicateIds(scope, locate);
  return duplicates.length > 0 ? fail(...duplicates) : { ok: true, scope, problems: [] };
}

function fail(...problems: ScopeProblem[]): ScopeParseResult {
  return { ok: false, problems };
}

function failed(...problems: ScopeProblem[]): CheckedScopeFile {
  return { result: fail(...problems) };
}

/** Sets `value.range` to the range at `path`: now, or (`lazy`) when it is first read. */
function placed<T extends { range: Range }>(value: T, path: Path, { find: findAt, lazy }: Placer): T {
  const find = () => findAt(path);
  if (!lazy) return Object.assign(value, { range: find() });
  let range: Range | undefined;
  // Redefining the property keeps its place among the keys, as JSON shows them.
  return Object.defineProperty(value, 'range', { get: () => (range ??= find()), enumerable: true, configurable: true });
}

const UNPLACED: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function resolveScope(file: ScopeFile, placer: Placer): Scope {
  const item = (raw: { id?: string; name: string; description?: string; aliases?: string[] }): Product => ({
    id: raw.id ?? slugify(raw.name),
    name: raw.name,
    ...(raw.description !== undefined ? { description: raw.description.trim() } : {}),
    aliases: raw.aliases ?? [],
    range: UNPLACED,
  });
  const categories: Category[] = file.categories.map((c, ci) => placed({
    id: c.id ?? slugify(c.name),
    name: c.name,
    goal: c.goal,
    products: c.products.map((p, pi) => placed(item(named(p)), ['categories', ci, 'products', pi], placer)),
    axes: c.axes.map(named).map((a, ai) => placed({ ...item(a), weight: a.weight ?? 1, ...policy(a) }, ['categories', ci, 'axes', ai], placer)),
    range: UNPLACED,
    ...policy(c),
  }, ['categories', ci], placer));
  return {
    version: file.version,
    title: file.title,
    ...(file.subject !== undefined ? { subject: file.subject } : {}),
    notes: file.notes ?? DEFAULT_NOTES_GLOB,
    exclude: file.exclude ?? DEFAULT_EXCLUDE,
    placeholders: file.placeholders ?? [],
    ...(file.scoring ? { scoring: { scale: file.scoring.scale ?? DEFAULT_SCALE, labels: file.scoring.labels ?? [] } } : {}),
    categories,
    ...policy(file),
    ...(file.severity !== undefined ? { severity: file.severity } : {}),
  };
}

/** A product or an axis as a mapping, when the file writes its name alone. */
function named<T extends { name: string }>(written: string | T): Partial<T> & { name: string } {
  return typeof written === 'string' ? { name: written } as Partial<T> & { name: string } : written;
}

/** The evidence rules an entry of the scope file sets, and only those (an absent one defers to the level above). */
function policy(entry: EvidencePolicy): EvidencePolicy {
  return {
    ...(entry.evidence !== undefined ? { evidence: entry.evidence } : {}),
    ...(entry.freshness !== undefined ? { freshness: entry.freshness } : {}),
  };
}

/** Ids must be unique among categories, and among the products and the axes of one category. */
function findDuplicateIds(scope: Scope, locate: () => Located): ScopeProblem[] {
  const problems: ScopeProblem[] = [];
  const check = (kind: string, items: ReadonlyArray<{ id: string }>, basePath: Path) => {
    const first = new Map<string, number>();
    items.forEach((it, index) => {
      const seen = first.get(it.id);
      if (seen === undefined) {
        first.set(it.id, index);
        return;
      }
      const { doc, lines } = locate();
      const path = [...basePath, index];
      const explicit = doc.hasIn([...path, 'id']);
      const firstLine = rangeAt(doc, lines, [...basePath, seen]).start.line + 1;
      problems.push({
        message: explicit
          ? `Duplicate ${kind} id "${shortened(it.id)}": line ${firstLine} uses it already.`
          : `Duplicate ${kind} id "${shortened(it.id)}" (from its name): line ${firstLine} uses it already; give one of them an "id".`,
        range: rangeAt(doc, lines, explicit ? [...path, 'id'] : [...path, 'name']),
      });
    });
  };
  check('category', scope.categories, ['categories']);
  scope.categories.forEach((c, ci) => {
    check('product', c.products, ['categories', ci, 'products']);
    check('axis', c.axes, ['categories', ci, 'axes']);
  });
  return problems;
}
