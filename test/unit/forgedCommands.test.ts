import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { tempFolder } from './helpers';

/** Runs the command line in `cwd`: exit code and the physical lines it printed on stdout and stderr. */
async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, cwd, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  // Split as GitHub's runner reads a log: at \n, \r and \r\n.
  return { code, stdout: stdout.split(/\r\n|\r|\n/), stderr: stderr.split(/\r\n|\r|\n/) };
}

/** What GitHub's runner takes for a command: `::` at a line's start (after white space), or `##[` anywhere. */
const COMMAND = /^\s*::|##\[/;
/** The annotations `check --format github` means to print: one finding, every property and the message escaped. */
const ANNOTATION = /^::(error|warning|notice) file=[^,:\r\n]*,line=\d+,col=\d+,title=competitor-scope [a-z-]+::[^\r\n]*$/;

function assertNoCommand(lines: readonly string[], what: string): void {
  for (const line of lines) assert.doesNotMatch(line, COMMAND, `${what}: ${line}`);
}

const scope = (notes: string) =>
  `version: 1\ntitle: T\nnotes: ${JSON.stringify(notes)}\ncategories:\n  - name: Web\n    goal: G\n    products: [{ name: Django }]\n    axes: [{ name: Pricing }]\n`;

describe('what the command line prints cannot forge a CI command', () => {
  it('refuses a notes glob holding a control character, at its value, and prints it escaped', async () => {
    const folder = tempFolder({ 'competitor-scope.yaml': scope('research/*.md\n::error title=forged::pwned ##[error]forged') });
    const text = await run(folder, 'check', '.');
    assert.equal(text.code, 2);
    assertNoCommand([...text.stdout, ...text.stderr], 'text');
    assert.match(
      text.stdout[0],
      /^competitor-scope\.yaml:3:8: error invalid-scope "notes": the notes glob holds a control character \(\\n\)/,
    );

    const github = await run(folder, 'check', '.', '--format', 'github');
    assert.equal(github.code, 2);
    assert.match(github.stdout[0], /^::error file=competitor-scope\.yaml,line=3,col=8,title=competitor-scope invalid-scope::/);
    for (const line of github.stdout) if (/^\s*::/.test(line)) assert.match(line, ANNOTATION);
    assertNoCommand(github.stdout.slice(1), 'github, after the annotation');

    const matrix = await run(folder, 'matrix', '.');
    assert.equal(matrix.code, 2);
    assertNoCommand(matrix.stderr, 'matrix');
  });

  it('escapes control characters in note file names, in text and in annotations', async () => {
    const folder = tempFolder({ 'competitor-scope.yaml': scope('**/*.md') });
    const names = [
      'django\n::error title=forged::pwned.md',
      '::warning::forged.md',
      ' ::notice::forged.md',
      'a##[error]forged.md',
      'bell\u0007\u001b[31m.md',
    ];
    for (const name of names) fs.writeFileSync(path.join(folder, name), '# Notes\n');

    const text = await run(folder, 'check', '.');
    assert.equal(text.code, 1);
    assertNoCommand([...text.stdout, ...text.stderr], 'text');
    const files = text.stdout.filter((l) => l.includes(' unlinked-note ')).map((l) => l.slice(0, l.indexOf(':1:1: ')));
    assert.deepEqual(
      files.sort(),
      [
        './ ::notice::forged.md',
        './::warning::forged.md',
        'a##\\u005b' + 'error]forged.md',
        'bell\\u0007\\u001b[31m.md',
        'django\\n::error title=forged::pwned.md',
      ].sort(),
    );

    const github = await run(folder, 'check', '.', '--format', 'github');
    assert.equal(github.code, 1);
    const annotations = github.stdout.filter((l) => /^\s*::/.test(l));
    assert.equal(annotations.length, names.length + 1, 'a finding for each note, and one for the product without a note');
    for (const line of annotations) assert.match(line, ANNOTATION);
    assert.ok(
      annotations.some((l) => l.startsWith('::notice file=django\\n%3A%3Aerror title=forged%3A%3Apwned.md,line=1,col=1,')),
      annotations.join('\n'),
    );
    assertNoCommand(
      github.stdout.filter((l) => !annotations.includes(l)),
      'github, besides the annotations',
    );
  });

  it('escapes what it says of the command line and of a document on stderr', async () => {
    const folder = tempFolder({
      'scope.md': '# T\n\n## Web\n\n**Goal:** G\n\n**Axes:**\n\n- Pricing\n\n### x ##[error]forged \u001b[2J\n',
    });
    const missing = await run(folder, 'check', 'no such\n::error::forged');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr[0], /no such\\n::error::forged is not a folder\./);
    assertNoCommand(missing.stderr, 'usage error');

    const imported = await run(folder, 'import', 'scope.md');
    assert.equal(imported.code, 0);
    assert.match(imported.stderr.join('\n'), /the heading "x ##\\u005berror\]forged \\u001b\[2J"/);
    assertNoCommand(imported.stderr, 'import');
  });
});
