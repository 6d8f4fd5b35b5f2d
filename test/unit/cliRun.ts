import { main } from '../../src/cli/main';
import { repoRoot } from './helpers';

/** Runs the command line in-process: exit code and what it printed. */
export async function runCli(argv: readonly string[], cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, cwd, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A scope file for Lumen Search against vector databases (their products given as YAML), and `more` categories. */
export function vectorScope(products: string, more = ''): string {
  return `version: 1
title: Vector search
subject: Lumen Search
notes: research/**/*.md
categories:
  - id: vector-db
    name: Managed vector databases
    goal: Pick a vector database.
    products: ${products}
    axes: [{ name: Latency }, { name: Pricing }]
${more}`;
}

/** A section answering the axis, dated and sourced. */
export function sourcedAnswer(axis: string): string {
  return `## ${axis}\n\nAs of 2025-05-01: fine, per https://example.com/${axis.toLowerCase()}.\n`;
}
