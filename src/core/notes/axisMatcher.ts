import type { Axis, Category } from '../scope/scopeModel';
import { normalizeText } from '../text';
import { finding, type Finding, type NearAxis } from './findings';
import { NearMissFinder, type NearName } from './nearMiss';
import type { ParsedHeading } from './noteParser';

/** Matches headings against the axes of one category. */
export class AxisMatcher {
  private readonly byKey = new Map<string, Axis>();
  private nearMisses: NearMissFinder<Axis> | undefined;

  constructor(readonly category: Category) {
    for (const axis of category.axes) {
      for (const key of keysOf(axis)) {
        const normalized = normalizeText(key);
        if (!this.byKey.has(normalized)) this.byKey.set(normalized, axis);
      }
    }
  }

  /** The axis a heading answers: its normalized text equals the axis's name, id or an alias, normalized. */
  axisOf(normalizedHeading: string): Axis | undefined {
    return this.byKey.get(normalizedHeading);
  }

  /**
   * The axes a heading that answers none most likely means (see nearMiss.ts): the nearest by name, id or alias,
   * several when equally near, none when none is near enough. Kept tight so that ordinary headings ("Summary",
   * "Notes") never match.
   */
  nearAxes(normalizedHeading: string, skip: (axis: Axis) => boolean): NearName<Axis>[] {
    // Built on the first heading that answers no axis: most notes have none.
    this.nearMisses ??= new NearMissFinder(
      this.category.axes.flatMap((axis) => [...new Set(keysOf(axis).map(normalizeText))].map((normalized) => ({ item: axis, normalized }))),
    );
    return this.nearMisses.nearest(normalizedHeading, skip);
  }
}

function keysOf(axis: Axis): string[] {
  return [axis.id, axis.name, ...axis.aliases];
}

/**
 * `axis-typo` on a heading that answers no axis but comes near one of an axis of the note's categories (not one
 * the note answers already): the nearest, or all the equally near ones. The heading still answers none of them.
 */
export function axisTypo(
  heading: ParsedHeading,
  matchers: readonly AxisMatcher[],
  answered: (categoryId: string, axisId: string) => boolean,
): Finding | undefined {
  let nearest: NearAxis[] = [];
  let fewest = Infinity;
  for (const matcher of matchers) {
    const categoryId = matcher.category.id;
    for (const near of matcher.nearAxes(heading.normalized, (axis) => answered(categoryId, axis.id))) {
      if (near.changes > fewest) continue;
      if (near.changes < fewest) nearest = [];
      fewest = near.changes;
      nearest.push({ categoryId, axisId: near.item.id, name: near.item.name, dropsWords: near.dropsWords });
    }
  }
  if (nearest.length === 0) return undefined;
  // The subject's note reads every category: an axis of one name in several is one suggestion.
  const names = [...new Set(nearest.map((a) => `"${a.name}"`))].join(' or ');
  return finding('axis-typo', `"${heading.text}" looks like the axis ${names}.`, heading.textRange, {
    heading: heading.text,
    axes: nearest,
  });
}
