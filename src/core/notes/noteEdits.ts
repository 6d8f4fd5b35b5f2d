import { stringify } from 'yaml';
import type { Scope } from '../scope/scopeModel';
import { LineIndex, type Position, type Range } from '../text';
import type { NearAxis } from './findings';
import type { NoteAnalysis } from './noteAnalyzer';

/** A text edit, as VS Code's TextEdit and the Language Server Protocol have it. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/**
 * Adds a section for each of the axes (of one category), each where it belongs in the scope's axis order:
 * after the section of the nearest axis before it that the note has, else before the nearest one after it,
 * else at the end. The heading level is the one the note uses for axes (2 when it has none). Only inserts:
 * the team's text is never deleted or moved. Sections that go to one place come in one edit, in axis order.
 * `bodies` gives some sections their text (by axis id); the others get their heading only.
 */
export function addSectionsEdits(
  analysis: NoteAnalysis,
  scope: Scope,
  categoryId: string,
  axisIds: readonly string[],
  bodies: ReadonlyMap<string, string> = new Map(),
): TextEdit[] {
  const category = scope.categories.find((c) => c.id === categoryId);
  if (!category) return [];
  const { parsed } = analysis;
  const present = new Map<string, number>();
  for (const s of analysis.sections) {
    if (s.categoryId === categoryId && !present.has(s.axisId)) present.set(s.axisId, s.headingIndex);
  }
  const level = axisHeadingLevel(analysis, categoryId);
  const order = category.axes.map((a) => a.id);
  const wanted = new Set(axisIds);

  // Line where each new section goes (-1: the end of the note), in axis order.
  const inserts = new Map<number, string[]>();
  for (const [position, axis] of category.axes.entries()) {
    if (!wanted.has(axis.id) || present.has(axis.id)) continue;
    const before = order
      .slice(0, position)
      .reverse()
      .find((id) => present.has(id));
    const after = order.slice(position + 1).find((id) => present.has(id));
    const line =
      before !== undefined
        ? parsed.headings[present.get(before) ?? 0].sectionEndLine
        : after !== undefined
          ? parsed.headings[present.get(after) ?? 0].range.start.line
          : parsed.lineCount;
    const at = line >= parsed.lineCount ? -1 : line;
    const body = bodies.get(axis.id);
    inserts.set(at, [...(inserts.get(at) ?? []), `${'#'.repeat(level)} ${axis.name}\n${body ? `\n${body}\n` : ''}`]);
  }

  return [...inserts].map(([line, headings]) => {
    const sections = headings.join('\n');
    if (line !== -1) return insertAt({ line, character: 0 }, `${sections}\n`);
    // At the end: start on a line of its own after a blank line, whatever the note ends with; after the
    // closer of a block left open there (a fence, `<!--`), which would otherwise swallow the new headings.
    const closer = parsed.openBlockCloser;
    const lead = closer
      ? `${parsed.lastLineLength > 0 ? '\n' : ''}${closer}\n\n`
      : parsed.lastLineLength > 0
        ? '\n\n'
        : parsed.endsWithBlankLine || parsed.lineCount === 1
          ? ''
          : '\n';
    return insertAt({ line: parsed.lineCount - 1, character: parsed.lastLineLength }, `${lead}${sections}`);
  });
}

