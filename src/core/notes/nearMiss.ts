/**
 * How near a heading comes to a name it does not equal, compared word by word over normalized text (see
 * normalizeText): a slip in a word (a letter left out, added, changed or swapped with its neighbour), another
 * form of a word (plural, -ing, -ed), a word more or a word less, the words in another order, two words written
 * as one. Each counts one change; a name of up to 3 words allows one, up to 6 words two, longer names three.
 */

/** Words that do not tell names apart, left out of the comparison. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'or', 'for', 'to', 'in', 'on', 'vs', 'with']);

/**
 * Words of headings about the note rather than an axis: a heading of these alone is never an axis with a word
 * left out ("Notes" is no near miss of "Release notes", nor "Overview" of "Product overview").
 */
const GENERIC_WORDS = new Set(
  [
    'about appendix background comments conclusion context description details feature features general intro introduction',
    'links misc note notes option options other overview questions references resources sources summary todo tldr',
  ]
    .join(' ')
    .split(' '),
);

/** A longer heading (normalized) is no misspelt name: it gets no suggestion, and costs nothing to compare. */
const MAX_NEAR_MISS_CHARS = 120;
/** A heading whose words come near more names than this tells nothing about which one it means. */
const MAX_CANDIDATES = 64;
/** Shortest word that alone, with the other word of a name left out, still means the name. */
const MIN_LONE_WORD = 6;
/** Shortest word (the shorter of the two) in which a letter left out, added or swapped is a slip, not another word. */
const MIN_SLIP_WORD = 5;
/** Shortest word in which one changed letter is a slip: in shorter ones it mostly makes another word (Scale, Stale). */
const MIN_CHANGED_LETTER_WORD = 6;

/** A name the heading comes near: how many changes away, and whether renaming the heading drops words of it. */
export interface NearName<T> {
  readonly item: T;
  readonly changes: number;
  readonly dropsWords: boolean;
}

interface Words {
  readonly words: readonly string[];
  readonly joined: string;
}

/** Finds the names a heading comes nearest; built once per list of names, each looked up through its words. */
export class NearMissFinder<T> {
  private readonly names: (Words & { readonly item: T; readonly normalized: string })[] = [];
  private readonly byKey = new Map<string, number[]>();

  /** `names` normalized; an item may have several (a name and its aliases). */
  constructor(names: Iterable<{ readonly item: T; readonly normalized: string }>) {
    for (const { item, normalized } of names) {
      const words = wordsOf(normalized);
      if (!words) continue;
      const at = this.names.push({ item, normalized, ...words }) - 1;
      for (const key of lookupKeys(words)) {
        const list = this.byKey.get(key);
        if (list) list.push(at);
        else this.byKey.set(key, [at]);
      }
    }
  }

  /**
   * The items whose names the heading comes nearest, when near enough: one, or several equally near, in the order
   * given; none when `skip` drops them or when too many names share the heading's words to tell.
   */
  nearest(normalizedHeading: string, skip: (item: T) => boolean): NearName<T>[] {
    const heading = wordsOf(normalizedHeading);
    if (!heading) return [];
    const candidates = new Set<number>();
    for (const key of lookupKeys(heading)) {
      for (const at of this.byKey.get(key) ?? []) candidates.add(at);
      if (candidates.size > MAX_CANDIDATES) return [];
    }
    let best: NearName<T>[] = [];
    for (const at of [...candidates].sort((a, b) => a - b)) {
      const { item, normalized } = this.names[at];
      if (normalized === normalizedHeading || skip(item)) continue;
      const near = compareWords(heading, this.names[at]);
      if (!near) continue;
      if (best.length === 0 || near.changes < best[0].changes) best = [{ item, ...near }];
      else if (near.changes === best[0].changes && !best.some((b) => b.item === item)) best.push({ item, ...near });
    }
    return best;
  }
}

function wordsOf(normalized: string): Words | undefined {
  if (normalized.length > MAX_NEAR_MISS_CHARS) return undefined;
  const words = normalized.split(' ').filter((w) => w !== '' && !STOP_WORDS.has(w));
  return words.length > 0 ? { words, joined: words.join('') } : undefined;
}

/**
 * The keys under which a name is found from a heading near it: its words run together, each word's stem, and
 * each word with one letter left out (two words one slip apart share one of these).
 */
function lookupKeys({ words, joined }: Words): Set<string> {
  const keys = new Set([`joined:${joined}`]);
  for (const word of words) {
    keys.add(`stem:${stem(word)}`);
    keys.add(`slip:${word}`);
    for (let i = 0; i < word.length; i++) keys.add(`slip:${word.slice(0, i)}${word.slice(i + 1)}`);
  }
  return keys;
}

/**
 * How many changes a heading's words are from a name's, when within the name's allowance. Other forms count
 * once however many words take them: a writer who writes plurals writes them throughout.
 */
