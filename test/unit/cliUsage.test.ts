import * as assert from 'node:assert/strict';
import { runCli } from './cliRun';

describe('competitor-scope: usage errors and help', () => {
  it('says a usage error in one line with balanced quotes, then points to the help of the command', async () => {
    const cases: [string[], RegExp, string][] = [
      [['lint'], /^competitor-scope: Unknown command "lint"\.$/, 'competitor-scope help'],
      [[], /^competitor-scope: Name a command\.$/, 'competitor-scope help'],
      [['check', '--bogus'], /^competitor-scope: Unknown option "--bogus"\.$/, 'competitor-scope help check'],
      [['battlecard', '-x', 'Django'], /^competitor-scope: Unknown option "-x"\.$/, 'competitor-scope help battlecard'],
      [['matrix', '--format'], /^competitor-scope: --format needs a value\.$/, 'competitor-scope help matrix'],
      [['brief', '--gaps=yes'], /^competitor-scope: --gaps takes no value\.$/, 'competitor-scope help brief'],
      [
        ['check', '--max-missing', '-1'],
        /^competitor-scope: --max-missing needs a value; .*--max-missing=-1\.$/,
        'competitor-scope help check',
      ],
      [['battlecard'], /^competitor-scope: battlecard needs a product/, 'competitor-scope help battlecard'],
    ];
    for (const [argv, message, help] of cases) {
      const { code, stdout, stderr } = await runCli(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stdout, '');
      const lines = stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2, `${argv.join(' ')}: ${stderr}`);
      assert.match(lines[0], message);
      assert.equal(lines[1], `Run "${help}" for the usage.`);
      for (const line of lines) assert.equal((line.match(/"/g) ?? []).length % 2, 0, `balanced quotes: ${line}`);
    }
  });

  it('prints one command’s help with help COMMAND, and the whole help with help alone', async () => {
    const check = await runCli(['help', 'check']);
    assert.equal(check.code, 0);
    assert.match(check.stdout, /^Usage: competitor-scope check /);
    assert.match(check.stdout, /--max-missing N/);
    assert.doesNotMatch(check.stdout, /battlecard|--gaps/);
    const all = await runCli(['help']);
    assert.equal(all.code, 0);
    for (const command of ['init', 'check', 'matrix', 'battlecard', 'brief', 'import', 'mcp']) {
      assert.match(all.stdout, new RegExp(`\\n  ${command} `));
    }
    assert.equal(all.stdout, (await runCli(['--help'])).stdout);
    const unknown = await runCli(['help', 'lint']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^competitor-scope: Unknown command "lint"\.\nRun "competitor-scope help" for the usage\.\n$/);
  });
});
