import { MAX_SCOPE_FILE_CHARS } from '../scope/scopeParser';
import { sizeOverLimit, slugify } from '../text';
import { categoryName, ItemIds } from './itemRules';
import { readBlocks, type DocBlock } from './markdownBlocks';
import { checkedScope, type ImportedCategory } from './scopeWriter';
import { labelOf, readSection, type SectionBlock, type SectionContent, type Skip } from './sectionReader';

/** The structure the importer reads, for messages. */
export const EXPECTED_STRUCTURE =
  'a "# Title", then per category a heading (at any level) with a "Goal:" line and "Products:" and "Axes:" labels (bold or not), each followed by a list, a list on its line or a table';

export type ScopeImport =
  | {
      readonly ok: true;
      readonly yaml: string;
      /** The first things left out (at most MAX_LISTED_SKIPS, those that make the import incomplete first), each with its line (1-based). */
      readonly skipped: readonly string[];
      /** How many things were left out in all. */
      readonly skippedCount: number;
      /** How many of them may have held a category, products or axes: then the scope file is incomplete. */
      readonly lostCount: number;
    }
  | { readonly ok: false; readonly message: string };

/** What was left out is listed up to this many; a document of thousands of stray lines gets a count of the rest. */
export const MAX_LISTED_SKIPS = 20;

/** A heading and the blocks up to the next heading; the part before the first heading has none. */
interface Section {
  readonly heading?: { readonly text: string; readonly level: number; readonly line: number };
  readonly name: string;
  readonly parent?: Section;
  readonly blocks: SectionBlock[];
}

/**
 * Reads a Markdown scope document into the text of a scope file. A category is a heading, at any level, whose
 * own text has a labelled products or axes list; a heading named by a label (`### Products`) labels what
 * follows it in its parent. A heading beside the categories that holds a list or a label, and did not make a
 * category, is reported as lost.
 */
export function importScope(markdown: string): ScopeImport {
  if (markdown.length > MAX_SCOPE_FILE_CHARS) {
    return { ok: false, message: `The document is ${sizeOverLimit(markdown.length, MAX_SCOPE_FILE_CHARS)} for scope documents.` };
  }
  const skipped: Skip[] = [];
  const skip = (s: Skip) => skipped.push(s);
  const sections = sectionsOf(readBlocks(markdown));
  const read = new Map<Section, SectionContent>();
  for (const section of sections) read.set(section, readSection(section.blocks, section.name || 'the text before the first heading', skip));
  const isCategory = (s: Section) => s.heading !== undefined && (read.get(s)!.products !== undefined || read.get(s)!.axes !== undefined);
  const found = sections.filter(isCategory);
  const places = new CategoryPlaces(new Set(found));
  // The first heading is the title when it is a "#" one, unless it is one category of several "#" ones.
  const first = sections[1]?.heading?.level === 1 ? sections[1] : undefined;
  const title =
    first && (!isCategory(first) || !sections.some((s, i) => i > 1 && s.heading?.level === 1)) ? first.heading!.text : undefined;
  const prose: string[] = [];
  for (const section of sections) {
    const content = read.get(section)!;
    if (!isCategory(section) && section.heading && section !== first && content.prose.length > 0) prose.push(section.heading.text);
    prose.push(...content.prose);
    if (!isCategory(section) && noCategory(section, content, places, skip) && content.goal) prose.push(`Goal: ${content.goal}`);
    for (const u of isCategory(section) ? content.unlabelled : []) {
      skip({ line: u.line, what: `${u.what} in "${section.name}" under no "Products:" or "Axes:" label: not read`, lost: true });
    }
  }
  if (found.length === 0) return { ok: false, message: notAScope(sections.filter((s) => s.heading && s !== first)) };
  const categoryIds = new ItemIds();
  const categories = found.map((section): ImportedCategory => {
    const { goal, products, axes } = read.get(section)!;
    const id = categoryIds.idFor(section.name);
    categoryIds.add(id);
    const line = section.heading!.line;
    if (!goal) skip({ line, what: `"${section.name}" has no "Goal:" line: its goal is TODO`, lost: false });
    if (!products) skip({ line, what: `"${section.name}" has no products list: it has none`, lost: false });
    if (!axes) skip({ line, what: `"${section.name}" has no axes list: it has none`, lost: false });
    return { name: section.name, ...(id === slugify(section.name) ? {} : { id }), line, goal, products, axes };
  });
  if (title === undefined) skip({ line: -1, what: 'no "# Title" heading: the title is "Competitor Scope"', lost: false });
  const listed = listedSkips(skipped);
  const unlisted = skipped.length - listed.length;
  const written = checkedScope(title ?? 'Competitor Scope', prose, categories, [
    ...listed,
    ...(unlisted > 0 ? [moreLeftOut(unlisted)] : []),
  ]);
  if (!written.ok) return written;
  return { ...written, skipped: listed, skippedCount: skipped.length, lostCount: skipped.filter((s) => s.lost).length };
}

/** The line that stands for what is left out beyond the listed. */
export function moreLeftOut(count: number): string {
  return `${count.toLocaleString('en')} more left out, not listed.`;
}