function compareWords(heading: Words, name: Words): Omit<NearName<never>, 'item'> | undefined {
  // Only stop words differ, or a space: "Selfhosted" for "Self hosted".
  if (heading.joined === name.joined) return { changes: heading.words.length === name.words.length ? 0 : 1, dropsWords: false };
  if (Math.abs(heading.words.length - name.words.length) > 1) return undefined;
  const pairs = alignWords(heading.words, name.words);
  const unpaired = heading.words.length - pairs.length + (name.words.length - pairs.length);
  if (pairs.length === 0 || unpaired > 1) return undefined;
  const shared = pairs.map((p) => heading.words[p.heading]);
  if (unpaired === 1 && !saysEnough(shared, pairs.length < name.words.length)) return undefined;
  const reordered = pairs.some((p, i) => i > 0 && p.name < pairs[i - 1].name) ? 1 : 0;
  const forms = pairs.some((p) => p.kind === 'form') ? 1 : 0;
  const changes = pairs.filter((p) => p.kind === 'slip').length + forms + unpaired + reordered;
  const allowed = name.words.length <= 3 ? 1 : name.words.length <= 6 ? 2 : 3;
  return changes <= allowed ? { changes, dropsWords: pairs.length < heading.words.length } : undefined;
}

/**
 * Whether the words a heading shares with a name, when one is more or less, tell the name: not generic words only,
 * and, when the heading lacks one of the name's words and keeps a single one, a word of some length ("Query" is no
 * "Query latency", "Model" no "Pricing model", while "Pricing" and "Filtering" are).
 */
function saysEnough(shared: readonly string[], lacksWord: boolean): boolean {
  if (shared.every((word) => GENERIC_WORDS.has(word))) return false;
  return !lacksWord || shared.length > 1 || shared[0].length >= MIN_LONE_WORD;
}

type WordPair = { readonly heading: number; readonly name: number; readonly kind: 'same' | 'form' | 'slip' };

/** Pairs each heading word with a name word it equals, else one it is another form of, else a slip of; in heading order. */
function alignWords(heading: readonly string[], name: readonly string[]): WordPair[] {
  const pairs: WordPair[] = [];
  const usedName = new Set<number>();
  const usedHeading = new Set<number>();
  const tests = { same: (a: string, b: string) => a === b, form: isFormOf, slip: isSlip };
  for (const kind of ['same', 'form', 'slip'] as const) {
    heading.forEach((word, h) => {
      if (usedHeading.has(h)) return;
      const n = name.findIndex((other, i) => !usedName.has(i) && tests[kind](word, other));
      if (n === -1) return;
      usedHeading.add(h);
      usedName.add(n);
      pairs.push({ heading: h, name: n, kind });
    });
  }
  return pairs.sort((a, b) => a.heading - b.heading);
}

/** Another form of one word: plural, -ing, -ed ("filter", "filters", "filtering"). */
function isFormOf(a: string, b: string): boolean {
  const stemA = stem(a);
  const stemB = stem(b);
  return stemA === stemB || stemA === b || stemB === a;
}

/**
 * Whether two words are one slip apart: a letter left out, added, changed or swapped with its neighbour. Never
 * the first letter, and only in words long enough that the slip does not make another word (Cost, Host).
 */
function isSlip(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0]) return false;
  const shorter = Math.min(a.length, b.length);
  if (shorter < MIN_SLIP_WORD) return false;
  if (a.length !== b.length) return oneLetterMore(a, b) || oneLetterMore(b, a);
  let i = 0;
  while (a[i] === b[i]) i++;
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swapped || (shorter >= MIN_CHANGED_LETTER_WORD && a.slice(i + 1) === b.slice(i + 1));
}

/** `longer` is `shorter` with one more character somewhere. */
function oneLetterMore(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  return longer.slice(i + 1) === shorter.slice(i);
}

/**
 * A word without the endings of its English forms, so that forms of one word compare equal: plural (-s, -es,
 * -ies), -ing and -ed, and a final e ("price", "prices", "pricing" and "priced" all give "pric").
 */
function stem(word: string): string {
  let base = word;
  if (word.length < 4) return word;
  if (word.endsWith('ies')) base = `${word.slice(0, -3)}y`;
  else if (word.endsWith('ing') && word.length >= 6) base = undoubled(word.slice(0, -3));
  else if (word.endsWith('ed') && word.length >= 6) base = undoubled(word.slice(0, -2));
  else if (word.endsWith('es') && word.length >= 5) base = word.slice(0, -2);
  else if (word.endsWith('s') && !word.endsWith('ss')) base = word.slice(0, -1);
  return base.length > 3 && base.endsWith('e') ? base.slice(0, -1) : base;
}

/** "plann" (of "planning") as "plan"; a double l, s or z stays ("billing", "access"). */
function undoubled(base: string): string {
  const last = base[base.length - 1];
  return base.length > 3 && last === base[base.length - 2] && !'aeiloszu'.includes(last) ? base.slice(0, -1) : base;
}
