import { escapeHtml } from '../html';

/** When and from what the site was built, and where its notes can be read in the repository. */
export interface SiteBuild {
  /** `YYYY-MM-DD HH:MM` UTC. */
  readonly builtAt: string;
  /** The commit the folder's repository is at; null outside a repository, with the reason in `noCommit`. */
  readonly commit: string | null;
  readonly noCommit: string;
  /** `--repo-url`: notes link to `<url>/blob/<commit>/<path>#L<line>` when there is a commit. */
  readonly repoUrl?: string;
  /** The scope folder's path in the repository: '' at its root, else ending with '/'. */
  readonly repoPrefix: string;
}

/** The site's own files: its style, which every page loads, and the index's search and matrix with their data. */
export const SITE_ASSETS = {
  style: 'site.css',
  search: 'search.js',
  minisearch: 'minisearch.js',
  searchIndex: 'search-index.js',
  matrix: 'matrix.js',
  matrixData: 'matrix-data.js',
} as const;

/** No request anywhere but the site's own files: no inline script or style, no image, no frame, no form target. */
const CSP = "default-src 'none'; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'";

/** A page of the site: its CSP, style, header with a way home, main content, and the footer saying how it was built. */
export function sitePage(options: {
  title: string;
  siteTitle: string;
  body: string;
  build: SiteBuild;
  scripts?: readonly string[];
}): string {
  const scripts = (options.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="${SITE_ASSETS.style}">
${scripts}
</head>
<body>
<header><nav aria-label="Site"><a href="index.html">${escapeHtml(options.siteTitle)}</a></nav></header>
<main>
${options.body}
</main>
<footer>${buildLine(options.build)}</footer>
</body>
</html>
`;
}

function buildLine(build: SiteBuild): string {
  const from = build.commit ? `from commit <code>${build.commit.slice(0, 12)}</code>` : escapeHtml(build.noCommit);
  return `<p>Built ${escapeHtml(build.builtAt)} UTC ${from}, by Competitor Scope.</p>`;
}

/** A link to the note's line in the repository, when `--repo-url` and a commit give one; else the path as text. */
export function noteLink(build: SiteBuild, file: string, line: number | null): string {
  const where = `${escapeHtml(file)}${line === null ? '' : `, line ${line + 1}`}`;
  if (!build.repoUrl || !build.commit) return `<code>${where}</code>`;
  const pathInRepo = `${build.repoPrefix}${file}`.split('/').map(encodeURIComponent).join('/');
  const href = `${build.repoUrl.replace(/\/+$/, '')}/blob/${build.commit}/${pathInRepo}${line === null ? '' : `#L${line + 1}`}`;
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer"><code>${where}</code></a>`;
}

/** The page of a category, and of a product in a category: flat file names, from ids (letters, digits, "-", "_", "."), with a separator ids cannot hold. */
export function categoryFile(categoryId: string): string {
  return `category-${categoryId}.html`;
}

export function productFile(categoryId: string, productId: string): string {
  return `product-${categoryId}~${productId}.html`;
}
