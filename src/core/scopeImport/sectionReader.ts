import { normalizeText, slugify } from '../text';
import { axisOf, inlineItems, ItemIds, nameKey, productsOf, type ImportedItem } from './itemRules';
import type { DocBlock, LabelledLine, ListItem, TableRow } from './markdownBlocks';

export type Label = 'goal' | 'products' | 'axes';
type ListKind = 'products' | 'axes';

/** What is left out, where, and whether it may have held products, axes or a category (then the import is incomplete). */
export interface Skip {
  /** 0-based. */
  readonly line: number;
  readonly what: string;
  readonly lost: boolean;
}

/** A label heading (`### Products`) in a section's content: what follows it is under that label. */
export type SectionBlock =
  Exclude<DocBlock, { kind: 'heading' }> | { readonly kind: 'label'; readonly label: Label; readonly line: number };

export interface SectionContent {
  goal?: string;
  products?: ImportedItem[];
  axes?: ImportedItem[];
  /** Whether a products or axes label was read: a section with one was meant to be a category. */
  labelled: boolean;
  /** Lists and tables under no label: whether they are left out, or lost, depends on what the section is. */
  readonly unlabelled: { readonly line: number; readonly what: string }[];
  readonly prose: string[];
}

const LABEL_PATTERNS: ReadonlyArray<[RegExp, Label]> = [
  [/^(?:goals?|objectives?|purpose|aim)$/, 'goal'],
  [/^(?:(?:representative|key|main|example|notable|major|typical|direct)\s+)?(?:products?|competitors?|vendors?)$/, 'products'],
  [/^(?:(?:key|main)\s+)?(?:(?:comparison|evaluation)\s+)?(?:axes|axis|criteria|criterion|dimensions?)$/, 'axes'],
];
/** Headers of the first column of a table of products, besides a products label. */
const PRODUCTS_HEADER = /^(?:names?|tools?|services?|compan(?:y|ies)|offerings?)$/;
const DESCRIPTION_HEADER = /^(?:descriptions?|what it is|notes?|about|summary|why|comments?|positioning)$/;
const ALIASES_HEADER = /^(?:alias(?:es)?|aka|also known as|other names)$/;

/** The label a lead names ("**Key comparison axes:**", "Competitors:", "Criteria"), if it is one. */
export function labelOf(lead: string | undefined): Label | undefined {
  const words = lead === undefined ? '' : normalizeText(lead);
  return LABEL_PATTERNS.find(([pattern]) => pattern.test(words))?.[1];
}

/**
 * Reads the blocks of one section (a heading's own, up to the next heading, and those of its label headings)
 * for its goal, its labelled lists (a list, a list on the label's line, or a table) and what is under no label.
 */
export function readSection(blocks: readonly SectionBlock[], category: string, skip: (s: Skip) => void): SectionContent {
  const content: SectionContent = { labelled: false, unlabelled: [], prose: [] };
  let pending: { kind: ListKind; line: number } | undefined;
  let goalNext = false;
  /** The list just read: a list right after it (another bullet character starts a new one) continues it. */
  let lastList: ListKind | undefined;
  const notFollowed = () => {
    if (pending) skip({ line: pending.line, what: `"${category}": the ${pending.kind} label is not followed by a list`, lost: true });
    pending = undefined;
  };
  const lists: Partial<Record<ListKind, ItemList>> = {};
  const addItems = (kind: ListKind, items: readonly Candidate[]) => {
    (lists[kind] ??= new ItemList(category, skip)).add(items);
    lastList = kind;
  };
  /** Labelled lines (a paragraph's, or a list's whose every item is labelled): a label takes the lines up to the next. */
  const readLines = (lines: readonly LabelledLine[]) => {
    const prose: string[] = [];
    let open: { label: Label; parts: string[]; line: number } | undefined;
    const close = () => {
      if (!open) return;
      const text = open.parts.join(' ').trim();
      if (open.label === 'goal') {
        if (text) content.goal = text;
        goalNext = !text;
      } else if (text) addItems(open.label, inlineCandidates(open.label, text, open.line));
      else pending = { kind: open.label, line: open.line };
    };
    for (const line of lines) {
      const label = labelOf(line.lead);
      if (label) {
        close();
        notFollowed();
        goalNext = false;
        content.labelled ||= label !== 'goal';
        open = { label, parts: line.rest ? [line.rest] : [], line: line.line };
      } else if (open) open.parts.push(line.text);
      else prose.push(line.text);
    }
    close();
    if (prose.length > 0) content.prose.push(prose.join(' '));
  };

  for (const block of blocks) {
    const continued = block.kind === 'list' ? lastList : undefined;
    lastList = undefined;
    if (pending && block.kind !== 'list' && block.kind !== 'table') notFollowed();
    const goal = goalNext;
    goalNext = false;
    switch (block.kind) {
      case 'label':
        content.labelled ||= block.label !== 'goal';
        if (block.label === 'goal') goalNext = true;
        else pending = { kind: block.label, line: block.line };
        break;
      case 'paragraph':
        if (goal && !block.lines.some((l) => labelOf(l.lead))) content.goal = block.text;
        else readLines(block.lines);
        break;
      case 'list': {
        const kind = pending?.kind ?? continued;
        pending = undefined;
        if (kind) addItems(kind, listCandidates(kind, block.items, category, skip));
        else if (block.items.every((i) => labelOf(i.lead) && !i.extra)) readLines(block.items);
        else content.unlabelled.push({ line: block.line, what: 'a list' });
        break;
      }
      case 'table': {
        const first = normalizeText(block.header[0] ?? '');
        const kind = pending?.kind ?? (PRODUCTS_HEADER.test(first) ? 'products' : labelOf(first));
        pending = undefined;
        if (kind === 'products' || kind === 'axes') addItems(kind, tableCandidates(kind, block.header, block.rows, category, skip));
        else content.unlabelled.push({ line: block.line, what: 'a table' });
        break;
      }
      case 'other':
        skip({ line: block.line, what: `${block.what} in "${category}"`, lost: false });
        break;
    }
  }
  notFollowed();
  if (lists.products) content.products = lists.products.items;
  if (lists.axes) content.axes = lists.axes.items;
  return content;
}

