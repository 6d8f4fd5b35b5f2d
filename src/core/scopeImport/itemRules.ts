/**
 * How a line of a Markdown scope document becomes products or an axis: the rules that transcribed the
 * team's seed document into the built-in scope, written down so that any document in its structure
 * imports the same way. docs/scope-and-notes.md lists them.
 */

export interface ImportedItem {
  readonly name: string;
  readonly description?: string;
  readonly aliases: readonly string[];
}

/**
 * A products list item. "Name (what it is)" is a product described by its parenthetical; "A, B (why)"
 * is two products with one description. An item that stands for a class of products ("Any …", or
 * alternatives joined by "or") is one product: its name drops "Any" and "… marketed as", and the whole
 * item is its description.
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
  const description = parenthetical ? sentence(parenthetical) : undefined;
  return topLevelSplit(head, ',').map((name) => ({ name, ...(description ? { description } : {}), aliases: aliasesOf(name) }));
}

/** An axis list item: the whole item is the axis (its parenthetical says what it covers); the text before the parenthetical is an alias. */
export function axisOf(text: string): ImportedItem {
  const { head, parenthetical } = splitParenthetical(text);
  return { name: text, aliases: parenthetical && head ? [head] : [] };
}

/** A category heading without its numbering: "1. Python Web" → "Python Web". */
export function categoryName(heading: string): string {
  return heading.replace(/^(?:\d+[.)])+\s+|^\d+\s+[-–—:]\s+/, '').trim();
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
