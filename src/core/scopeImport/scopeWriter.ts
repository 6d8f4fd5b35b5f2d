import { Document, isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { DEFAULT_NOTES_GLOB } from '../scope/scopeModel';
import { MAX_SCOPE_FILE_CHARS, parseScope } from '../scope/scopeParser';
import { subjectOf, type ImportedItem } from './itemRules';

/** A category as the importer read it. */
export interface ImportedCategory {
  readonly name: string;
  /** Only where the slug of the name is another category's. */
  readonly id?: string;
  readonly line: number;
  readonly goal?: string;
  readonly products?: readonly ImportedItem[];
  readonly axes?: readonly ImportedItem[];
}

/**
 * The scope file's text, when the scope file's own parser takes it: its limits hold, whatever the document.
 * A description is written once for every product that shares it, so the text could run to gigabytes: its
 * least size is counted before it is written.
 */
export function checkedScope(
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

function writeScope(title: string, prose: readonly string[], categories: readonly ImportedCategory[], skipped: readonly string[]): string {
  const subject = subjectOf(title);
  const doc = new Document({
    version: 1,
    title,
    ...(subject ? { subject } : {}),
    notes: DEFAULT_NOTES_GLOB,
    categories: categories.map((c) => ({
      ...(c.id ? { id: c.id } : {}),
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
    ...(item.id ? { id: item.id } : {}),
    name: item.name,
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
