import { slugify } from '../text';

/**
 * How a line of a Markdown scope document becomes products or an axis: the rules that transcribed the
 * team's seed document into the built-in scope, written down so that any document in its structure
 * imports the same way. docs/scope-and-notes.md lists them.
 */

export interface ImportedItem {
  readonly name: string;
  /** Only where the slug of the name is taken by another item of the list (C++ and C#). */
  readonly id?: string;
  readonly description?: string;
  readonly aliases: readonly string[];
}

/**
 * A products list item. "Name (what it is)" is a product described by its parenthetical; "A, B (why)"
 * is two products with one description. A parenthetical of one word with a digit ("text-embedding-3",
 * "v2") is part of the name; one that says "a.k.a.", "aka", "formerly" or "also"
 * gives other names. An item that stands for a class of products ("Any …", or alternatives joined by
 * "or") is one product: its name drops "Any" and "… marketed as", and the whole item is its description.
 */
export function productsOf(text: string): ImportedItem[] {
  const { head, parenthetical } = splitParenthetical(text);
  if (!head) return [];
  if (isClass(head)) {
    let name = head.replace(/^any\s+/i, '');
    const marketed = name.indexOf(' marketed as ');
    if (marketed !== -1) name = name.slice(marketed + ' marketed as '.length);
    return [{ name: capitalize(name), description: sentence(text), aliases: [] }];
  }
  if (parenthetical && isPartOfName(parenthetical)) return topLevelSplit(text, ',').map((name) => ({ name, aliases: aliasesOf(name) }));
  const { description: described, otherNames } = parenthetical ? readParenthetical(parenthetical) : { otherNames: [] };
  // One description for all the names: made once, for it may be long.
  const description = described && sentence(described);
  const names = topLevelSplit(head, ',');
  // Other names in the parenthetical are those of the name they follow: the last.
  return names.map((name, index) => ({
    name,
    ...(description ? { description } : {}),
    aliases: [...new Set([...(index === names.length - 1 ? otherNames : []), ...aliasesOf(name)])].filter((a) => a !== name),
  }));
}

/** Words that say that what follows them is another name of the product. */
const OTHER_NAME = /^(?:a\.k\.a\.?|aka|a\/k\/a|also known as|formerly known as|formerly|previously|also called|also)(?=[\s:])[\s:]*/i;

/**
 * A parenthetical's other names and description: each clause (at ";") that starts with, or has after a comma, a
 * word of OTHER_NAME gives the names after it ("a.k.a. WCD", "managed Milvus, also Zilliz"); the rest describes.
 * After a bare "also" only capitalized words are names: "also used for X" describes.
 */
function readParenthetical(parenthetical: string): { description?: string; otherNames: string[] } {
  const described: string[] = [];
  const otherNames: string[] = [];
  for (const clause of topLevelSplit(parenthetical, ';')) {
    const parts = topLevelSplit(clause, ',');
    const at = parts.findIndex((part) => {
      const marker = OTHER_NAME.exec(part);
      const rest = marker ? part.slice(marker[0].length) : '';
      return rest !== '' && (!/^also\b/i.test(part) || /^also\s+(?:known|called)\b/i.test(part) || /^[\p{Lu}\p{N}]/u.test(rest));
    });
    if (at === -1) {
      described.push(clause);
      continue;
    }
    if (at > 0) described.push(parts.slice(0, at).join(', '));
    const names = [parts[at].replace(OTHER_NAME, ''), ...parts.slice(at + 1)];
    otherNames.push(
      ...names
        .flatMap((n) => n.split(/\s+or\s+/))
        .map((n) => n.trim())
        .filter(Boolean),
    );
  }
  const description = described.join('; ').trim();
  return { ...(description ? { description } : {}), otherNames };
}

/** "text-embedding-3", "v2", "3.5": one word with a digit, as a model or an edition is named ("open-source" describes). */
function isPartOfName(parenthetical: string): boolean {
  return /^\S+$/.test(parenthetical) && /\d/.test(parenthetical);
}

/** An axis list item: the whole item is the axis (its parenthetical says what it covers); the text before the parenthetical is an alias. */
export function axisOf(text: string): ImportedItem {
  const { head, parenthetical } = splitParenthetical(text);
  return { name: text, aliases: parenthetical && head ? [head] : [] };
}

