import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../notes/noteEdits';
import type { Scope } from '../scope/scopeModel';
import { parseScope } from '../scope/scopeParser';
import { LineIndex, slugify } from '../text';
import { checkNewItem, type ListKind, type NewItem } from './newItem';
import { applyOffsetEdits, blockItem, flowText, itemSpan, lineStartOf, pairOf, reindent, scalarText, type OffsetEdit } from './yamlText';

/** A category, or a product or an axis of one, by its place in the scope file. */
export type ScopePath = { readonly category: number } | { readonly category: number; readonly list: ListKind; readonly index: number };

export type ScopeEditResult =
  | { readonly ok: true; readonly edits: readonly TextEdit[]; /** The scope file's text once edited. */ readonly text: string }
  | { readonly ok: false; readonly message: string };

/** A list of the scope file: a sequence node and the map key that holds it. */
interface List {
  readonly seq: YAMLSeq;
  readonly owner: YAMLMap;
  readonly key: string;
}

interface Loaded {
  readonly text: string;
  readonly scope: Scope;
  readonly doc: Document.Parsed;
  readonly categories: List;
}

/**
 * Minimal text edits on a scope file: each changes the lines it must and leaves comments, blank lines,
 * quoting, flow or block style and key order elsewhere as they were. Only a valid scope file is
 * edited, and an edit whose result would not be a valid scope file is refused.
 */
export function addCategory(text: string, item: NewItem & { readonly goal: string }, at?: number): ScopeEditResult {
  return edit(text, (loaded) => {
    const problem = checkNewItem(loaded.scope, { kind: 'category' }, item);
    if (problem) return problem;
    const value = {
      ...(item.id && item.id !== slugify(item.name) ? { id: item.id } : {}),
      name: item.name,
      goal: item.goal,
      products: [],
      axes: [],
    };
    return insertInto(loaded, loaded.categories, at ?? loaded.categories.seq.items.length, { value });
  });
}

export function addItem(text: string, category: number, list: ListKind, item: NewItem, at?: number): ScopeEditResult {
  return edit(text, (loaded) => {
    const target = listOf(loaded, category, list);
    if (!target) return 'That category is no longer in the scope file.';
    const problem = checkNewItem(loaded.scope, { kind: list, category }, item);
    if (problem) return problem;
    const value = {
      ...(item.id && item.id !== slugify(item.name) ? { id: item.id } : {}),
      name: item.name,
      ...(item.description ? { description: item.description } : {}),
    };
    return insertInto(loaded, target, at ?? target.seq.items.length, { value });
  });
}

/**
 * Renames a category, product or axis. Its id stays: where the file gives none and the new name's
 * slug differs, the old id is written beside the name, so that the notes keep pointing at it.
 */
export function renameItem(text: string, path: ScopePath, newName: string): ScopeEditResult {
  return edit(text, (loaded) => {
    const name = newName.trim();
    if (!name) return 'A name must not be empty.';
    const written = 'list' in path ? listOf(loaded, path.category, path.list) : undefined;
    const plain = written && 'list' in path ? written.seq.items[path.index] : undefined;
    if (isScalar(plain) && typeof plain.value === 'string' && plain.range) {
      return renamePlain(loaded, plain, Boolean(written?.seq.flow), idAt(loaded.scope, path), name);
    }
    const map = mapAt(loaded, path);
    const nameValue = map && pairOf(map, 'name')?.value;
    const nameKey = map && pairOf(map, 'name')?.key;
    if (!map || !isScalar(nameValue) || !nameValue.range || !nameKey?.range) return 'That item is no longer in the scope file.';
    const edits: OffsetEdit[] = [
      { start: nameValue.range[0], end: nameValue.range[1], text: scalarText(name, nameValue, Boolean(map.flow)) },
    ];
    const id = idAt(loaded.scope, path);
    if (!map.has('id') && id !== undefined && slugify(name) !== id) {
      const column = nameKey.range[0] - lineStartOf(loaded.text, nameKey.range[0]);
      const separator = map.flow ? ', ' : `\n${' '.repeat(column)}`;
      edits.push({
        start: nameKey.range[0],
        end: nameKey.range[0],
        text: `id: ${scalarText(id, undefined, Boolean(map.flow))}${separator}`,
      });
    }
    return edits;
  });
}

/**
 * Renames a product or an axis written as its name alone (`- GitHub Actions`): it stays a name alone while its
 * id (the name's slug) stays the same, and becomes a mapping with the old id beside the new name otherwise.
 */
