import type { Axis, Category } from '../scopeModel';
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
   * The axis a heading most likely means when it answers none: a slip of a character or two
   * (about one in ten), or one word missing or added with at least two words in common.
   * Kept tight so that ordinary headings ("Summary", "Pricing") never match.
   */
  typoOf(normalizedHeading: string, skip: (axis: Axis) => boolean): Axis | undefined {
    let words: Set<string> | undefined;
    for (const { axis, normalized, words: axisWords } of this.names) {
      if (skip(axis)) continue;
      const limit = Math.min(3, Math.floor(normalized.length / 10));
      if (limit > 0 && editDistance(normalizedHeading, normalized, limit) <= limit) return axis;
      words ??= contentWords(normalizedHeading);
      let shared = 0;
      for (const word of words) if (axisWords.has(word)) shared++;
      const differing = words.size - shared + (axisWords.size - shared);
      if (shared >= 2 && differing === 1) return axis;
    }
    return undefined;
  }
}

function contentWords(normalized: string): Set<string> {
  return new Set(normalized.split(' ').filter((w) => w && !STOP_WORDS.has(w)));
}
