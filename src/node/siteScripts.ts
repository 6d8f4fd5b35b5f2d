import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from './packageRoot';

/** MiniSearch's browser build as text: scripts/build.mjs puts it in the command line's bundle. */
declare const MINISEARCH_SCRIPT: string | undefined;

/** The search library the site's index page loads; read from node_modules when run from the compiled sources (tests). */
export function minisearchScript(): string {
  if (typeof MINISEARCH_SCRIPT === 'string') return MINISEARCH_SCRIPT;
  return fs.readFileSync(path.join(packageRoot(), 'node_modules', 'minisearch', 'dist', 'umd', 'index.js'), 'utf8');
}
