import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { repoRoot } from './helpers';

// The documents a newcomer reads, and every file they link to, relative to the repository.
const documents = [
  'README.md',
  'ARCHITECTURE.md',
  'test/README.md',
  ...readdirSync(path.join(repoRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

const markdown = new MarkdownIt({ html: true });
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** GitHub's heading anchor: lowercase, punctuation and symbols dropped (not - and _), each space a hyphen. */
function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** The text of a heading as GitHub renders it: text and code spans, without HTML. */
function headingText(inline: Token): string {
  return (inline.children ?? [])
    .filter((t) => t.type === 'text' || t.type === 'code_inline')
    .map((t: Token) => t.content)
    .join('');
}

/** The anchors a document has on GitHub: its headings' slugs (a repeated one gets -1, -2…) and explicit `id`s. */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const tokens = markdown.parse(text, {});
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open') {
      const slug = githubSlug(headingText(tokens[i + 1]));
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count ? `${slug}-${count}` : slug);
    }
    const html =
      token.type === 'html_block' ? [token] : token.type === 'inline' ? (token.children ?? []).filter((t) => t.type === 'html_inline') : [];
    for (const h of html) for (const [, id] of h.content.matchAll(/\bid="([^"]+)"/g)) anchors.add(id);
  });
  return anchors;
}

/** Every link and image target in a document, outside code. */
function targetsOf(text: string): string[] {
  const inline = markdown.parse(text, {}).flatMap((t) => t.children ?? []);
  return inline.flatMap((t): string[] =>
    t.type === 'link_open' ? [String(t.attrGet('href'))] : t.type === 'image' ? [String(t.attrGet('src'))] : [],
  );
}

/** What is wrong with each relative link of a document (a file that does not exist, an anchor not in its target). */
function brokenLinks(document: string): string[] {
  const text = readFileSync(path.join(repoRoot, document), 'utf8');
  const relative = targetsOf(text).filter((target) => !/^[a-z][a-z\d+.-]*:|^\/\//i.test(target));
  return relative.flatMap((target) => {
    const [file, anchor] = target.split('#', 2) as [string, string | undefined];
    const targetPath = file ? path.join(path.dirname(document), decodeURIComponent(file)) : document;
    if (!existsSync(path.join(repoRoot, targetPath))) return [`${document}: ${target}: no file ${targetPath}`];
    if (anchor === undefined || !targetPath.endsWith('.md')) return [];
    const anchors = file ? anchorsOf(readFileSync(path.join(repoRoot, targetPath), 'utf8')) : anchorsOf(text);
    return anchors.has(decodeURIComponent(anchor)) ? [] : [`${document}: ${target}: no anchor #${anchor} in ${targetPath}`];
  });
}

describe('the documentation’s links', () => {
  it('names anchors as GitHub does: headings slugged, repeats numbered, explicit ids', () => {
    const text =
      '# Security: what it runs, reads and writes\n\n## In the browser (vscode.dev, github.dev)\n\n## `check` & *more*\n\n## Notes\n\n## Notes\n\n| <a id="missing-axis"></a>`missing-axis` |\n| --- |\n\n```md\n## Not a heading\n```\n';
    assert.deepEqual(
      [...anchorsOf(text)],
      ['security-what-it-runs-reads-and-writes', 'in-the-browser-vscodedev-githubdev', 'check--more', 'notes', 'notes-1', 'missing-axis'],
    );
  });

  for (const document of documents) {
    it(`resolves every relative link and anchor in ${document}`, () => {
      assert.deepEqual(brokenLinks(document), []);
    });
  }
});
