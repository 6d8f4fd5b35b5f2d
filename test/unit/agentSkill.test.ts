import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import { runCli, vectorScope } from './cliRun';
import { tempFolder } from './helpers';

// markdownlint is an ES module; Node requires it synchronously, and its `sync` entry point has no CommonJS types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lint } = require('markdownlint/sync') as {
  lint(options: {
    strings: Record<string, string>;
    config?: Record<string, unknown>;
  }): Record<string, { lineNumber: number; ruleNames: string[] }[]>;
};

const GITHUB_SKILL = '.github/skills/competitor-research/SKILL.md';
const CLAUDE_SKILL = '.claude/skills/competitor-research/SKILL.md';

/** markdownlint's default rules broken by `text`, as `line rule`. */
function lintProblems(text: string): string[] {
  return lint({ strings: { skill: text }, config: { default: true } }).skill.map((e) => `${e.lineNumber} ${e.ruleNames[0]}`);
}

/** The skill's front matter (the Agent Skills format: name and description) and its body. */
function skillParts(text: string): { front: { name: string; description: string }; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  assert.ok(match, 'front matter first');
  return { front: parse(match[1]!) as { name: string; description: string }, body: match[2]! };
}

describe('competitor-scope init --skill', () => {
  it("writes the agent skill into .github/skills, naming the scope's title and subject, in the Agent Skills format and markdownlint-clean", async () => {
    const folder = tempFolder({ 'competitor-scope.yaml': vectorScope('[{ name: Pinecone }]') });
    const result = await runCli(['init', '--skill'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, `Wrote ${GITHUB_SKILL} (for Vector search); commit it, and agents that read skills will find it.\n`);
    const text = fs.readFileSync(path.join(folder, GITHUB_SKILL), 'utf8');
    const { front, body } = skillParts(text);
    assert.equal(front.name, path.basename(path.dirname(path.join(folder, GITHUB_SKILL))), 'the name is its folder');
    assert.match(front.description, /^Research the competitors of Lumen Search with Competitor Scope: .+Use when /);
    assert.ok(front.description.length <= 1024);
    assert.match(body, /competitor research for Vector search,\s+comparing Lumen Search/);
    for (const tool of ['find_gaps', 'research_brief', 'add_section', 'check_notes']) assert.ok(body.includes(`\`${tool}\``), tool);
    assert.deepEqual(lintProblems(text), []);
    assert.ok(!fs.existsSync(path.join(folder, '.claude')));
  });

  it('writes it into .claude/skills with --claude, and refuses to overwrite a skill, changing nothing', async () => {
    const folder = tempFolder({ 'competitor-scope.yaml': vectorScope('[{ name: Pinecone }]') });
    assert.equal((await runCli(['init', '--skill', '--claude', folder], folder)).code, 0);
    const written = fs.readFileSync(path.join(folder, CLAUDE_SKILL), 'utf8');
    fs.writeFileSync(path.join(folder, CLAUDE_SKILL), 'Our own edits.\n');
    const again = await runCli(['init', '--skill', '--claude'], folder);
    assert.equal(again.code, 2);
    assert.equal(again.stderr, `competitor-scope: ${path.join(folder, CLAUDE_SKILL)} exists already; init writes over nothing.\n`);
    assert.equal(fs.readFileSync(path.join(folder, CLAUDE_SKILL), 'utf8'), 'Our own edits.\n');
    assert.match(written, /^name: competitor-research$/m);
    assert.ok(!fs.existsSync(path.join(folder, '.github')), 'one skill, where it was asked for');
  });

  it('says when it names no scope: no scope file, or an invalid one', async () => {
    const none = tempFolder({});
    const result = await runCli(['init', '--skill'], none);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /\(naming no scope: \. has no scope file\)/);
    const text = fs.readFileSync(path.join(none, GITHUB_SKILL), 'utf8');
    assert.match(skillParts(text).front.description, /^Research competitors with Competitor Scope/);
    assert.deepEqual(lintProblems(text), []);
    const invalid = tempFolder({ 'competitor-scope.yaml': 'version: 1\n' });
    assert.match((await runCli(['init', '--skill'], invalid)).stderr, /\(naming no scope: competitor-scope\.yaml is not valid\)/);
  });

  it('keeps a hostile title and subject to plain text on one line: the front matter, the Markdown and the lint hold', async () => {
    const hostile =
      '"Evil"\\n---\\n# Heading <script>alert(1)</script> [link](http://x) www.example.com ops@example.com *bold* `code` | 1. ' +
      'long '.repeat(60);
    const yaml = vectorScope('[{ name: Pinecone }]')
      .replace('title: Vector search', `title: ${JSON.stringify(hostile)}`)
      .replace('subject: Lumen Search', `subject: ${JSON.stringify(`Lumen\u2028 - # ${hostile}`)}`);
    const folder = tempFolder({ 'competitor-scope.yaml': yaml });
    assert.equal((await runCli(['init', '--skill'], folder)).code, 0);
    const text = fs.readFileSync(path.join(folder, GITHUB_SKILL), 'utf8');
    const { front, body } = skillParts(text);
    assert.equal(front.name, 'competitor-research');
    assert.ok(!front.description.includes('\n') && front.description.length <= 1024);
    assert.deepEqual(lintProblems(text), []);
    const tokens = new MarkdownIt().parse(body, {});
    assert.deepEqual(
      tokens.filter((t) => t.type === 'heading_open').map((t) => t.tag),
      ['h1', 'h2', 'h2'],
      'no heading from the names',
    );
    assert.ok(!tokens.some((t) => t.type === 'html_block' || t.children?.some((c) => c.type === 'html_inline' || c.type === 'link_open')));
  });

  it('writes nothing through a .github that leads out of the folder, and --claude goes with --skill only', async () => {
    const outside = tempFolder({});
    const folder = tempFolder({ 'competitor-scope.yaml': vectorScope('[{ name: Pinecone }]') });
    fs.symlinkSync(outside, path.join(folder, '.github'));
    const refused = await runCli(['init', '--skill'], folder);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /leads out of .+; init writes nothing there\.\n$/);
    assert.deepEqual(fs.readdirSync(outside), []);
    const usage = await runCli(['init', '--claude'], folder);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^competitor-scope: --claude goes with --skill\.\n/);
  });
});
