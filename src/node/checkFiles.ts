import * as fs from 'node:fs';
import * as path from 'node:path';
import { productSummary, totalSummary } from '../core/index/coverage';
import type { NoteIndex } from '../core/index/noteIndex';
import { NotesRule } from '../core/scope/notesRule';
import type { CheckReport } from './checkReport';
import { isWithin } from './realPaths';
import { UsageError } from './usageError';
import { isDirectory, scopeFolderOf, shownPath, type LoadedWorkspace } from './workspace';

/**
 * `check FILE…`'s files, absolute, when the arguments name files (a pre-commit hook passes the notes it commits);
 * undefined for `check [FOLDER]`. A folder among several arguments is a mistake, not a note.
 */
export function filesToCheck(positionals: readonly string[], cwd: string): string[] | undefined {
  const files = positionals.map((file) => path.resolve(cwd, file));
  if (files.length === 0 || (files.length === 1 && !isFile(files[0]))) return undefined;
  const folder = positionals.find((_, i) => isDirectory(files[i]));
  if (folder !== undefined) throw new UsageError(`${folder} is a folder: check takes one folder, or note files.`);
  return files;
}

/**
 * The folder whose notes are read for a check of files: the folder of the scope found from the first file's folder,
 * as for FOLDER; with --scope, the current folder, which its notes glob is resolved against.
 */
export function filesFolder(files: readonly string[], scope: string | undefined, cwd: string): string {
  return scope !== undefined ? cwd : scopeFolderOf(path.dirname(files[0]));
}

/**
 * The notes (relative to the scope's folder) that the files are. A file outside the scope's folder, or that is not
 * one of its notes, is refused, one line each: a pre-commit hook that passed it expects it checked.
 */
export function notesOfFiles(workspace: Extract<LoadedWorkspace, { ok: true }>, files: readonly string[], cwd: string): string[] {
  const root = fs.realpathSync(workspace.notesRoot);
  const rule = new NotesRule(workspace.index.scope);
  const known = new Set(workspace.index.paths());
  const notes: string[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const shown = shownPath(cwd, file);
    const real = realPath(file);
    // Named as the walk of the notes names it: a link by its own name, its folder by its real path.
    const note = path
      .relative(root, path.join(realPath(path.dirname(file)) ?? '', path.basename(file)))
      .split(path.sep)
      .join('/');
    if (real === undefined) problems.push(`${shown} does not exist.`);
    else if (!isFile(real)) problems.push(`${shown} is not a file.`);
    else if (!isWithin(root, real) || note.startsWith('../') || path.isAbsolute(note)) {
      problems.push(`${shown} is outside the scope's folder, ${workspace.notesRoot}.`);
    } else if (!rule.isNote(note)) {
      problems.push(`${shown} is not a note of the scope: its notes glob "${rule.pattern}" does not match it, or an exclude glob does.`);
    } else if (!known.has(note)) {
      problems.push(
        `${shown} is not read as a note of this scope: a dot-folder, node_modules or a folder with a scope file of its own holds it.`,
      );
    } else notes.push(note);
  }
  if (problems.length > 0) throw new UsageError(problems.join(' '), problems);
  return notes;
}

/**
 * The report of a check of some notes only: their findings, and their products (each with all its notes, so that an
 * axis answered in another note counts) in the products and the summary. What only the whole set of notes can tell
 * (a product with no note, on the scope file) is left out.
 */
export function reportOnNotes(
  report: CheckReport,
  index: NoteIndex,
  notes: readonly string[],
  shownNote: (note: string) => string,
): CheckReport {
  const given = new Set(notes);
  const shown = new Set(notes.map(shownNote));
  const about = (productNotes: readonly string[], names: ReadonlySet<string>) => productNotes.some((note) => names.has(note));
  return {
    ...report,
    notes: report.notes && { ...report.notes, files: notes.length },
    products: report.products.filter((product) => about(product.notes, shown)),
    findings: report.findings.filter((finding) => shown.has(finding.file)),
    summary: totalSummary(
      index
        .coverage()
        .filter((product) => about(product.notes, given))
        .map(productSummary),
    ),
  };
}

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
