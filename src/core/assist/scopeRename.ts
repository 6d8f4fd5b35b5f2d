import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { titleOf, type NoteAnalysis } from '../notes/noteAnalyzer';
import { renameHeadingEdit, setProductEdits, yamlScalar, type TextEdit } from '../notes/noteEdits';
import { noteName } from '../scope/noteFile';
import type { ScopeItem, Scope } from '../scope/scopeModel';
import { ID_PATTERN } from '../scope/scopeSchema';
import { LineIndex, normalizeText, slugify, type Position, type Range } from '../text';

/** The `id` or `name` of a product or an axis in the scope file, as written there. */
export interface ScopeSymbol {
  readonly kind: 'product' | 'axis';
  readonly categoryIndex: number;
  readonly index: number;
  readonly field: 'id' | 'name';
  readonly value: string;
  /** The scalar as written, quotes included. */
  readonly range: Range;
  /** Whether the item has an `id` of its own; without one, renaming its name renames its id too. */
  readonly hasId: boolean;
  readonly quoted: boolean;
}

const LISTS = { product: 'products', axis: 'axes' } as const;

/** The product's or axis's `id` or `name` value at `position` in a scope file's text, if there is one. */
export function scopeSymbolAt(text: string, position: Position): ScopeSymbol | undefined {
  const offset = new LineIndex(text).lineStart(position.line) + position.character;
  return findScopeSymbol(text, (_symbol, start, end) => offset >= start && offset <= end);
}

/** The `id` or `name` of the product or axis at `index` of category `categoryIndex`, as written there. */
export function scopeSymbolOf(
  text: string,
  where: Pick<ScopeSymbol, 'kind' | 'categoryIndex' | 'index' | 'field'>,
): ScopeSymbol | undefined {
  return findScopeSymbol(
    text,
    (s) => s.kind === where.kind && s.categoryIndex === where.categoryIndex && s.index === where.index && s.field === where.field,
  );
}

function findScopeSymbol(
  text: string,
  wanted: (symbol: Omit<ScopeSymbol, 'value' | 'range' | 'hasId' | 'quoted'>, start: number, end: number) => boolean,
): ScopeSymbol | undefined {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { prettyErrors: false });
  const categories = isMap(doc.contents) ? doc.contents.get('categories', true) : undefined;
  if (!isSeq(categories)) return undefined;
  for (const [categoryIndex, category] of categories.items.entries()) {
    if (!isMap(category)) continue;
    for (const kind of ['product', 'axis'] as const) {
      const list = category.get(LISTS[kind], true);
      if (!isSeq(list)) continue;
      for (const [index, item] of list.items.entries()) {
        for (const field of ['id', 'name'] as const) {
          // A product or an axis written as its name alone is its name.
          const value = isMap(item) ? item.get(field, true) : field === 'name' ? item : undefined;
          if (!isScalar(value) || typeof value.value !== 'string' || !value.range) continue;
          const [start, end] = value.range;
          if (!wanted({ kind, categoryIndex, index, field }, start, end)) continue;
          const quoted = value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE';
          return {
            kind,
            categoryIndex,
            index,
            field,
            value: value.value,
            range: lines.range(start, end),
            hasId: isMap(item) && item.has('id'),
            quoted,
          };
        }
      }
    }
  }
  return undefined;
}

export type ScopeRename =
  | {
      readonly ok: true;
      readonly scopeEdit: TextEdit;
      readonly noteEdits: ReadonlyArray<{ readonly path: string; readonly edits: readonly TextEdit[] }>;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Renames a product's or axis's id or name, and updates the notes that would otherwise lose it: a
 * `product:` value, or a note linked by its file name (it gets front matter), for a product; a heading
 * that used the old id or name as its text, for an axis. References that still match (an alias, the
 * unchanged name) are left as the team wrote them. `scope` must be the scope read from the same text.
 */
export function renameScopeSymbol(scope: Scope, symbol: ScopeSymbol, newValue: string, notes: Iterable<NoteAnalysis>): ScopeRename {
  const category = scope.categories[symbol.categoryIndex];
  const siblings: readonly ScopeItem[] = category ? category[LISTS[symbol.kind]] : [];
  const item = siblings[symbol.index];
  if (!category || !item || item[symbol.field] !== symbol.value) {
    return { ok: false, message: 'The scope file has changed or is invalid; rename again once it is valid.' };
  }
  const value = newValue.trim();
  if (!value) return { ok: false, message: `A ${symbol.kind} ${symbol.field} must not be empty.` };
  if (symbol.field === 'id' && !ID_PATTERN.test(value)) {
    return { ok: false, message: `An id is letters, digits, "-", "_" or "." (it names note files), not "${value}".` };
  }
  const renamed = {
    ...item,
    id: symbol.field === 'id' ? value : symbol.hasId ? item.id : slugify(value),
    name: symbol.field === 'name' ? value : item.name,
  };
  if (siblings.some((s) => s !== item && s.id === renamed.id)) {
    return { ok: false, message: `Another ${symbol.kind} of "${category.name}" has the id "${renamed.id}".` };
  }

  const noteEdits = [];
  for (const analysis of notes) {
    const edits =
      symbol.kind === 'product' ? productEdits(analysis, category.id, item, renamed) : axisEdits(analysis, category.id, item, renamed);
    if (edits.length > 0) noteEdits.push({ path: analysis.path, edits });
  }
  const written = symbol.quoted ? JSON.stringify(value) : yamlScalar(value);
  return { ok: true, scopeEdit: { range: symbol.range, newText: written }, noteEdits };
}

type Names = Pick<ScopeItem, 'id' | 'name' | 'aliases'>;

function productEdits(analysis: NoteAnalysis, categoryId: string, old: Names, renamed: Names): TextEdit[] {
  if (!analysis.targets.some((t) => t.categoryId === categoryId && t.productId === old.id)) return [];
  const matches = (text: string) => [renamed.id, slugify(renamed.name), ...renamed.aliases.map(slugify)].includes(slugify(text));
  const { frontMatter } = analysis.parsed;
  const wasNamed = (text: string) => [old.id, slugify(old.name), ...old.aliases.map(slugify)].includes(slugify(text));
  // In a comparison note's list, the item that named the renamed product.
  const field = frontMatter?.product ?? frontMatter?.products?.find((item) => wasNamed(item.value));
  if (analysis.link.kind === 'front-matter' && field && !matches(field.value)) {
    // Written as the name, it stays a name; otherwise it was the id.
    const newText = field.value === old.name || slugify(field.value) !== old.id ? renamed.name : renamed.id;
    return [{ range: field.valueRange, newText: yamlScalar(newText) }];
  }
  const fileName = noteName(analysis.path);
  if (analysis.link.kind === 'file-name' && !matches(fileName)) return setProductEdits(analysis, renamed.id);
  const title = titleOf(analysis.parsed);
  if (analysis.link.kind === 'heading' && title && !matches(title.text)) return setProductEdits(analysis, renamed.id);
  return [];
}

function axisEdits(analysis: NoteAnalysis, categoryId: string, old: Names, renamed: Names): TextEdit[] {
  const keys = new Set([renamed.id, renamed.name, ...renamed.aliases].map(normalizeText));
  return analysis.sections
    .filter((s) => s.categoryId === categoryId && s.axisId === old.id)
    .filter((s) => !keys.has(analysis.parsed.headings[s.headingIndex].normalized))
    .map((s) => {
      const heading = analysis.parsed.headings[s.headingIndex];
      return renameHeadingEdit(analysis, s.headingIndex, heading.normalized === normalizeText(old.name) ? renamed.name : renamed.id);
    });
}
