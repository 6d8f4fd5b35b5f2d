import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The folder of the package: the nearest one above this file that has package.json and the embedded
 * scope (dist/cli.js in the bundle, out/src/cli/*.js in tests).
 */
export function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'scope', 'competitor-scope.yaml'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the competitor-scope package above ${from}.`);
  }
}

export function defaultScopePath(): string {
  return path.join(packageRoot(), 'scope', 'competitor-scope.yaml');
}

export function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}
