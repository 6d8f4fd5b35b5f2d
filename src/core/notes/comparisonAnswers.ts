import type { AsOfMarker } from './asOfMarker';
import type { SectionStatus } from './findings';
import type { ParsedHeading, ParsedNote } from './noteParser';
import type { LabeledPart, PartContent, ScoreLine } from './noteParts';
import { readScore } from './scoreLine';
import { isPlaceholderLead, sectionHeadings, type NoteText, type PlaceholderTest } from './sectionStatus';

/** One product's answer in a section of a comparison note: the parts that answer for it. */
export interface ProductAnswer {
  /** `missing` when the section answers for other products only. */
  readonly status: SectionStatus | 'missing';
  readonly score: number | null;
  /** Whether a score line is among its parts' (read or not: one that is no score gets invalid-score). */
  readonly scored: boolean;
  /** The openings of its paragraphs (its own parts first, then those for all), as the parse keeps them: its excerpt and text. */
  readonly leads: readonly string[];
  /** What its answer rests on and when it was checked: its own parts' and the shared text's (see PartEvidence). */
  readonly evidence: PartEvidence;
}

/** The distinct URLs a product's answer cites (its own parts' first, footnotes resolved) and its date lines (its own parts' first). */
export interface PartEvidence {
  readonly sources: readonly string[];
  readonly markers: readonly AsOfMarker[];
}

interface Collected {
  solid: boolean;
  readonly own: PartContent[];
  readonly shared: PartContent[];
}

const NO_CONTENT: PartContent = { solid: true, leads: [], scores: [], urls: [], footnotes: [], markers: [] };

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
  /** Whether a part names a product of the scope that the note is not about: it answers for none. */
  namesOther: (part: LabeledPart) => boolean,
  isPlaceholder: PlaceholderTest,
  scale: number,
  /** The note's text, for a lead whose head cannot tell (see isPlaceholderLead). */
  text?: NoteText,
): Map<string, ProductAnswer> {
  const collected = new Map(products.map((id) => [id, { solid: false, own: [], shared: [] } as Collected]));
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
        (own || owner !== products ? into.own : into.shared).push(content);
      }
    };
    if (!heading.parts) return add(owner, heading.own, false);
    add(owner, heading.parts.shared, false);
    for (const { part, names, forAll } of attributedParts(heading, named)) {
      if (names.length > 0) {
        add(
          names.filter((id) => owner.includes(id)),
          part,
          true,
        );
      } else if (forAll) {
        add(owner, { ...NO_CONTENT, ...heading.parts.tableCitations[part.table!.index] }, false);
      } else if (!namesOther(part) && !part.table) add(owner, part, false);
    }
  });
  const anyContent = [...collected.values()].some((c) => c.solid || [...c.own, ...c.shared].some(holdsAnything));
  return new Map(
    [...collected].map(([id, c]) => {
      const contents = [...c.own, ...c.shared];
      const leads = contents.flatMap((content) => content.leads);
      const scores: ScoreLine[] = contents.flatMap((content) => content.scores);
      const status: ProductAnswer['status'] =
        c.solid || scores.length > 0 || leads.some((lead) => !isPlaceholderLead(lead, isPlaceholder, text))
          ? 'answered'
          : leads.length > 0
            ? 'placeholder'
            : anyContent
              ? 'missing'
              : 'empty';
      const reading = scores[0] && readScore(scores[0].value, scale);
      const score = reading && 'score' in reading ? reading.score : null;
      return [id, { status, score, scored: scores.length > 0, leads, evidence: evidenceOf(parsed, contents) }];
    }),
  );
}

function holdsAnything(content: PartContent): boolean {
  return content.leads.length + content.scores.length > 0;
}

function evidenceOf(parsed: ParsedNote, contents: readonly PartContent[]): PartEvidence {
  const sources = new Set<string>();
  for (const content of contents) {
    for (const url of content.urls) sources.add(url);
    for (const label of content.footnotes) for (const url of parsed.footnotes.get(label) ?? []) sources.add(url);
  }
  return { sources: [...sources], markers: contents.flatMap((content) => content.markers) };
}

/**
 * A heading's labeled parts with the products each names. A table counts by its columns when its header names a
 * product, else by its rows; a table whose rows and columns name none answers for all, as a block (named none).
 * A row or column of a table that names products elsewhere but none itself answers for none; it is kept, so that a
 * hint names it when it names another product of the scope.
 */
function attributedParts(
  heading: ParsedHeading,
  named: (text: string) => readonly string[],
): { part: LabeledPart; names: readonly string[]; forAll?: true }[] {
  const parts = (heading.parts?.labeled ?? []).map((part) => ({ part, names: named(part.label) }));
  const byColumns = new Set(parts.filter((p) => p.part.table?.along === 'column' && p.names.length > 0).map((p) => p.part.table!.index));
  const counted = parts.filter(({ part }) => !part.table || (part.table.along === 'column') === byColumns.has(part.table.index));
  const namingTables = new Set(counted.filter((p) => p.part.table && p.names.length > 0).map((p) => p.part.table!.index));
  const tablesForAll = new Set<number>();
  return counted.flatMap((counted) => {
    const { part, names } = counted;
    if (!part.table || names.length > 0 || namingTables.has(part.table.index)) return [counted];
    // A table that names none answers for all, once.
    if (tablesForAll.has(part.table.index)) return [];
    tablesForAll.add(part.table.index);
    return [{ ...counted, forAll: true as const }];
  });
}