/**
 * A heading without its numbering: "1. Python Web", "2.1 Managed vector databases", "A. Hosted", "IV) Tools",
 * "3 - Tools", "Category 2: Tools" → the name.
 */
export function categoryName(heading: string): string {
  const name = heading
    .replace(/^(?:category|class|group)\s+(?:\d+(?:\.\d+)*|[A-Z]|[IVXLC]+)\s*[:.)–—-]\s+/i, '')
    .replace(/^(?:(?:\d+(?:\.\d+)*|[A-Z]|[IVXLC]+)[.)]|\d+(?:\.\d+)+)\s+|^\d+\s+[-–—:]\s+/, '')
    .trim();
  return name || heading.trim();
}

/**
 * The items of a list written on one line: "A, B, and C" (or "A; B" when the items hold commas), without
 * the closing full stop.
 */
export function inlineItems(text: string): string[] {
  const items = text.trim().replace(/\.$/, '');
  return topLevelSplit(items, topLevelSplit(items, ';').length > 1 ? ';' : ',').map((item) => item.replace(/^(?:and|or)\s+/i, ''));
}

/** "Competitor Scope for Grid + Throughput Engine" names its subject after its last " for ". */
export function subjectOf(title: string): string | undefined {
  const at = title.toLowerCase().lastIndexOf(' for ');
  const subject = at === -1 ? '' : title.slice(at + ' for '.length).trim();
  return subject || undefined;
}

/**
 * Other names a product's name implies: each part of "A / B" or "A + B"; "X" of "X-based …"; the
 * initials of a name of three or more capitalized words; and a leading acronym ("COMSOL Multiphysics").
 */
function aliasesOf(name: string): string[] {
  const aliases: string[] = [];
  for (const separator of [' / ', ' + ']) {
    const parts = name
      .split(separator)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length > 1) aliases.push(...parts);
  }
  const words = name.split(' ');
  const based = words[0].toLowerCase().endsWith('-based') ? words[0].slice(0, -'-based'.length) : '';
  if (based) aliases.push(based);
  if (words.length >= 3 && words.every((w) => /^\p{Lu}\p{L}*$/u.test(w))) aliases.push(words.map((w) => w[0]).join(''));
  if (words.length >= 2 && /^\p{Lu}{2,}$/u.test(words[0])) aliases.push(words[0]);
  return [...new Set(aliases)].filter((a) => a !== name);
}

/** Names are the same when they differ in case and spacing only: "C#" and "C++" are two products. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The ids of a list's items: the slug of a name, or where another item has that slug (C++ and C#: "c") the
 * slug with "+" and "#" spelled out ("c-sharp"), or that with a number after it.
 */
export class ItemIds {
  private readonly taken = new Set<string>();
  /** The number to try next after a slug, so that many names of one slug are numbered in one pass. */
  private readonly next = new Map<string, number>();

  /** The id a new item of this name would get: empty for a name without a letter or digit. */
  idFor(name: string): string {
    const slug = slugify(name);
    if (!slug || !this.taken.has(slug)) return slug;
    const spelled = slugify(name.replace(/\+/g, ' plus ').replace(/#/g, ' sharp '));
    if (!this.taken.has(spelled)) return spelled;
    let n = this.next.get(spelled) ?? 2;
    while (this.taken.has(`${spelled}-${n}`)) n++;
    this.next.set(spelled, n);
    return `${spelled}-${n}`;
  }

  add(id: string): void {
    this.taken.add(id);
  }
}

function isClass(head: string): boolean {
  return /^any\s/i.test(head) || head.split(' ').includes('or');
}

/** "Name (note)" → the name and the note; a text without a closing parenthetical is all head. */
function splitParenthetical(text: string): { head: string; parenthetical?: string } {
  if (!text.endsWith(')')) return { head: text.trim() };
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) {
      const parenthetical = text.slice(i + 1, -1).trim();
      return { head: text.slice(0, i).trim(), ...(parenthetical ? { parenthetical } : {}) };
    }
  }
  return { head: text.trim() };
}

/** Splits at a separator outside parentheses. */
function topLevelSplit(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (text[i] === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** A phrase as a sentence: a capital first letter and a closing full stop. */
function sentence(text: string): string {
  const trimmed = capitalize(text.trim());
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
