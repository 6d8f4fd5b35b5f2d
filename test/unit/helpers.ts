import * as path from 'node:path';

/** The project's root, from out/test/unit. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Runs `action` and fails when it takes longer than `ms`: bad input must not block the editor. */
export function fast<T>(ms: number, action: () => T): T {
  const start = performance.now();
  const result = action();
  const took = performance.now() - start;
  if (took >= ms) throw new Error(`took ${took.toFixed(0)} ms, more than ${ms} ms`);
  return result;
}
