import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeNote } from '../core/notes/decodeNote';
import { NoteIndex } from '../core/notes/noteIndex';
import { SCOPE_FILE_NAME } from '../core/scopeModel';
import { parseScope } from '../core/scopeParser';
import { buildReport, formatJson, formatText, scopeProblemsReport, unanswered, type CheckReport } from './checkReport';
import { findNotes } from './noteFiles';
import { defaultScopePath } from './packageRoot';
import { UsageError } from './usage';

export interface CheckOptions {
  readonly folder: string;
  readonly scope?: string;
  readonly format: 'text' | 'json';
  readonly maxMissing: number;
}

/** `check [FOLDER] [--scope FILE] [--format text|json] [--max-missing N]`, as options. */
export function parseCheckArgs(args: readonly string[], cwd: string): CheckOptions {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { scope: { type: 'string' }, format: { type: 'string', default: 'text' }, 'max-missing': { type: 'string', default: '0' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new UsageError(`check takes one folder, not ${positionals.length}.`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}".`);
  const maxMissing = Number(values['max-missing']);
  if (!/^\d+$/.test(values['max-missing'] ?? '') || !Number.isSafeInteger(maxMissing)) {
    throw new UsageError(`--max-missing must be a whole number of axes, not "${values['max-missing']}".`);
  }
  return {
    folder: path.resolve(cwd, positionals[0] ?? '.'),
    ...(values.scope !== undefined ? { scope: path.resolve(cwd, values.scope) } : {}),
    format: values.format,
    maxMissing,
  };
}

/** Checks a folder's notes against its scope: the printed report and the exit code. */
export function check(options: CheckOptions): { output: string; exitCode: number } {
  if (!isDirectory(options.folder)) throw new UsageError(`${options.folder} is not a folder.`);
  const { scopePath, notesRoot } = locateScope(options);
  const shown = (file: string) => {
    const relative = path.relative(options.folder, file);
    return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
  };
  const parsed = parseScope(fs.readFileSync(scopePath, 'utf8'));
  if (!parsed.ok) return { output: format(scopeProblemsReport(shown(scopePath), parsed.problems), options), exitCode: 2 };

  const index = new NoteIndex(parsed.scope);
  for (const note of findNotes(notesRoot, parsed.scope.notes)) {
    const decoded = readNote(path.join(notesRoot, note));
    if (decoded.ok) index.setNote(note, decoded.text);
    else index.setUnreadable(note, decoded.reason);
  }
  const shownNotes = new Map<string, string>();
  const shownNote = (note: string) => {
    let shownPath = shownNotes.get(note);
    if (shownPath === undefined) shownNotes.set(note, (shownPath = shown(path.join(notesRoot, note))));
    return shownPath;
  };
  const report = buildReport(shown(scopePath), index, shownNote);
  return { output: format(report, options), exitCode: unanswered(report.summary) > options.maxMissing ? 1 : 0 };
}

/** --scope, else FOLDER/competitor-scope.yaml, else the built-in default (whose notes are FOLDER's). */
function locateScope(options: CheckOptions): { scopePath: string; notesRoot: string } {
  if (options.scope !== undefined) {
    if (!fs.existsSync(options.scope)) throw new UsageError(`The scope file ${options.scope} does not exist.`);
    return { scopePath: options.scope, notesRoot: path.dirname(options.scope) };
  }
  const inFolder = path.join(options.folder, SCOPE_FILE_NAME);
  if (fs.existsSync(inFolder)) return { scopePath: inFolder, notesRoot: options.folder };
  return { scopePath: defaultScopePath(), notesRoot: options.folder };
}

function readNote(file: string): ReturnType<typeof decodeNote> {
  try {
    return decodeNote(fs.readFileSync(file));
  } catch (error) {
    return { ok: false, reason: `it cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

function format(report: CheckReport, options: CheckOptions): string {
  return options.format === 'json' ? formatJson(report) : formatText(report, options.maxMissing);
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
