import * as fs from 'node:fs';
import * as path from 'node:path';
import { Glob } from '../core/scope/glob';
import { isWithin } from './realPaths';

/** What a walk of the notes finds: paths '/'-separated and relative to its root, sorted. */
export interface FoundNotes {
  /** The notes the glob matches: their real paths are inside the root. */
  readonly notes: readonly string[];
  /** The links (to a note, or to a folder that may hold notes) whose real path is outside the root: not read, not walked. */
  readonly outside: readonly string[];
}

/**
 * The notes under `root` that the glob matches. The walk starts at the glob's fixed folder and skips node_modules,
 * dot-folders and folders the glob cannot match in. It follows links whose real path stays inside the root, each
 * folder once (so a link loop cannot trap it), and reports the links out of it instead of following them.
 */
export function findNotes(root: string, pattern: string): FoundNotes {
  const glob = new Glob(pattern);
  const realRoot = fs.realpathSync(root);
  const notes: string[] = [];
  const outside: string[] = [];
  const walked = new Set<string>();
  /** The real path of `relative` when it is inside the root; reports it (if it may hold a note) when it is not. */
  const inside = (relative: string, mayHoldNote: boolean): string | undefined => {
    let real: string;
    try {
      real = fs.realpathSync(path.join(root, relative));
    } catch {
      return undefined; // gone, or a link to nothing
    }
    if (isWithin(realRoot, real)) return real;
    if (mayHoldNote) outside.push(relative);
    return undefined;
  };
  const walk = (relative: string, real: string) => {
    if (walked.has(real)) return;
    walked.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(real, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) followLink(child);
      else if (entry.isDirectory() && entry.name !== 'node_modules' && glob.mayHold(child)) walk(child, path.join(real, entry.name));
      else if (entry.isFile() && glob.matches(child)) notes.push(child);
    }
  };
  const followLink = (child: string) => {
    const isNote = glob.matches(child);
    const real = inside(child, isNote || glob.mayHold(child));
    if (real === undefined) return;
    const stat = statOf(real);
    if (stat?.isDirectory() && glob.mayHold(child)) walk(child, real);
    else if (stat?.isFile() && isNote) notes.push(child);
  };
  const base = glob.base;
  const realBase = inside(base, true);
  if (realBase !== undefined) walk(base, realBase);
  return { notes: notes.sort(), outside: outside.sort() };
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
