import type { Axis, Category } from '../scope/scopeModel';
import { editDistance } from '../similarity';
import { normalizeText } from '../text';

/** Words that do not tell axes apart, left out when comparing the words of a heading with an axis. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'or', 'for', 'to', 'in', 'on', 'vs', 'with']);

/** Matches headings against the axes of one category. */
export class AxisMatcher {
  private readonly byKey = new Map<string, Axis>();
  private readonly names: { axis: Axis; normalized: string; words: Set<string> }[];

  constructor(readonly category: Category) {
    for (const axis of category.axes) {
      for (const key of [axis.id, axis.name, ...axis.aliases]) {
        const normalized = normalizeText(key);
        if (!this.byKey.has(normalized)) this.byKey.set(normalized, axis);
      }
    }
    this.names = category.axes.map((axis) => {
      const normalized = normalizeText(axis.name);
      return { axis, normalized, words: contentWords(normalized) };
    });
  }

  /** The axis a heading answers: its normalized text equals the axis's name, id or an alias, normalized. */
  axisOf(normalizedHeading: string): Axis | undefined {
    return this.byKey.get(normalizedHeading);
  }

  /**
   * The axis a heading most likely means when it answers none: the same words but for a plural, a slip
   * of a character or two in a long name (about one in ten), one letter left out, added or swapped in a
   * short one, or one word missing or added with at least two words in common.
   * Kept tight so that ordinary headings ("Summary", "Pricing") never match.
   */
  typoOf(normalizedHeading: string, skip: (axis: Axis) => boolean): Axis | undefined {
    let words: Set<string> | undefined;
    for (const { axis, normalized, words: axisWords } of this.names) {
      if (skip(axis)) continue;
      if (isNearMiss(normalizedHeading, normalized)) return axis;
      words ??= contentWords(normalizedHeading);
      let shared = 0;
      for (const word of words) if (axisWords.has(word)) shared++;
      const differing = words.size - shared + (axisWords.size - shared);
      if (shared >= 2 && differing === 1) return axis;
    }
    return undefined;
  }
}

/** Names shorter than this allow one letter left out, added or swapped; longer ones about one edit in ten. */
const SHORT_NAME = 10;
/** Below this, only a plural tells a near miss: one letter turns most short words into other words. */
const MIN_TYPO_NAME = 5;

/**
 * Whether a normalized heading is a near miss of a normalized axis name. In a short name a changed letter
 * more often makes another word than a typo (Cost, Host; Scale, Stale), so only a letter left out, added or
 * swapped with its neighbour counts there, never in the first letter.
 */
export function isNearMiss(heading: string, name: string): boolean {
  if (heading === name) return false;
  if (samePluralWords(heading, name)) return true;
  if (name.length >= SHORT_NAME) {
    const limit = Math.min(3, Math.floor(name.length / SHORT_NAME));
    return editDistance(heading, name, limit) <= limit;
  }
  return (
    name.length >= MIN_TYPO_NAME &&
    heading[0] === name[0] &&
    (oneLetterMore(heading, name) || oneLetterMore(name, heading) || oneSwap(heading, name))
  );
}

/** The same words, but that some are singular in one and plural in the other ("Example", "Examples"). */
function samePluralWords(a: string, b: string): boolean {
  const aWords = a.split(' ');
  const bWords = b.split(' ');
  return (
    aWords.length === bWords.length &&
    aWords.every((word, i) => word === bWords[i] || isPluralOf(word, bWords[i]) || isPluralOf(bWords[i], word))
  );
}

function isPluralOf(plural: string, singular: string): boolean {
  if (singular.length < 2) return false;
  return plural === `${singular}s` || plural === `${singular}es` || (singular.endsWith('y') && plural === `${singular.slice(0, -1)}ies`);
}

/** `longer` is `shorter` with one more character somewhere. */
function oneLetterMore(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  return longer.slice(i + 1) === shorter.slice(i);
}

/** `a` is `b` with two neighbouring characters swapped. */
function oneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

function contentWords(normalized: string): Set<string> {
  return new Set(normalized.split(' ').filter((w) => w && !STOP_WORDS.has(w)));
}
