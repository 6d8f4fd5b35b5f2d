import type { NoteIndex } from '../index/noteIndex';
import { coverageRows } from '../matrix/indexMatrix';
import { buildMatrix, type MatrixModel } from '../matrix/matrixModel';
import { sectionSource } from './answerHtml';
import { matrixDataScript } from './matrixData';
import { MATRIX_SCRIPT } from './matrixScript';
import { productPage } from './productPage';
import { searchIndexScript } from './searchIndex';
import { SEARCH_SCRIPT, SITE_STYLE } from './siteAssets';
import { categoryFile, productFile, SITE_ASSETS, type SiteBuild } from './sitePage';
import { categoryPage, indexPage } from './sitePages';

/** A file of the site: its name in the site's folder (flat, no folders) and its text. */
export interface SiteFile {
  readonly name: string;
  readonly text: string;
}

/** What the site is built from: the index (its answers' Markdown is read from the notes' texts it analyzed) and the build. */
export interface SiteInput {
  readonly index: NoteIndex;
  readonly build: SiteBuild;
}

/** The site's pages as many as there will be, and its files, made one by one so that a caller can write each and yield. */
export function siteFiles(input: SiteInput): { readonly pages: number; readonly files: Iterable<SiteFile> } {
  const model = buildMatrix(input.index.scope, coverageRows(input.index));
  const pages = 1 + model.tables.reduce((sum, table) => sum + 1 + table.rows.length, 0);
  return { pages, files: files(input, model) };
}

/** Every page and file of the site but MiniSearch's own script, which the caller copies beside them. */
function* files(input: SiteInput, model: MatrixModel): Generator<SiteFile> {
  const { build, index } = input;
  const answer = answerReader(index);
  yield { name: 'index.html', text: indexPage(model, index.summary(), build) };
  yield { name: SITE_ASSETS.style, text: SITE_STYLE };
  yield { name: SITE_ASSETS.search, text: SEARCH_SCRIPT };
  yield { name: SITE_ASSETS.searchIndex, text: searchIndexScript(model) };
  yield { name: SITE_ASSETS.matrix, text: MATRIX_SCRIPT };
  yield { name: SITE_ASSETS.matrixData, text: matrixDataScript(model) };
  for (const table of model.tables) {
    yield { name: categoryFile(table.categoryId), text: categoryPage(model, table, build) };
    const category = index.scope.categories.find((c) => c.id === table.categoryId);
    const descriptions = new Map(category?.products.map((product) => [product.id, product.description ?? '']));
    for (const row of table.rows) {
      const description = row.subject ? '' : (descriptions.get(row.key) ?? '');
      const text = productPage({
        model,
        table,
        row,
        description,
        build,
        answer: (axisIndex) => {
          const cell = row.cells[axisIndex];
          return cell.file === null || cell.line === null ? undefined : answer(cell.file, cell.line);
        },
      });
      yield { name: productFile(table.categoryId, row.key), text };
    }
  }
}

/**
 * Each answer's Markdown from its note, split once per note: the section from its heading to the next of its level,
 * from the very text the index analyzed (see NoteIndex.noteText), so that a note changed since gives no answer
 * rather than another section's lines.
 */
function answerReader(index: NoteIndex): (file: string, line: number) => string | undefined {
  const notes = new Map<string, { lines: string[]; ends: Map<number, number> } | undefined>();
  return (file, line) => {
    if (!notes.has(file)) {
      const text = index.noteText(file);
      const parsed = index.note(file)?.parsed;
      notes.set(
        file,
        text !== undefined && parsed
          ? { lines: text.split(/\r?\n/), ends: new Map(parsed.headings.map((h) => [h.range.start.line, h.sectionEndLine])) }
          : undefined,
      );
    }
    const note = notes.get(file);
    const end = note?.ends.get(line);
    return note && end !== undefined ? sectionSource(note.lines, line, end) : undefined;
  };
}

/** Whether a folder's file names are those of a site built before (rebuilding it replaces them without asking). */
export function isBuiltSite(names: readonly string[]): boolean {
  return ['index.html', SITE_ASSETS.style, SITE_ASSETS.search].every((name) => names.includes(name));
}
