import type { SectionStatus } from './findings';
import type { ParsedHeading, ParsedNote } from './noteParser';
import type { LabeledPart, PartContent, ScoreLine } from './noteParts';
import { readScore } from './scoreLine';
import { sectionHeadings, type PlaceholderTest } from './sectionStatus';

/** One product's answer in a section of a comparison note: the parts that answer for it. */
export interface ProductAnswer {
  /** `missing` when the section answers for other products only. */
  readonly status: SectionStatus | 'missing';
  readonly score: number | null;
  /** The openings of its paragraphs (its own parts first, then those for all): its excerpt and text. */
  readonly leads: readonly string[];
}

interface Collected {
  solid: boolean;
  readonly own: string[];
  readonly shared: string[];
  readonly ownScores: ScoreLine[];
  readonly sharedScores: ScoreLine[];
}

/**
 * Which text of the section at `headingIndex` answers for which of a comparison note's products (`products`, ids):
 * a deeper heading naming products holds their answers; so does a paragraph or list item that leads with
 * `**Name:**`, and a table's row (by its first cell) or, when its header names products, its column. Text that
 * names no product answers for every product of its heading. `named` gives the note's products a text names.
 */
export function comparisonAnswers(
  parsed: ParsedNote,
  headingIndex: number,
  products: readonly string[],
  named: (text: string) => readonly string[],
  /** Whether a text names a product of the scope that the note is not about: its part answers for none. */
  namesOther: (text: string) => boolean,
  isPlaceholder: PlaceholderTest,
  scale: number,
): Map<string, ProductAnswer> {
  const collected = new Map(
    products.map((id) => [id, { solid: false, own: [], shared: [], ownScores: [], sharedScores: [] } as Collected]),
  );
  const headings = sectionHeadings(parsed, headingIndex);
  const owners: { level: number; products: readonly string[] }[] = [];
  headings.forEach((heading, i) => {
    while (owners.length > 0 && owners[owners.length - 1].level >= heading.level) owners.pop();
    const naming = i > 0 ? named(heading.text) : [];
    if (naming.length > 0) owners.push({ level: heading.level, products: naming });
    const owner = owners.length > 0 ? owners[owners.length - 1].products : products;
    const add = (ids: readonly string[], content: PartContent, own: boolean) => {
      for (const id of ids) {
        const into = collected.get(id);
        if (!into) continue;
        into.solid ||= content.solid;
        (own || owner !== products ? into.own : into.shared).push(...content.leads);
        (own || owner !== products ? into.ownScores : into.sharedScores).push(...content.scores);
      }
    };
    if (!heading.parts) return add(owner, heading.own, false);
    add(owner, heading.parts.shared, false);
    for (const { part, names } of attributedParts(heading, named)) {
      if (names.length > 0) {
        add(
          names.filter((id) => owner.includes(id)),
          part,
          true,
        );
      } else if (part.table) add(owner, { solid: true, leads: [], scores: [] }, false);
      else if (!namesOther(part.label)) add(owner, part, false);
    }
  });
  const anyContent = [...collected.values()].some(
    (c) => c.solid || c.own.length + c.shared.length + c.ownScores.length + c.sharedScores.length > 0,
  );
  return new Map(
    [...collected].map(([id, c]) => {
      const leads = [...c.own, ...c.shared];
      const scores = [...c.ownScores, ...c.sharedScores];
      const status: ProductAnswer['status'] =
        c.solid || scores.length > 0 || leads.some((lead) => !isPlaceholder(lead))
          ? 'answered'
          : leads.length > 0
            ? 'placeholder'
            : anyContent
              ? 'missing'
              : 'empty';
      const reading = scores[0] && readScore(scores[0].value, scale);
      return [id, { status, score: reading && 'score' in reading ? reading.score : null, leads }];
    }),
  );
}

/**
 * A heading's labeled parts with the products each names. A table counts by its columns when its header names a
 * product, else by its rows; a table whose rows and columns name none answers for all, as a block (named none).
 */
function attributedParts(
  heading: ParsedHeading,
  named: (text: string) => readonly string[],
): { part: LabeledPart; names: readonly string[] }[] {
  const parts = (heading.parts?.labeled ?? []).map((part) => ({ part, names: named(part.label) }));
  const byColumns = new Set(parts.filter((p) => p.part.table?.along === 'column' && p.names.length > 0).map((p) => p.part.table!.index));
  const counted = parts.filter(({ part }) => !part.table || (part.table.along === 'column') === byColumns.has(part.table.index));
  const namingTables = new Set(counted.filter((p) => p.part.table && p.names.length > 0).map((p) => p.part.table!.index));
  const tablesForAll = new Set<number>();
  return counted.filter(({ part, names }) => {
    if (!part.table || names.length > 0) return true;
    // A row or column of a table that names products elsewhere answers for none; a table that names none answers for all, once.
    if (namingTables.has(part.table.index) || tablesForAll.has(part.table.index)) return false;
    tablesForAll.add(part.table.index);
    return true;
  });
}
