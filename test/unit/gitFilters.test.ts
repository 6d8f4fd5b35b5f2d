import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { main } from '../../src/cli/main';
import { localDay } from '../../src/core/dates';
import { repoRoot, tempFolder } from './helpers';
import { checkJson, gitRepository, NOTE, type TestRepository } from './gitRepository';

/**
 * Ways a repository names a command for git to run on a note's text (a filter driver), each with the
 * attributes that give notes that filter. The command appends to `marker`, which must never appear.
 */
const FILTERS: { name: string; configure: (repo: TestRepository, marker: string) => void }[] = [
  {
    name: 'filter.x.clean in .git/config, *.md filter=x in .gitattributes',
    configure(repo, marker) {
      repo.git(['config', 'filter.x.clean', `id >> '${marker}'; cat`]);
      repo.write('.gitattributes', '*.md filter=x\n');
    },
  },
  {
    name: 'filter.x.clean reached through include.path, *.md filter=x in .git/info/attributes',
    configure(repo, marker) {
      repo.write('.git/filters.config', `[filter "x"]\n\tclean = id >> '${marker}'; cat\n\tsmudge = id >> '${marker}'; cat\n`);
      repo.git(['config', 'include.path', 'filters.config']);
      repo.write('.git/info/attributes', '*.md filter=x\n');
    },
  },
  {
    name: 'filter.x.process in .git/config, *.md filter=x in .gitattributes',
    configure(repo, marker) {
      repo.git(['config', 'filter.x.process', `id >> '${marker}'`]);
      repo.write('.gitattributes', '*.md filter=x\n');
    },
  },
];

const cli = path.join(repoRoot, 'dist', 'cli.js');

/** Every tool of `competitor-scope mcp FOLDER` that reads the notes (dated by git), called once; check_notes' report. */
async function callMcpTools(folder: string): Promise<{ product: string; axes: { asOf: string | null; asOfFrom: string | null }[] }[]> {
  const client = new Client({ name: 'competitor-scope-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', folder], stderr: 'pipe' }));
  try {
    const call = async (name: string, args: Record<string, unknown> = {}) => {
      const result = (await client.callTool({ name, arguments: args })) as { content: { text: string }[]; isError?: boolean };
      assert.notEqual(result.isError, true, `${name}: ${result.content[0]?.text}`);
      return result.content[0].text;
    };
    await call('read_product', { product: 'django' });
    await call('add_section', {
      product: 'Flask',
      axis: 'Testing strategy and coverage expectations',
      text: 'pytest, see [docs](https://flask.example.com/testing).',
    });
    return JSON.parse(await call('check_notes', { detail: 'full' })).products;
  } finally {
    await client.close();
  }
}

describe("a repository's filter drivers", function () {
  this.timeout(60_000);

  for (const filter of FILTERS) {
    it(`never run: every command and MCP tool, dates still right (${filter.name})`, async () => {
      const repo = gitRepository();
      const marker = path.join(tempFolder({}), 'filter-ran');
      repo.write('research/django.md', NOTE);
      repo.write('research/flask.md', NOTE.replace('# Django', '# Flask'));
      repo.commit('2020-01-02');
      filter.configure(repo, marker);
      // A note whose stat differs from the index (the same text, touched) and one edited since the commit.
      const later = new Date(Date.now() + 60_000);
      fs.utimesSync(path.join(repo.folder, 'research', 'django.md'), later, later);
      repo.write(
        'research/flask.md',
        NOTE.replace('# Django', '# Flask').replace('Sessions and CSRF.', 'Sessions, CSRF and Flask-Limiter.'),
      );

      const noFilterRan = (what: string) =>
        assert.equal(
          fs.existsSync(marker),
          false,
          `${what} ran the filter: ${fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''}`,
        );
      const checked = await checkJson(repo.folder, '--as-of', '2024-06-01');
      noFilterRan('check');
      assert.deepEqual(
        checked
          .axesOf('django')
          .slice(0, 2)
          .map((a) => [a.asOf, a.asOfFrom]),
        [
          ['2020-01-02', 'git'],
          ['2020-01-02', 'git'],
        ],
      );
      assert.deepEqual(
        checked
          .axesOf('flask')
          .slice(0, 2)
          .map((a) => [a.asOf, a.asOfFrom]),
        [
          ['2020-01-02', 'git'],
          ['2024-06-01', 'git'],
        ],
      );
      for (const args of [['matrix'], ['battlecard', 'django'], ['brief', 'django'], ['brief', '--gaps']]) {
        assert.equal(
          await main([...args, repo.folder], repo.folder, { stdout: () => undefined, stderr: () => undefined }),
          0,
          args.join(' '),
        );
        noFilterRan(args.join(' '));
      }
      const products = await callMcpTools(repo.folder);
      noFilterRan('the MCP tools');
      const dated = (product: string) =>
        products
          .find((p) => p.product === product)
          ?.axes.slice(0, 2)
          .map((a) => [a.asOf, a.asOfFrom]);
      assert.deepEqual(dated('django'), [
        ['2020-01-02', 'git'],
        ['2020-01-02', 'git'],
      ]);
      assert.deepEqual(dated('flask'), [
        ['2020-01-02', 'git'],
        [localDay(), 'git'],
      ]);
    });
  }
});
