import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { SiteMatrix } from '../../src/core/site/matrixData';
import { axeViolations, SYSTEM_THEMES, type SystemTheme } from '../webview/axe';
import { launchChromium } from '../webview/webviewBrowser';
import { runCli } from './cliRun';
import { gitRepository } from './gitRepository';
import { repoRoot, tempFolder } from './helpers';
import { DJANGO_NOTE, GRID_NOTE, SCORED_SCOPE_YAML } from './scoringFixtures';

/** Note and scope text that would run script, load a resource or leave the site if any page took it as markup. */
const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '[click me](javascript:window.__pwned="link")',
  '[data](data:text/html,<script>alert(1)</script>)',
  '![tracker](https://tracker.example/pixel.png)',
  '[mail us](mailto:team@example.com) and [the docs](https://example.com/flask)',
].join('\n\n');

function hostileFolder(): string {
  const scope = SCORED_SCOPE_YAML.replace('subject: Grid\n', 'subject: Grid\nnotes: research/**/*.md\n').replace(
    '      - name: Flask\n',
    `      - name: Flask\n        description: '"><img src=x onerror="window.__pwned = 1"> <script>window.__pwned = 2</script>'\n      - name: '<script>window.__pwned = 3</script> Evil'\n        id: evil\n`,
  );
  return tempFolder({
    'competitor-scope.yaml': scope,
    'research/grid.md': GRID_NOTE,
    'research/django.md': DJANGO_NOTE,
    'research/flask.md': `---\nproduct: flask\n---\n\n## Auth\n\n${HOSTILE}\n\nScore: 3\n\n## Testing\n\nPytest fixtures.\n\nScore: 2\n\n## Docs\n\nShort and clear.\n\nScore: 2\n`,
  });
}

async function buildSite(folder: string, ...options: string[]): Promise<string> {
  const out = path.join(tempFolder({}), 'site');
  const run = await runCli(['site', folder, '-o', out, '--no-git', '--as-of', '2026-01-01', ...options]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /^Wrote \d+ pages to /m);
  return out;
}

/** Every page reached from index.html by relative links, each link checked to resolve (the file, and its fragment's id). */
function crawl(site: string): Map<string, string> {
  const pages = new Map<string, string>();
  const queue = ['index.html'];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (pages.has(name)) continue;
    const html = fs.readFileSync(path.join(site, name), 'utf8');
    pages.set(name, html);
    for (const [, attribute, target] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
      if (/^(https?:|mailto:)/.test(target)) {
        assert.equal(attribute, 'href', `${name} loads ${target} from another host`);
        continue;
      }
      assert.doesNotMatch(target, /^[a-z][a-z0-9+.-]*:|^\/|\.\./i, `${name} links to ${target}: not a relative link within the site`);
      const [file, fragment] = target.split('#');
      const into = file || name;
      assert.ok(fs.existsSync(path.join(site, into)), `${name} links to ${target}, which is not in the site`);
      if (fragment) {
        assert.ok(fs.readFileSync(path.join(site, into), 'utf8').includes(` id="${fragment}"`), `${name} links to ${target}: no such id`);
      }
      if (into.endsWith('.html')) queue.push(into);
    }
  }
  return pages;
}

