import * as fs from 'node:fs';
import * as path from 'node:path';
import { Glob } from '../core/glob';

/**
 * The notes under `root` that the glob matches, '/'-separated and relative to `root`, sorted. The walk starts at
 * the glob's fixed folder and skips node_modules, dot-folders and links (so a link loop cannot trap it).
 */
export function findNotes(root: string, pattern: string): string[] {
  const glob = new Glob(pattern);
  const found: string[] = [];
  const walk = (relative: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(child);
      else if (entry.isFile() && glob.matches(child)) found.push(child);
    }
  };
  walk(glob.base);
  return found.sort();
}
