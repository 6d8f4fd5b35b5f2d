import type { CoverageSummary } from '../index/coverage';
import type { MatrixModel } from '../matrix/matrixModel';
import type { Scope } from '../scope/scopeModel';
import { matrixDataScript } from './matrixData';
import { MATRIX_SCRIPT } from './matrixScript';
import { productPage } from './productPage';
import { searchIndexScript } from './searchIndex';
import { SEARCH_SCRIPT, SITE_STYLE } from './siteAssets';
import { categoryFile, productFile, SITE_ASSETS, type SiteBuild } from './sitePage';
import { categoryPage, indexPage } from './sitePages';

export interface SiteInput {
  readonly scope: Scope;
  readonly model: MatrixModel;
  readonly summary: CoverageSummary;
  /** The Markdown of the answer a cell shows (its note's section), from its note and heading line. */
  readonly answer: (file: string, line: number) => string | undefined;
  readonly build: SiteBuild;
}

/** A file of the site: its name in the site's folder (flat, no folders) and its text. */
export interface SiteFile {
  readonly name: string;
  readonly text: string;
}

/** Every page and file of the site but MiniSearch's own script, which the caller copies beside them. */
export function buildSite(input: SiteInput): SiteFile[] {
  const { model, build, scope } = input;
  const files: SiteFile[] = [
    { name: 'index.html', text: indexPage(model, input.summary, build) },
    { name: SITE_ASSETS.style, text: SITE_STYLE },
    { name: SITE_ASSETS.search, text: SEARCH_SCRIPT },
    { name: SITE_ASSETS.searchIndex, text: searchIndexScript(model) },
    { name: SITE_ASSETS.matrix, text: MATRIX_SCRIPT },
    { name: SITE_ASSETS.matrixData, text: matrixDataScript(model) },
  ];
  for (const table of model.tables) {
    files.push({ name: categoryFile(table.categoryId), text: categoryPage(model, table, build) });
    const category = scope.categories.find((c) => c.id === table.categoryId);
    const descriptions = new Map(category?.products.map((product) => [product.id, product.description ?? '']));
    for (const row of table.rows) {
      const description = row.subject ? '' : (descriptions.get(row.key) ?? '');
      const text = productPage({
        model,
        table,
        row,
        description,
        build,
        answer: (index) => {
          const cell = row.cells[index];
          return cell.file === null || cell.line === null ? undefined : input.answer(cell.file, cell.line);
        },
      });
      files.push({ name: productFile(table.categoryId, row.key), text });
    }
  }
  return files;
}
