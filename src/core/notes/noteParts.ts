import type { Range } from '../text';
import type { BlockToken } from './blockMarkdown';

/**
 * A paragraph's line that starts with `Score:` as a reader sees it (`**Score:** 3` too); what follows is read
 * against the scope's scale in the analysis.
 */
export interface ScoreLine {
  /** The text after `Score:` as a reader sees it, trimmed. */
  readonly value: string;
  /** The line's text, from `Score` to its end. */
  readonly range: Range;
}

/** What some of a heading's own blocks hold: paragraphs' openings, score lines, and whether a solid block (code, a table) is among them. */
export interface PartContent {
  readonly solid: boolean;
  readonly leads: readonly string[];
  readonly scores: readonly ScoreLine[];
}

/**
 * Blocks that lead with a name: a paragraph or list item opening with `**Name:**` (or `**Name**:`, `__Name:__`),
 * a table's row by its first cell, or its column by its header cell. Whether the name is a product is the
 * analysis's question (see productAnswers); the parse is the same for every scope.
 */
export interface LabeledPart extends PartContent {
  /** The name as written between the marks, or the cell's text. */
  readonly label: string;
  /** Which way a table part runs, and which table of the heading it is in; none for a bold lead. */
  readonly table?: { readonly index: number; readonly along: 'row' | 'column' };
}

/** A heading's own blocks split: those that lead with a name, and the others. */
export interface HeadingParts {
  readonly labeled: readonly LabeledPart[];
  readonly shared: PartContent;
}

export interface PartsDraft extends HeadingParts {
  readonly labeled: LabeledPart[];
  readonly shared: { solid: boolean; leads: string[]; scores: ScoreLine[] };
  tables: number;
}

export function newParts(): PartsDraft {
  return { labeled: [], shared: { solid: false, leads: [], scores: [] }, tables: 0 };
}

/** A cell is kept as much as a paragraph's opening is (LEAD_CHARS). */
const MAX_CELL = 600;
/** A label is a name, not a sentence: a longer bold opening is emphasis, and a longer cell is cut. */
const MAX_LABEL = 80;
/** `**Name:**`, `**Name**:`, `__Name:__` or `__Name__:` at the start of a paragraph. */
const BOLD_LEAD = new RegExp(`^(\\*\\*|__)([^*_\\n]{1,${MAX_LABEL}}?)(?::\\1|\\1[ \\t]*:)`);

/** Files what one block added to a heading's content (its `leads` and `scores`, whether it is solid) under its name, or with the shared blocks. */
export function route(parts: PartsDraft, token: BlockToken, leads: readonly string[], scores: readonly ScoreLine[], solid: boolean): void {
  if (token.type === 'inline' && token.content.startsWith('|')) return addTable(parts, token.content);
  const label = token.type === 'inline' ? BOLD_LEAD.exec(token.content.trimStart())?.[2].trim() : undefined;
  if (label) {
    parts.labeled.push({ label, solid, leads: [...leads], scores: [...scores] });
    return;
  }
  parts.shared.leads.push(...leads);
  parts.shared.scores.push(...scores);
  parts.shared.solid ||= solid;
}

/**
 * A table's rows by their first cells and its columns by their header cells (a cell's text is its lead). The cells
 * are split at `|` not escaped; the delimiter row (`|---|`) is no row. Whether the table answers for all (its rows
 * and columns name no product) is the analysis's question.
 */
function addTable(parts: PartsDraft, content: string): void {
  const index = parts.tables++;
  const rows = content
    .split('\n')
    .map(cells)
    .filter((row) => !row.every((cell) => /^:?-+:?$/.test(cell)));
  const [header = [], ...body] = rows;
  const part = (label: string, texts: readonly (string | undefined)[], along: 'row' | 'column'): LabeledPart => ({
    label,
    solid: false,
    leads: texts.filter((text): text is string => Boolean(text)),
    scores: [],
    table: { index, along },
  });
  for (const row of body) if (row[0]) parts.labeled.push(part(row[0], row.slice(1), 'row'));
  header.forEach((label, column) => {
    if (column > 0 && label) {
      parts.labeled.push(
        part(
          label,
          body.map((row) => row[column]),
          'column',
        ),
      );
    }
  });
}

function cells(line: string): string[] {
  const trimmed = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().slice(0, MAX_CELL));
}
