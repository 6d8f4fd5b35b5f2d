import type { ScopeFile } from './scopeSchema';

/**
 * The checked model of a scope file, kept between activations (the editor stores it; see workspace/scopeCache.ts) so
 * that the tree's first items need neither the YAML parser nor the schema: `file` is the schema's output for the
 * text whose hash is `hash`, under this format and this build of the extension.
 */
export interface ScopeCacheEntry {
  readonly format: typeof SCOPE_CACHE_FORMAT;
  /** The extension's version: another build may read the same text into another model. */
  readonly build: string;
  /** A hash of the scope file's text (SHA-256, hex). */
  readonly hash: string;
  readonly file: ScopeFile;
}

/** Raised when what an entry holds changes shape: an entry of another format is ignored. */
export const SCOPE_CACHE_FORMAT = 1;

/**
 * A stored entry larger than this (UTF-8 bytes) is neither written nor read: a scope file is at most 1 MB, and its
 * model, without the YAML's indentation, is smaller.
 */
export const MAX_SCOPE_CACHE_BYTES = 2 * 1024 * 1024;

/** The entry's text as stored. */
export function scopeCacheText(build: string, hash: string, file: ScopeFile): string {
  const entry: ScopeCacheEntry = { format: SCOPE_CACHE_FORMAT, build, hash, file };
  return JSON.stringify(entry);
}

/**
 * The checked model stored in `text` for a scope file of this `hash` read by this `build`, or undefined for any
 * other entry: another text, format or build, a text that is not JSON, or a model not of the shape the schema gives.
 * The shape is checked cheaply (the types that resolving the scope relies on), not revalidated: the store checks
 * the scope file again in the background and replaces what differs.
 */
export function cachedScopeFile(text: string, build: string, hash: string): ScopeFile | undefined {
  // A text never has more UTF-16 units than UTF-8 bytes.
  if (text.length > MAX_SCOPE_CACHE_BYTES) return undefined;
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(entry) || entry.format !== SCOPE_CACHE_FORMAT || entry.build !== build || entry.hash !== hash) return undefined;
  return isScopeFile(entry.file) ? entry.file : undefined;
}

type Shape = Record<string, 'string' | 'number' | 'strings' | 'record' | undefined>;

const ITEM: Shape = { id: 'string', name: 'string', description: 'string', aliases: 'strings', weight: 'number', evidence: 'string', freshness: 'number' };
const CATEGORY: Shape = { id: 'string', name: 'string', goal: 'string', evidence: 'string', freshness: 'number' };
const TOP: Shape = {
  version: 'number',
  title: 'string',
  subject: 'string',
  notes: 'string',
  exclude: 'strings',
  placeholders: 'strings',
  scoring: 'record',
  evidence: 'string',
  freshness: 'number',
  severity: 'record',
};

function isScopeFile(value: unknown): value is ScopeFile {
  if (!isRecord(value) || !fits(value, TOP, ['categories'], ['version', 'title']) || !Array.isArray(value.categories)) return false;
  return value.categories.every(
    (category) =>
      isRecord(category) &&
      fits(category, CATEGORY, ['products', 'axes'], ['name', 'goal']) &&
      [category.products, category.axes].every((items) => Array.isArray(items) && items.every(isItem)),
  );
}

/** A product or an axis: its name alone, or a mapping with its name. */
function isItem(value: unknown): boolean {
  return typeof value === 'string' || (isRecord(value) && fits(value, ITEM, [], ['name']));
}

/** Whether every key of `value` is one of `shape`'s (of its type) or of `lists`, and the `required` ones are there. */
function fits(value: Record<string, unknown>, shape: Shape, lists: readonly string[], required: readonly string[]): boolean {
  if (!required.every((key) => key in value)) return false;
  return Object.entries(value).every(([key, field]) => {
    if (lists.includes(key)) return true;
    const kind = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (kind === 'strings') return Array.isArray(field) && field.every((item) => typeof item === 'string');
    if (kind === 'record') return isRecord(field);
    return kind !== undefined && typeof field === kind;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
