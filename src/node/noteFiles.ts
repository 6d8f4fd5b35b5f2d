import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NotesRule } from '../core/scope/notesRule';
import { SCOPE_FILE_NAMES } from '../core/scope/scopeModel';
import { isWithin } from './realPaths';

/** What a walk of the notes finds: paths '/'-separated and relative to its root, sorted. */
export interface FoundNotes {
  /** The notes the glob matches: their real paths are inside the root. */
  readonly notes: readonly string[];
  /** The links (to a note, or to a folder that may hold notes) whose real path is outside the root: not read, not walked. */
  readonly outside: readonly string[];
}

/**
 * The notes of the scope whose folder is `root`, as the rule says. The walk starts at the glob's fixed folder and
 * skips node_modules, dot-folders, folders the glob cannot match in and folders holding a scope file of their own
 * (a nested scope's notes are its own). It follows links whose real path stays inside the root, each folder once
 * (so a link loop cannot trap it), and reports the links out of it instead of following them.
 */
export function findNotes(root: string, rule: NotesRule): FoundNotes {
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
      else if (entry.isDirectory() && entersFolder(child, path.join(real, entry.name))) walk(child, path.join(real, entry.name));
      else if (entry.isFile() && rule.isNote(child)) notes.push(child);
    }
  };
  const followLink = (child: string) => {
    const isNote = rule.isNote(child);
    const real = inside(child, isNote || rule.entersFolder(child));
    if (real === undefined) return;
    const stat = statOf(real);
    if (stat?.isDirectory() && entersFolder(child, real)) walk(child, real);
    else if (stat?.isFile() && isNote) notes.push(child);
  };
  const entersFolder = (relative: string, real: string) =>
    rule.entersFolder(relative, () => SCOPE_FILE_NAMES.some((name) => statOf(path.join(real, name)) !== undefined));
  const base = rule.base;
  const realBase = inside(base, true);
  if (realBase !== undefined && (base === '' || entersFolder(base, realBase))) walk(base, realBase);
  return { notes: notes.sort(), outside: outside.sort() };
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