function renamePlain(loaded: Loaded, scalar: Scalar, inFlow: boolean, id: string | undefined, name: string): OffsetEdit[] {
  const [start, end] = scalar.range!;
  if (id === undefined || slugify(name) === id) return [{ start, end, text: scalarText(name, scalar, inFlow) }];
  if (inFlow) return [{ start, end, text: flowText({ id, name }) }];
  const column = start - lineStartOf(loaded.text, start);
  return [{ start, end, text: `id: ${scalarText(id, undefined, false)}\n${' '.repeat(column)}name: ${scalarText(name, scalar, false)}` }];
}

/** Deletes a category (never the last one), a product or an axis; the notes about it stay. */
export function deleteItem(text: string, path: ScopePath): ScopeEditResult {
  return edit(text, (loaded) => {
    const list = 'list' in path ? listOf(loaded, path.category, path.list) : loaded.categories;
    const index = 'list' in path ? path.index : path.category;
    if (!list || !list.seq.items[index]) return 'That item is no longer in the scope file.';
    if (!('list' in path) && list.seq.items.length === 1) return 'A scope needs at least one category: this is the last one.';
    return removeFrom(loaded, list, index);
  });
}

/**
 * Moves a category within the categories, or a product or an axis to `to.index` (its place before the
 * move) of a list of the same kind, in its own category or another one.
 */
export function moveItem(text: string, from: ScopePath, to: { readonly category: number; readonly index: number }): ScopeEditResult {
  return edit(text, (loaded) => {
    const source = 'list' in from ? listOf(loaded, from.category, from.list) : loaded.categories;
    const target = 'list' in from ? listOf(loaded, to.category, from.list) : loaded.categories;
    const index = 'list' in from ? from.index : from.category;
    if (!source || !target || !source.seq.items[index] || to.index < 0 || to.index > target.seq.items.length) {
      return 'That place is no longer in the scope file.';
    }
    if (source.seq === target.seq) return reorder(loaded, source, index, to.index);
    const moved = 'list' in from ? loaded.scope.categories[from.category][from.list][from.index] : undefined;
    const clash = moved && 'list' in from && loaded.scope.categories[to.category][from.list].find((item) => item.id === moved.id);
    if (clash) {
      return `"${loaded.scope.categories[to.category].name}" has a ${from.list === 'products' ? 'product' : 'axis'} with the id "${clash.id}" already.`;
    }
    const span = itemSpan(loaded.text, source.seq, index);
    const node = source.seq.items[index] as Node;
    return [
      ...removeFrom(loaded, source, index),
      ...insertInto(loaded, target, to.index, {
        node,
        block: span && { text: loaded.text.slice(span.start, span.end), dashColumn: span.dashColumn },
      }),
    ];
  });
}

function edit(text: string, make: (loaded: Loaded) => OffsetEdit[] | string): ScopeEditResult {
  const parsed = parseScope(text);
  if (!parsed.ok) {
    return {
      ok: false,
      message: `The scope file has ${parsed.problems.length === 1 ? 'a problem' : `${parsed.problems.length} problems`}; fix ${parsed.problems.length === 1 ? 'it' : 'them'} before editing the scope from the tree.`,
    };
  }
  const doc = parseDocument(text, { prettyErrors: false });
  const categories = isMap(doc.contents) ? doc.contents.get('categories', true) : undefined;
  if (!isMap(doc.contents) || !isSeq(categories)) return { ok: false, message: 'The scope file has no list of categories.' };
  const made = make({ text, scope: parsed.scope, doc, categories: { seq: categories, owner: doc.contents, key: 'categories' } });
  if (typeof made === 'string') return { ok: false, message: made };
  const result = applyOffsetEdits(text, made);
  const check = parseScope(result);
  if (!check.ok) {
    return { ok: false, message: `The edit would leave the scope file invalid (${check.problems[0].message}); edit it by hand.` };
  }
  const lines = new LineIndex(text);
  return { ok: true, edits: made.map((e) => ({ range: lines.range(e.start, e.end), newText: e.text })), text: result };
}

function listOf(loaded: Loaded, category: number, key: ListKind): List | undefined {
  const owner = loaded.categories.seq.items[category];
  const seq = isMap(owner) ? owner.get(key, true) : undefined;
  return isMap(owner) && isSeq(seq) ? { seq, owner, key } : undefined;
}

function mapAt(loaded: Loaded, path: ScopePath): YAMLMap | undefined {
  const node =
    'list' in path ? listOf(loaded, path.category, path.list)?.seq.items[path.index] : loaded.categories.seq.items[path.category];
  return isMap(node) ? node : undefined;
}

