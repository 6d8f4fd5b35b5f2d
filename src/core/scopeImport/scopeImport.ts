import { Document, isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { DEFAULT_NOTES_GLOB } from '../scopeModel';
import { MAX_SCOPE_FILE_CHARS } from '../scopeParser';
import { normalizeText, slugify } from '../text';
import { axisOf, categoryName, productsOf, subjectOf, type ImportedItem } from './itemRules';
import { readBlocks, type ListItem } from './markdownBlocks';

/** The structure the importer reads, for messages. */
export const EXPECTED_STRUCTURE =
  'a "# Title", then per category a "## Category" heading with a "**Goal:**" paragraph, a "**Representative products:**" list and a "**Key comparison axes:**" list';

export type ScopeImport =
  | { readonly ok: true; readonly yaml: string; /** What was left out, each with its line (1-based). */ readonly skipped: readonly string[] }
  | { readonly ok: false; readonly message: string };

const LABELS: Record<string, 'goal' | 'products' | 'axes'> = {
  goal: 'goal',
  'representative products': 'products',
  products: 'products',
  'key comparison axes': 'axes',
  'comparison axes': 'axes',
  axes: 'axes',
};

interface ImportedCategory {
  readonly name: string;
  readonly line: number;
  goal?: string;
  products?: ImportedItem[];
  axes?: ImportedItem[];
}

/** Reads a Markdown scope document (the seed's structure) into the text of a scope file. */
export function importScope(markdown: string): ScopeImport {
  if (markdown.length > MAX_SCOPE_FILE_CHARS) {
    return { ok: false, message: `The document is ${(markdown.length / (1024 * 1024)).toFixed(1)} MB; a scope document may be at most 1 MB.` };
  }
  const skipped: string[] = [];
  const prose: string[] = [];
  const categories: ImportedCategory[] = [];
  let title: string | undefined;
  let current: ImportedCategory | undefined;
  let pendingList: { kind: 'products' | 'axes'; line: number } | undefined;
  /** The list just read: a list right after it (another bullet character starts a new one) continues it. */
  let lastList: 'products' | 'axes' | undefined;
  const skip = (line: number, what: string) => skipped.push(`line ${line + 1}: ${what}`);

  for (const block of readBlocks(markdown)) {
    const continued = block.kind === 'list' ? lastList : undefined;
    lastList = undefined;
    if (pendingList && block.kind !== 'list') {
      skip(pendingList.line, `"${current?.name}": the ${pendingList.kind} label is not followed by a list`);
      pendingList = undefined;
    }
    switch (block.kind) {
      case 'heading':
        if (block.level === 1 && title === undefined && categories.length === 0) title = block.text;
        else if (block.level === 2) categories.push((current = { name: categoryName(block.text), line: block.line }));
        else skip(block.line, `the heading "${block.text}" (only "# Title" and "## Category" are read)`);
        break;
      case 'paragraph': {
        const label = block.label === undefined ? undefined : LABELS[normalizeText(block.label)];
        if (!label || !current) prose.push(block.text);
        else if (label === 'goal') current.goal = block.text || undefined;
        else if (block.text) skip(block.line, `"${current.name}": the ${label} label has text after it; its list belongs below it`);
        else pendingList = { kind: label, line: block.line };
        break;
      }
      case 'list':
        if ((pendingList || continued) && current) {
          const kind = (pendingList?.kind ?? continued)!;
          current[kind] = readList(block.items, kind, current.name, skip, continued ? current[kind] : undefined);
          pendingList = undefined;
          lastList = kind;
        } else {
          skip(block.line, `a list without a "**Representative products:**" or "**Key comparison axes:**" label${current ? ` in "${current.name}"` : ''}`);
        }
        break;
      case 'other':
        skip(block.line, `${block.what}${current ? ` in "${current.name}"` : ''}`);
        break;
    }
  }
  if (pendingList) skip(pendingList.line, `"${current?.name}": the ${pendingList.kind} label is not followed by a list`);

  const usable = categories.filter((c) => {
    if (c.products || c.axes) return true;
    skip(c.line, `"## ${c.name}" has neither a products list nor an axes list: not imported`);
    return false;
  });
  if (usable.length === 0) return { ok: false, message: notAScope(categories) };
  for (const c of usable) {
    if (!c.goal) skip(c.line, `"${c.name}" has no "**Goal:**" paragraph: its goal is TODO`);
    if (!c.products) skip(c.line, `"${c.name}" has no products list: it has none`);
    if (!c.axes) skip(c.line, `"${c.name}" has no axes list: it has none`);
  }
  if (title === undefined) skipped.unshift('line 1: no "# Title" heading: the title is "Competitor Scope"');
  skipped.sort((a, b) => lineOf(a) - lineOf(b));
  return { ok: true, yaml: writeScope(title ?? 'Competitor Scope', prose, usable, skipped), skipped };
}

function readList(items: readonly ListItem[], kind: 'products' | 'axes', category: string, skip: (line: number, what: string) => void, continuing: ImportedItem[] = []): ImportedItem[] {
  const read = [...continuing];
  const ids = new Set(read.map((i) => slugify(i.name)));
  for (const item of items) {
    if (item.extra) skip(item.line, `"${category}": what is below "${item.text}" in its list item (only its first line is read)`);
    for (const imported of kind === 'products' ? productsOf(item.text) : item.text ? [axisOf(item.text)] : []) {
      const id = slugify(imported.name);
      if (!id || ids.has(id)) {
        skip(item.line, `"${category}": "${imported.name}" ${id ? 'is there already' : 'has no letter or digit'}`);
        continue;
      }
      ids.add(id);
      read.push(imported);
    }
  }
  return read;
}

function notAScope(categories: readonly ImportedCategory[]): string {
  const found = categories.length === 0
    ? 'it has no "##" heading'
    : categories.slice(0, 3).map((c) => `"## ${c.name}" (line ${c.line + 1}) has no labelled products or axes list`).join('; ');
  return `This is not a scope document: expected ${EXPECTED_STRUCTURE}, but ${found}.`;
}

function writeScope(title: string, prose: readonly string[], categories: readonly ImportedCategory[], skipped: readonly string[]): string {
  const subject = subjectOf(title);
  const doc = new Document({
    version: 1,
    title,
    ...(subject ? { subject } : {}),
    notes: DEFAULT_NOTES_GLOB,
    categories: categories.map((c) => ({
      name: c.name,
      goal: c.goal ?? 'TODO',
      products: (c.products ?? []).map(itemValue),
      axes: (c.axes ?? []).map(itemValue),
    })),
  });
  const paragraphs = [title, ...prose, ...(skipped.length > 0 ? [['Not imported:', ...skipped].join('\n')] : [])];
  doc.commentBefore = paragraphs.map((p) => p.split('\n').flatMap(wrap).map((line) => ` ${line}`).join('\n')).join('\n\n');
  const root = doc.contents as YAMLMap;
  const categoriesKey = root.items.find((p) => isScalar(p.key) && p.key.value === 'categories')?.key;
  if (isScalar(categoriesKey)) categoriesKey.spaceBefore = true;
  const list = root.get('categories', true);
  // A blank line between categories; aliases on one line, as the team writes them: [DRF].
  for (const [index, category] of (isSeq(list) ? list.items : []).entries()) {
    if (isMap(category) && index > 0) category.spaceBefore = true;
    for (const key of ['products', 'axes']) {
      const items = isMap(category) ? category.get(key, true) : undefined;
      for (const item of isSeq(items) ? items.items : []) {
        const aliases = isMap(item) ? item.get('aliases', true) : undefined;
        if (isSeq(aliases)) aliases.flow = true;
      }
    }
  }
  return doc.toString({ lineWidth: 100 });
}

function itemValue(item: ImportedItem): Record<string, unknown> {
  return { name: item.name, ...(item.description ? { description: item.description } : {}), ...(item.aliases.length > 0 ? { aliases: [...item.aliases] } : {}) };
}

/** A line of prose in lines of at most about 98 characters, for a comment. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 98) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

function lineOf(entry: string): number {
  return Number(entry.slice('line '.length, entry.indexOf(':')));
}
