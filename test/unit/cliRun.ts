import { main } from '../../src/cli/main';
import { repoRoot } from './helpers';

/** Runs the command line in-process: exit code and what it printed. */
export async function runCli(argv: readonly string[], cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, cwd, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