function idAt(scope: Scope, path: ScopePath): string | undefined {
  const category = scope.categories[path.category];
  return 'list' in path ? category?.[path.list][path.index]?.id : category?.id;
}

/** What goes into a list: a new value, or an item moved from another list (with its lines, when it was in a block list). */
type Incoming =
  { readonly value: unknown } | { readonly node: Node; readonly block?: { readonly text: string; readonly dashColumn: number } };

function insertInto(loaded: Loaded, list: List, index: number, incoming: Incoming): OffsetEdit[] {
  const { text } = loaded;
  const { seq } = list;
  const count = seq.items.length;
  if (seq.flow && count > 0) {
    const copy = seq.clone();
    copy.items.splice(index, 0, 'value' in incoming ? loaded.doc.createNode(incoming.value) : incoming.node);
    return [{ start: seq.range![0], end: seq.range![1], text: flowText(copy) }];
  }
  if (count === 0) {
    // `products: []` becomes a block list under its key.
    const key = pairOf(list.owner, list.key)!.key;
    const dashColumn = key.range![0] - lineStartOf(text, key.range![0]) + 2;
    const item = itemText(incoming, dashColumn, 2);
    return [{ start: key.range![1], end: seq.range![1], text: `:\n${item.endsWith('\n') ? item.slice(0, -1) : item}` }];
  }
  const first = itemSpan(text, seq, 0)!;
  const separator = count > 1 ? text.slice(first.end, itemSpan(text, seq, 1)!.start) : '';
  const item = itemText(incoming, first.dashColumn, first.gap);
  if (index < count) return [{ start: itemSpan(text, seq, index)!.start, end: itemSpan(text, seq, index)!.start, text: item + separator }];
  const last = itemSpan(text, seq, count - 1)!;
  const newline = last.end === text.length && !text.endsWith('\n') ? '\n' : '';
  return [{ start: last.end, end: last.end, text: newline + separator + item }];
}

function itemText(incoming: Incoming, dashColumn: number, gap: number): string {
  if ('value' in incoming) return blockItem(incoming.value, dashColumn, gap);
  if (incoming.block) {
    const moved = reindent(incoming.block.text, dashColumn - incoming.block.dashColumn);
    return moved.endsWith('\n') ? moved : `${moved}\n`;
  }
  return blockItem(incoming.node, dashColumn, gap);
}

function removeFrom(loaded: Loaded, list: List, index: number): OffsetEdit[] {
  const { text } = loaded;
  const { seq } = list;
  const count = seq.items.length;
  if (seq.flow) {
    const copy = seq.clone();
    copy.items.splice(index, 1);
    return [{ start: seq.range![0], end: seq.range![1], text: flowText(copy) }];
  }
  const span = itemSpan(text, seq, index)!;
  if (count === 1) {
    const key = pairOf(list.owner, list.key)!.key;
    return [{ start: key.range![1], end: span.end, text: `: []${text[span.end - 1] === '\n' ? '\n' : ''}` }];
  }
  // Take the separator after the item (before it, for the last one), so that the others keep theirs.
  if (index < count - 1) return [{ start: span.start, end: itemSpan(text, seq, index + 1)!.start, text: '' }];
  return [{ start: itemSpan(text, seq, index - 1)!.end, end: span.end, text: '' }];
}

/** Moves an item within its list: each slot between the old and the new place gets the item that goes there. */
function reorder(loaded: Loaded, list: List, from: number, to: number): OffsetEdit[] {
  const { text } = loaded;
  const { seq } = list;
  const order = seq.items.map((_, i) => i);
  const [moved] = order.splice(from, 1);
  order.splice(to > from ? to - 1 : to, 0, moved);
  if (seq.flow) {
    const copy = seq.clone();
    copy.items = order.map((i) => seq.items[i]);
    return order.every((i, slot) => i === slot) ? [] : [{ start: seq.range![0], end: seq.range![1], text: flowText(copy) }];
  }
  const spans = seq.items.map((_, i) => itemSpan(text, seq, i)!);
  const body = (i: number) => {
    const block = text.slice(spans[i].start, spans[i].end);
    return block.endsWith('\n') ? block : `${block}\n`;
  };
  return order.flatMap((i, slot) => {
    if (i === slot) return [];
    const isLast = slot === order.length - 1 && spans[slot].end === text.length && !text.endsWith('\n');
    const written = isLast ? body(i).slice(0, -1) : body(i);
    return [{ start: spans[slot].start, end: spans[slot].end, text: written }];
  });
}