describe('competitor-scope site', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let hostileSite: string;
  before(async () => {
    hostileSite = await buildSite(hostileFolder(), '--repo-url', 'https://github.com/acme/research');
  });
  after(() => browser?.close());

  it('writes an index, a page per category and per product, every link resolving and every page under its CSP', () => {
    const pages = crawl(hostileSite);
    assert.deepEqual([...pages.keys()].sort(), [
      'category-web.html',
      'index.html',
      'product-web~django.html',
      'product-web~evil.html',
      'product-web~flask.html',
      'product-web~grid.html',
    ]);
    for (const [name, html] of pages) {
      assert.match(
        html,
        /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self';/,
        name,
      );
      assert.match(html, /Built \d{4}-\d\d-\d\d \d\d:\d\d UTC outside any git repository/, name);
    }
    const matrix = matrixData(hostileSite);
    const links = matrix.tables.flatMap((table) => table.rows.flatMap((row) => table.axes.map((axis) => `${row.page}#axis-${axis.id}`)));
    assert.ok(links.includes('product-web~django.html#axis-auth'), 'each cell links to the product page at its axis');
    for (const link of links) {
      const [file, fragment] = link.split('#');
      assert.ok(pages.get(file)?.includes(` id="${fragment}"`), `the index's matrix links to ${link}, which is not in the site`);
    }
  });

  it('draws the category’s radar as SVG with a title, and the same data as a table', () => {
    const category = fs.readFileSync(path.join(hostileSite, 'category-web.html'), 'utf8');
    assert.match(category, /<svg [^>]*role="img"[^>]*><title id="[^"]+">Web Frameworks: Grid, Django, Flask, /);
    assert.match(
      category,
      /<th scope="row"><span class="symbol series-1" aria-hidden="true">■<\/span> Django<\/th><td>2<\/td><td>4<\/td><td>3<\/td><td>—<\/td><\/tr>/,
    );
    assert.match(
      category,
      /<th scope="row"><a href="product-web~django.html">Django<\/a><\/th><td>1<\/td><td>1<\/td><td>1<\/td>/,
      'lead, parity and they-lead counts',
    );
  });

  it('renders a product’s answers from its notes with their evidence, a link to the note at the commit, and its battlecard', () => {
    const django = fs.readFileSync(path.join(hostileSite, 'product-web~django.html'), 'utf8');
    assert.match(django, /<section class="axis" id="axis-auth"[^>]*>\n<h3 id="axis-auth-title">Auth<\/h3>/);
    assert.match(django, /<p>Sessions and permissions.<\/p>/);
    assert.match(django, /score 2\/4 \(partial\)/);
    assert.match(django, /<h2 id="battlecard-title">Battlecard against Grid<\/h2>/);
    assert.match(django, /<code>research\/django.md, line 5<\/code>/, 'no commit outside a repository: the path as text');
  });

  it('says the commit it was built from, and links each answer to its note’s line there with --repo-url', async () => {
    const repo = gitRepository();
    repo.write('research/django.md', '---\nproduct: django\n---\n\n## Architecture guidance and opinionation\n\nBatteries included.\n');
    repo.commit('2024-01-10');
    const commit = repo.git(['rev-parse', 'HEAD']).trim();
    const site = await buildSite(repo.folder, '--repo-url', 'https://github.com/acme/research/');
    const django = fs.readFileSync(path.join(site, 'product-web~django.html'), 'utf8');
    assert.ok(
      django.includes(`<a href="https://github.com/acme/research/blob/${commit}/research/django.md#L5" rel="noopener noreferrer">`),
      django,
    );
    assert.ok(django.includes(`from commit <code>${commit.slice(0, 12)}</code>`));
  });

  it('keeps hostile note and scope text inert: no script, handler, script link, image or request to another host', async () => {
    const flask = fs.readFileSync(path.join(hostileSite, 'product-web~flask.html'), 'utf8');
    assert.match(flask, /<a href="mailto:team@example.com" rel="noopener noreferrer">mail us<\/a>/);
    assert.match(flask, /<a href="https:\/\/example.com\/flask" rel="noopener noreferrer">the docs<\/a>/);
    browser ??= await launchChromium();
    for (const name of crawl(hostileSite).keys()) {
      const { page, requests, dialogs } = await openPage(browser, path.join(hostileSite, name));
      const dom = (await page.evaluate(`({
        pwned: window.__pwned,
        handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => e.tagName + ' ' + a.name)),
        scripts: [...document.scripts].map((s) => s.getAttribute('src')),
        badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => !/^(https?:|mailto:|[\\w.~-]*(#[\\w.-]+)?$)/.test(h)),
        images: document.images.length,
      })`)) as Record<string, unknown>;
      assert.deepEqual(dom, { pwned: undefined, handlers: [], scripts: dom.scripts, badLinks: [], images: 0 }, name);
      assert.ok(
        (dom.scripts as string[]).every((src) =>
          ['matrix-data.js', 'matrix.js', 'minisearch.js', 'search-index.js', 'search.js'].includes(src),
        ),
        name,
      );
      assert.deepEqual(requests, [], `${name} requested another host`);
      assert.deepEqual(dialogs, [], name);
      await page.close();
    }
  });

  it('searches products and answers on the index, and filters its matrix to the gaps, from file:// under its CSP', async () => {
    browser ??= await launchChromium();
    const { page } = await openPage(browser, path.join(hostileSite, 'index.html'));
    await page.fill('#search-input', 'pytest');
    const first = page.locator('#search-results li a').first();
    assert.equal(await first.textContent(), 'Flask');
    assert.equal(await first.getAttribute('href'), 'product-web~flask.html');
    await page.check('input[data-mark="gap"]');
    assert.deepEqual(
      await shownRows(page),
      ['Grid (ours)', 'Flask', '<script>window.__pwned = 3</script> Evil'],
      'gaps only: Django answers every axis',
    );
    assert.equal(await page.textContent('#matrix-summary'), '2 of 3 competitors shown.');
    await page.close();
  });

  it('sorts the index’s matrix, filters it and compares it with our product as the matrix panel does, by mouse and keyboard', async () => {
    browser ??= await launchChromium();
    const { page } = await openPage(browser, path.join(hostileSite, 'index.html'));
    const evil = '<script>window.__pwned = 3</script> Evil';
    assert.deepEqual(await shownRows(page), ['Grid (ours)', 'Django', 'Flask', evil], 'scope order');
    await page.selectOption('#sort', 'score');
    assert.deepEqual(await shownRows(page), ['Grid (ours)', 'Flask', 'Django', evil], 'lowest score first, the unscored last, ours pinned');
    await page.focus('#sort');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.inputValue('#sort'), 'score-desc');
    assert.deepEqual(await shownRows(page), ['Grid (ours)', 'Django', 'Flask', evil], 'highest score first, from the keyboard');

    await page.focus('#vs-subject');
    await page.keyboard.press('Space');
    await shownRows(page);
    const head = await page.locator('table.matrix thead th').allTextContents();
    assert.deepEqual(head, ['Product', 'Auth', 'Testing', 'Docs', 'Pricing', 'Coverage', 'Score', 'vs. us']);
    const django = page.locator('table.matrix tbody tr', { hasText: 'Django' });
    assert.equal(await django.locator('td.vs-counts').getAttribute('aria-label'), 'We lead: 1, Parity: 1, They lead: 1');
    assert.deepEqual(await django.locator('.vs-mark').allTextContents(), ['▲ We lead', '▼ They lead', '= Parity']);
    assert.equal(await page.locator('tr.subject .vs-mark').count(), 0, 'our own cells are not compared with themselves');

    await page.check('input[data-mark="unsourced"]');
    assert.deepEqual(await shownRows(page), ['Grid (ours)', 'Django', 'Flask'], 'unsourced: Evil answers nothing');
    await page.selectOption('#filter-category', 'web');
    assert.equal(await page.locator('section[data-category="web"]').isVisible(), true);
    await page.close();
  });

  it('passes axe-core on the index, a category page and a competitor’s page, light, dark and forced colours, and builds from example/', async () => {
    browser ??= await launchChromium();
    const exampleSite = await buildSite(path.join(repoRoot, 'example'));
    const pages = crawl(exampleSite);
    const category = [...pages.keys()].find((name) => name.startsWith('category-'))!;
    const product = [...pages.keys()].find((name) => name.startsWith('product-') && pages.get(name)!.includes('battlecard-title'))!;
    for (const [site, name] of [
      [hostileSite, 'index.html'],
      [hostileSite, 'category-web.html'],
      [hostileSite, 'product-web~django.html'],
      [exampleSite, category],
      [exampleSite, product],
    ]) {
      for (const theme of SYSTEM_THEMES) {
        const { page } = await openPage(browser, path.join(site, name), theme);
        const label = `${name}, ${theme.colorScheme}, forced colours ${theme.forcedColors}`;
        assert.deepEqual(await axeViolations(page), [], label);
        if (name === 'index.html') {
          await page.check('#vs-subject');
          await shownRows(page);
          assert.deepEqual(await axeViolations(page), [], `${label}, vs. our product`);
        }
        await page.close();
      }
    }
  });
});

/** The index's matrix as its data file gives it to the page. */
function matrixData(site: string): SiteMatrix {
  const script = fs.readFileSync(path.join(site, 'matrix-data.js'), 'utf8');
  const prefix = 'window.competitorScopeMatrix = ';
  assert.ok(script.startsWith(prefix));
  return JSON.parse(script.slice(prefix.length).replace(/;\n$/, '')) as SiteMatrix;
}

/** The names in the index's shown rows, each table's in turn, once the page has drawn them all. */
async function shownRows(page: Page): Promise<string[]> {
  await page.waitForSelector('section[aria-busy]', { state: 'detached' });
  return page.locator('section:not([hidden]) table.matrix tbody tr th').allTextContents();
}

/** A page of the site opened from file://, with every request to anything but a file, and every dialog, recorded. */
async function openPage(
  browser: Browser,
  file: string,
  theme: SystemTheme = SYSTEM_THEMES[0],
): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
  const page = await browser.newPage(theme);
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`file://${file}`);
  return { page, requests, dialogs };
}
