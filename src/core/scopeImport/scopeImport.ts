import { Document, isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { DEFAULT_NOTES_GLOB } from '../scope/scopeModel';
import { MAX_SCOPE_FILE_CHARS, parseScope } from '../scope/scopeParser';
import { normalizeText, sizeOverLimit, slugify } from '../text';
import { axisOf, categoryName, idFor, nameKey, productsOf, subjectOf, type ImportedItem } from './itemRules';
import { readBlocks, type ListItem } from './markdownBlocks';

/** The structure the importer reads, for messages. */
export const EXPECTED_STRUCTURE =
  'a "# Title", then per category a "## Category" heading with a "**Goal:**" paragraph, a "**Representative products:**" list and a "**Key comparison axes:**" list';

export type ScopeImport =
  | {
      readonly ok: true;
      readonly yaml: string;
      /** The first things left out (at most MAX_LISTED_SKIPS), each with its line (1-based). */
      readonly skipped: readonly string[];
      /** How many things were left out in all. */
      readonly skippedCount: number;
    }
  | { readonly ok: false; readonly message: string };

/** What was left out is listed up to this many; a document of thousands of stray lines gets a count of the rest. */
export const MAX_LISTED_SKIPS = 20;

interface Skip {
  /** 0-based. */
  readonly line: number;
  readonly what: string;
}

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
    return { ok: false, message: `The document is ${sizeOverLimit(markdown.length, MAX_SCOPE_FILE_CHARS)} for scope documents.` };
  }
  const skipped: Skip[] = [];
  const prose: string[] = [];
  const categories: ImportedCategory[] = [];
  let title: string | undefined;
  let current: ImportedCategory | undefined;
  let pendingList: { kind: 'products' | 'axes'; line: number } | undefined;
  /** The list just read: a list right after it (another bullet character starts a new one) continues it. */
  let lastList: 'products' | 'axes' | undefined;
  const skip = (line: number, what: string) => skipped.push({ line, what });

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
          skip(
            block.line,
            `a list without a "**Representative products:**" or "**Key comparison axes:**" label${current ? ` in "${current.name}"` : ''}`,
          );
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
  if (title === undefined) skipped.unshift({ line: 0, what: 'no "# Title" heading: the title is "Competitor Scope"' });
  const listed = skipped
    .sort((a, b) => a.line - b.line)
    .slice(0, MAX_LISTED_SKIPS)
    .map((s) => `line ${s.line + 1}: ${s.what}`);
  const unlisted = skipped.length - listed.length;
  const written = checkedScope(title ?? 'Competitor Scope', prose, usable, [...listed, ...(unlisted > 0 ? [moreLeftOut(unlisted)] : [])]);
  return written.ok ? { ...written, skipped: listed, skippedCount: skipped.length } : written;
}

/** The line that stands for what is left out beyond the listed. */
export function moreLeftOut(count: number): string {
  return `${count.toLocaleString('en')} more left out, not listed.`;
}

/**
 * The scope file's text, when the scope file's own parser takes it: its limits hold, whatever the document.
 * A description is written once for every product that shares it, so the text could run to gigabytes: its
 * least size is counted before it is written.
 */
function checkedScope(
  title: string,
  prose: readonly string[],
  categories: readonly ImportedCategory[],
  skipped: readonly string[],
): { ok: true; yaml: string } | { ok: false; message: string } {
  const items = categories.reduce((sum, c) => sum + (c.products?.length ?? 0) + (c.axes?.length ?? 0), 0);
  const tooLarge = {
    ok: false as const,
    message: `The scope file made from it would be over the ${MAX_SCOPE_FILE_CHARS / (1024 * 1024)} MB limit for scope files (${items.toLocaleString('en')} products and axes in ${categories.length.toLocaleString('en')} ${categories.length === 1 ? 'category' : 'categories'}).`,
  };
  if (leastChars(title, prose, categories) > MAX_SCOPE_FILE_CHARS) return tooLarge;
  const yaml = writeScope(title, prose, categories, skipped);
  // In bytes: a reader may count the file's bytes, never fewer than its characters.
  if (new TextEncoder().encode(yaml).length > MAX_SCOPE_FILE_CHARS) return tooLarge;
  const parsed = parseScope(yaml);
  return parsed.ok
    ? { ok: true, yaml }
    : { ok: false, message: `The scope file made from it would not be valid: ${parsed.problems[0].message}` };
}

/** The fewest characters the scope file takes: every text of the document it holds, on the lines writeScope gives it. */
function leastChars(title: string, prose: readonly string[], categories: readonly ImportedCategory[]): number {
  const CATEGORY = '  - name: \n    goal: \n    products:\n    axes:\n'.length;
  const ITEM = '      - name: \n'.length;
  const DESCRIPTION = '        description: \n'.length;
  const ALIASES = '        aliases: []\n'.length;
  let chars = title.length + prose.reduce((sum, p) => sum + p.length, 0);
  for (const c of categories) {
    chars += CATEGORY + c.name.length + (c.goal?.length ?? 0);
    for (const item of [...(c.products ?? []), ...(c.axes ?? [])]) {
      chars += ITEM + item.name.length + (item.description === undefined ? 0 : DESCRIPTION + item.description.length);
      if (item.aliases.length > 0) chars += ALIASES + item.aliases.reduce((sum, a) => sum + a.length + ', '.length, 0);
    }
  }
  return chars;
}

function readList(
  items: readonly ListItem[],
  kind: 'products' | 'axes',
  category: string,
  skip: (line: number, what: string) => void,
  continuing: ImportedItem[] = [],
): ImportedItem[] {
  const read = [...continuing];
  const names = new Set(read.map((i) => nameKey(i.name)));
  const ids = new Set(read.map((i) => i.id ?? slugify(i.name)));
  for (const item of items) {
    if (item.extra) skip(item.line, `"${category}": what is below "${item.text}" in its list item (only its first line is read)`);
    for (const imported of kind === 'products' ? productsOf(item.text) : item.text ? [axisOf(item.text)] : []) {
      const id = idFor(imported.name, ids);
      if (!id || names.has(nameKey(imported.name))) {
        skip(item.line, `"${category}": "${imported.name}" ${id ? 'is there already' : 'has no letter or digit'}`);
        continue;
      }
      names.add(nameKey(imported.name));
      ids.add(id);
      read.push(id === slugify(imported.name) ? imported : { ...imported, id });
    }
  }
  return read;
}

function notAScope(categories: readonly ImportedCategory[]): string {
  const found =
    categories.length === 0
      ? 'it has no "##" heading'
      : categories
          .slice(0, 3)
          .map((c) => `"## ${c.name}" (line ${c.line + 1}) has no labelled products or axes list`)
          .join('; ');
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
  doc.commentBefore = paragraphs
    .map((p) =>
      p
        .split('\n')
        .flatMap(wrap)
        .map((line) => ` ${line}`)
        .join('\n'),
    )
    .join('\n\n');
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
  return {
    name: item.name,
    ...(item.id ? { id: item.id } : {}),
    ...(item.description ? { description: item.description } : {}),
    ...(item.aliases.length > 0 ? { aliases: [...item.aliases] } : {}),
  };
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