/** The document's sections in order, each under the nearest heading above it of a lower level. */
function sectionsOf(blocks: readonly DocBlock[]): Section[] {
  const opening: Section = { name: '', blocks: [] };
  const sections = [opening];
  const open: Section[] = [];
  let current = opening;
  for (const block of blocks) {
    if (block.kind !== 'heading') {
      current.blocks.push(block);
      continue;
    }
    while (open.length > 0 && open[open.length - 1].heading!.level >= block.level) open.pop();
    const parent = open.at(-1);
    const name = categoryName(block.text);
    // Under the title, "## Goals" is a section of the document, not a label.
    const label = parent && !(parent === sections[1] && parent.heading!.level === 1) ? labelOf(name) : undefined;
    if (label && parent) {
      parent.blocks.push({ kind: 'label', label, line: block.line });
      current = parent;
      continue;
    }
    current = { heading: { text: block.text, level: block.level, line: block.line }, name, parent, blocks: [] };
    sections.push(current);
    open.push(current);
  }
  return sections;
}

/**
 * What a section that is not a category leaves out. One that holds a products or axes label, or one beside
 * the categories (a sibling of one) that holds a goal, a list or a table, was meant to be a category: it is
 * lost. Elsewhere a list is only left out, and prose is kept as comments; says whether its goal is kept too.
 */
function noCategory(section: Section, content: SectionContent, places: CategoryPlaces, skip: (s: Skip) => void): boolean {
  const heading = section.heading && `"${'#'.repeat(section.heading.level)} ${section.heading.text}"`;
  const line = section.heading?.line ?? 0;
  const lists = content.unlabelled.map((u) => `${u.what} (line ${u.line + 1})`).join(' and ');
  const beside = places.beside(section);
  if (heading && content.labelled) {
    skip({ line, what: `${heading} has a products or axes label but no list after it: not imported`, lost: true });
  } else if (heading && beside && (lists || content.goal)) {
    const has = lists ? `${lists} under no "Products:" or "Axes:" label` : 'a goal but no products or axes list';
    skip({ line, what: `${heading}, beside the categories, has ${has}: not imported`, lost: true });
  } else if (heading && beside && !places.above(section)) {
    skip({ line, what: `${heading}, beside the categories, has no products or axes list: not a category`, lost: false });
  } else {
    const within = places.within(section);
    if (within) {
      const what = `the heading "${section.heading!.text}" in "${within.name}" is not read (its paragraphs are kept as comments)`;
      skip({ line, what, lost: false });
    }
    const where = heading ? `under ${heading} (not a category)` : 'before the first heading';
    for (const u of content.unlabelled) skip({ line: u.line, what: `${u.what} ${where}: not read`, lost: false });
    return true;
  }
  return false;
}

/** Where the categories are, to tell what a section beside, above or within them was meant to be. */
class CategoryPlaces {
  /** Per parent, the heading levels of its categories. */
  private readonly levels = new Map<Section | undefined, Set<number>>();
  private readonly ancestors = new Set<Section>();

  constructor(private readonly categories: ReadonlySet<Section>) {
    for (const category of categories) {
      const levels = this.levels.get(category.parent) ?? new Set<number>();
      this.levels.set(category.parent, levels.add(category.heading!.level));
      // Six heading levels at most: a walk up is short.
      for (let s = category.parent; s; s = s.parent) this.ancestors.add(s);
    }
  }

  /** A sibling of a category: a heading of its level under its parent. */
  beside(section: Section): boolean {
    return section.heading !== undefined && (this.levels.get(section.parent)?.has(section.heading.level) ?? false);
  }

  above(section: Section): boolean {
    return this.ancestors.has(section);
  }

  /** The category the section is a sub-heading of. */
  within(section: Section): Section | undefined {
    let s = section.parent;
    while (s && !this.categories.has(s)) s = s.parent;
    return s;
  }
}

/** The skips to list, in line order: those that make the import incomplete first, up to MAX_LISTED_SKIPS. */
function listedSkips(skipped: readonly Skip[]): string[] {
  const inOrder = [...skipped].sort((a, b) => a.line - b.line);
  const lost = inOrder.filter((s) => s.lost).slice(0, MAX_LISTED_SKIPS);
  const others = inOrder.filter((s) => !s.lost).slice(0, MAX_LISTED_SKIPS - lost.length);
  return [...lost, ...others].sort((a, b) => a.line - b.line).map((s) => `line ${Math.max(s.line, 0) + 1}: ${s.what}`);
}

/** Why a document with no category is refused: its first headings (the title aside) and what they lack. */
function notAScope(headed: readonly Section[]): string {
  const found =
    headed.length === 0
      ? 'it has no heading below its title'
      : headed
          .slice(0, 3)
          .map(
            (s) =>
              `"${'#'.repeat(s.heading!.level)} ${s.heading!.text}" (line ${s.heading!.line + 1}) has no labelled products or axes list`,
          )
          .join('; ');
  return `This is not a scope document: expected ${EXPECTED_STRUCTURE}, but ${found}.`;
}
