import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { tempFolder } from './helpers';
import { SCOPE_YAML } from './noteFixtures';

/** A git repository in a temporary folder, with the test scope (every answer fresh for 100 days). */
export interface TestRepository {
  readonly folder: string;
  write(file: string, text: string | Uint8Array): void;
  /** Commits every change, authored and committed at noon UTC of `day`. */
  commit(day: string): void;
  git(args: readonly string[]): string;
}

export function gitRepository(): TestRepository {
  const folder = tempFolder({ 'competitor-scope.yaml': SCOPE_YAML.replace('categories:\n', 'freshness: 100\ncategories:\n') });
  const git = (args: readonly string[], day = '2024-01-01') => {
    const date = `${day}T12:00:00+00:00`;
    return execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
      cwd: folder,
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      maxBuffer: 64 * 1024 * 1024,
    }).toString('utf8');
  };
  git(['init', '-q', '-b', 'main']);
  const write = (file: string, text: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), text);
  };
  return { folder, write, commit: (day) => (git(['add', '-A']), git(['commit', '-q', '--allow-empty', '-m', day], day)), git };
}

export const NOTE = `# Django

## Architecture guidance and opinionation

Batteries included, see [docs](https://docs.example.com/arch).

## Auth, security, and rate limiting

Sessions and CSRF.
`;

export interface CheckedAxis {
  axis: string;
  status: string;
  sources: number;
  asOf: string | null;
  asOfFrom: string | null;
  stale: boolean;
}

export interface CheckRun {
  code: number;
  stderr: string;
  products: { product: string; axes: CheckedAxis[] }[];
  summary: Record<string, number>;
  findings: { code: string; file: string; line: number; message: string }[];
}

/** `check FOLDER --format json` through the command line's main(), with `options` after it. */
export async function checkJson(folder: string, ...options: string[]): Promise<CheckRun & { axesOf(product: string): CheckedAxis[] }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['check', folder, '--format', 'json', '--max-missing', '99', ...options], folder, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  const report = JSON.parse(stdout) as CheckRun;
  const axesOf = (product: string) => report.products.find((p) => p.product === product)?.axes ?? [];
  return { ...report, code, stderr, axesOf };
}