interface Candidate {
  readonly item: ImportedItem;
  readonly line: number;
}

function itemsOf(kind: ListKind, text: string): ImportedItem[] {
  return kind === 'products' ? productsOf(text) : text ? [axisOf(text)] : [];
}

function listCandidates(kind: ListKind, items: readonly ListItem[], category: string, skip: (s: Skip) => void): Candidate[] {
  return items.flatMap((listItem) => {
    if (listItem.extra) {
      const what = `"${category}": what is below "${listItem.text}" in its list item (only its first line is read)`;
      skip({ line: listItem.line, what, lost: true });
    }
    return itemsOf(kind, listItem.text).map((item) => ({ item, line: listItem.line }));
  });
}

function inlineCandidates(kind: ListKind, text: string, line: number): Candidate[] {
  return inlineItems(text).flatMap((part) => itemsOf(kind, part).map((item) => ({ item, line })));
}

/** A table's rows: the first column names the products (or axes); a description and an aliases column are read too. */
function tableCandidates(
  kind: ListKind,
  header: readonly string[],
  rows: readonly TableRow[],
  category: string,
  skip: (s: Skip) => void,
): Candidate[] {
  const columns = header.map((h) => normalizeText(h));
  const described = columns.findIndex((c, i) => i > 0 && DESCRIPTION_HEADER.test(c));
  const aliased = columns.findIndex((c, i) => i > 0 && ALIASES_HEADER.test(c));
  header.forEach((h, i) => {
    if (i > 0 && i !== described && i !== aliased) {
      skip({
        line: rows[0]?.line ?? 0,
        what: `"${category}": the column "${h}" of the ${kind} table is not read (only names, descriptions and aliases are)`,
        lost: false,
      });
    }
  });
  return rows.flatMap((row) =>
    itemsOf(kind, row.cells[0] ?? '').map((item) => {
      const description = item.description ?? row.cells[described]?.trim();
      const aliases = aliased > 0 ? inlineItems(row.cells[aliased] ?? '') : [];
      return {
        item: { ...item, ...(description ? { description } : {}), aliases: [...new Set([...item.aliases, ...aliases])] },
        line: row.line,
      };
    }),
  );
}

/** A list's items so far: a candidate whose name it has (compared by case and spacing only) is a repeat. */
class ItemList {
  readonly items: ImportedItem[] = [];
  private readonly names = new Set<string>();
  private readonly ids = new ItemIds();

  constructor(
    private readonly category: string,
    private readonly skip: (s: Skip) => void,
  ) {}

  add(candidates: readonly Candidate[]): void {
    for (const { item, line } of candidates) {
      const id = this.ids.idFor(item.name);
      const name = nameKey(item.name);
      if (!id || this.names.has(name)) {
        this.skip({ line, what: `"${this.category}": "${item.name}" ${id ? 'is there already' : 'has no letter or digit'}`, lost: false });
        continue;
      }
      this.names.add(name);
      this.ids.add(id);
      this.items.push(id === slugify(item.name) ? item : { ...item, id });
    }
  }
}
