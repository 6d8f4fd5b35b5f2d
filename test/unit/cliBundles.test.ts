import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_HELP } from '../../src/cli/usage';
import { repoRoot } from './helpers';

// dist/cli.js holds `check` and `mcp`; the other commands come from dist/commands.js beside it when one runs.
describe('the built command line', () => {
  const cli = path.join(repoRoot, 'dist', 'cli.js');

  for (const command of Object.keys(COMMAND_HELP).filter((name) => name !== 'help')) {
    it(`runs ${command}, and points a mistake in its options to its help`, () => {
      assert.ok(fs.existsSync(cli), 'npm run build makes dist/cli.js');
      const run = spawnSync(process.execPath, [cli, command, '--no-such-option'], { encoding: 'utf8', timeout: 30_000 });
      assert.equal(
        run.stderr,
        `competitor-scope: Unknown option "--no-such-option".\nRun "competitor-scope help ${command}" for the usage.\n`,
      );
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
    });
  }
});