/** The level of most of the note's axis headings for the category; 2 when it has none. */
export function axisHeadingLevel(analysis: NoteAnalysis, categoryId: string): number {
  const counts = new Map<number, number>();
  for (const s of analysis.sections) {
    if (s.categoryId !== categoryId) continue;
    const level = analysis.parsed.headings[s.headingIndex].level;
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  let best = 2;
  for (const [level, count] of counts) if (count > (counts.get(best) ?? 0)) best = level;
  return best;
}

/** Renames a heading: its text only (the link text of a link), the `#` marks and the rest of the line stay. */
export function renameHeadingEdit(analysis: NoteAnalysis, headingIndex: number, newText: string): TextEdit {
  return { range: analysis.parsed.headings[headingIndex].renameRange, newText };
}

/**
 * The renames an `axis-typo` offers, one per axis it names: the heading's text becomes the axis's name. Words the
 * name lacks are not deleted: the old text stays after the name in an HTML comment, which a heading does not show
 * (`## Self-hosted <!-- was: Self-hosted option -->`). None for an axis where the old text holds `--`, which
 * would end the comment early.
 */
export function nearMissRenames(
  analysis: NoteAnalysis,
  headingIndex: number,
  axes: readonly NearAxis[],
): { name: string; edit: TextEdit }[] {
  const old = analysis.parsed.headings[headingIndex].text;
  const renames = new Map<string, TextEdit>();
  for (const { name, dropsWords } of axes) {
    if (renames.has(name) || (dropsWords && old.includes('--'))) continue;
    renames.set(name, renameHeadingEdit(analysis, headingIndex, dropsWords ? `${name} <!-- was: ${old} -->` : name));
  }
  return [...renames].map(([name, edit]) => ({ name, edit }));
}

/**
 * Names the note's product in its front matter: sets the value of `product:` (and `category:` when given; a value
 * written on several lines becomes one line), adds the field when missing, adds front matter when there is none.
 * Values are written as YAML scalars, quoted where a plain one would not read back the same (`[Beta] Foo`,
 * `Django: The Web Framework`).
 */
export function setProductEdits(analysis: NoteAnalysis, productId: string, categoryId?: string): TextEdit[] {
  return setFrontMatterEdits(analysis, [['product', productId], ...(categoryId ? [['category', categoryId] as const] : [])]);
}

/** Sets the note's `category:` alone: its `product:` stays as written. */
export function setCategoryEdits(analysis: NoteAnalysis, categoryId: string): TextEdit[] {
  return setFrontMatterEdits(analysis, [['category', categoryId]]);
}

function setFrontMatterEdits(analysis: NoteAnalysis, fields: readonly (readonly ['product' | 'category', string])[]): TextEdit[] {
  const frontMatter = analysis.parsed.frontMatter;
  if (!frontMatter) {
    return [
      insertAt({ line: 0, character: 0 }, `---\n${fields.map(([name, value]) => `${name}: ${yamlScalar(value)}`).join('\n')}\n---\n\n`),
    ];
  }
  const closing: Position = { line: frontMatter.endLine, character: 0 };
  return fields.map(([name, value]) => {
    const field = frontMatter[name];
    if (field) return { range: field.valueRange, newText: field.value === '' ? ` ${yamlScalar(value)}` : yamlScalar(value) };
    // Written but unreadable (on several lines, a list): replaced by the value on one line, never a second key.
    const written = frontMatter.written?.[name];
    if (written) return { range: written.range, newText: `: ${yamlScalar(value)}${written.comments && ` ${written.comments}`}` };
    return insertAt(closing, `${name}: ${yamlScalar(value)}\n`);
  });
}

/** A value as one line of YAML: plain where that reads back as the same string, quoted otherwise. */
export function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/**
 * Adds text at the end of an existing section (before the next heading of its level or higher), as a paragraph
 * of its own: one blank line before and after it (none added where the section already ends with one), so that it
 * never joins a placeholder's paragraph.
 */
export function appendToSectionEdit(
  analysis: NoteAnalysis,
  headingIndex: number,
  body: string,
  lineText: (line: number) => string,
): TextEdit {
  const { parsed } = analysis;
  const end = parsed.headings[headingIndex].sectionEndLine;
  if (end < parsed.lineCount) {
    return insertAt({ line: end, character: 0 }, `${lineText(end - 1).trim() === '' ? '' : '\n'}${body}\n\n`);
  }
  const lead = parsed.lastLineLength > 0 ? '\n\n' : parsed.endsWithBlankLine ? '' : '\n';
  return insertAt({ line: parsed.lineCount - 1, character: parsed.lastLineLength }, `${lead}${body}\n`);
}

/**
 * Applies non-overlapping edits to a text, last first, their line breaks written as the text's own: what an
 * editor does with a WorkspaceEdit.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offset = (p: Position) => lines.lineStart(p.line) + p.character;
  const lineBreak = lineBreakOf(text);
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce(
      (result, e) => result.slice(0, offset(e.range.start)) + e.newText.replace(/\r\n?|\n/g, lineBreak) + result.slice(offset(e.range.end)),
      text,
    );
}

/** The line break of a text: CRLF when more than half of its line breaks are, LF otherwise (as VS Code decides a document's). */
function lineBreakOf(text: string): string {
  let breaks = 0;
  let crlf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    breaks++;
    if (text[i - 1] === '\r') crlf++;
  }
  return crlf * 2 > breaks ? '\r\n' : '\n';
}

function insertAt(position: Position, newText: string): TextEdit {
  return { range: { start: position, end: position }, newText };
}
