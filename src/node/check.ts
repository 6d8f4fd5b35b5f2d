import { parseCommandArgs } from './commandArgs';
import * as path from 'node:path';
import { buildReport, formatJson, formatText, scopeProblemsReport, unanswered, type CheckReport, type ReportFinding } from './checkReport';
import { filesFolder, filesToCheck, notesOfFiles, reportOnNotes } from './checkFiles';
import { formatGithub } from './githubFormat';
import { UsageError } from './usageError';
import { loadWorkspace, outsideMessage, scopeOption, shownPath, WORKSPACE_OPTIONS, workspaceOptions, type LoadOptions } from './workspace';

export interface CheckOptions extends LoadOptions {
  readonly format: 'text' | 'json' | 'github';
  readonly maxMissing: number;
  /** The current folder, where a workflow runs: GitHub's annotations name files relative to it. */
  readonly cwd?: string;
  /** Exit 1 when more answers than this are stale; no limit when absent. */
  readonly maxStale?: number;
  /** `check FILE…`: only these notes (absolute paths) are reported on; FOLDER is then their scope's folder. */
  readonly files?: readonly string[];
}

/** `check [FOLDER | FILE…] [--scope FILE] [--format text|json|github] [--max-missing N] [--max-stale N] [--as-of DAY] [--no-git]`, as options. */
export function parseCheckArgs(args: readonly string[], cwd: string): CheckOptions {
  const { values, positionals } = parseCommandArgs(args, {
    ...WORKSPACE_OPTIONS,
    format: { type: 'string', default: 'text' },
    'max-missing': { type: 'string', default: '0' },
    'max-stale': { type: 'string' },
  });
  const files = filesToCheck(positionals, cwd);
  if (values.format !== 'text' && values.format !== 'json' && values.format !== 'github') {
    throw new UsageError(`--format must be text, json or github, not "${values.format}".`);
  }
  const maxStale = values['max-stale'];
  const scope = scopeOption(values.scope, cwd).scope;
  return {
    ...workspaceOptions(values, files ? [filesFolder(files, scope, cwd)] : positionals, cwd),
    ...(files ? { files } : {}),
    format: values.format,
    maxMissing: wholeNumber('--max-missing', values['max-missing'] ?? '0', 'axes'),
    ...(maxStale !== undefined ? { maxStale: wholeNumber('--max-stale', maxStale, 'answers') } : {}),
    cwd,
  };
}

function wholeNumber(option: string, value: string, what: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) {
    throw new UsageError(`${option} must be a whole number of ${what}, not "${value}".`);
  }
  return number;
}

/** Checks a folder's notes against its scope: the printed report and the exit code. */
export async function check(options: CheckOptions): Promise<{ output: string; exitCode: number }> {
  const { report, exitCode } = await checkReport(options);
  return { output: format(report, options), exitCode };
}

/** The check's report, before it is printed in a format, and its exit code. */
export async function checkReport(options: CheckOptions): Promise<{ report: CheckReport; exitCode: number }> {
  const workspace = await loadWorkspace(options);
  const shown = (file: string) => shownPath(filesRelativeTo(options), file);
  if (!workspace.ok) return { report: scopeProblemsReport(shown(workspace.scopePath), workspace.problems), exitCode: 2 };

  const shownNotes = new Map<string, string>();
  const shownNote = (note: string) => {
    let shownPath = shownNotes.get(note);
    if (shownPath === undefined) shownNotes.set(note, (shownPath = shown(path.join(workspace.notesRoot, note))));
    return shownPath;
  };
  const notes = { glob: workspace.index.scope.notes, folder: options.folder, files: workspace.index.paths().length };
  const built = buildReport(shown(workspace.scopePath), notes, workspace.index, shownNote, options.format === 'json');
  const outside = workspace.outside.map((link): ReportFinding => ({
    file: shownNote(link),
    line: 1,
    column: 1,
    severity: 'warning',
    code: 'outside-folder',
    message: outsideMessage(link),
  }));
  const whole = { ...built, ...(workspace.builtin ? { builtinScope: true as const } : {}), findings: [...built.findings, ...outside] };
  const report = options.files
    ? reportOnNotes(whole, workspace.index, notesOfFiles(workspace, options.files, options.cwd ?? options.folder), shownNote)
    : whole;
  const tooStale = options.maxStale !== undefined && report.summary.stale > options.maxStale;
  return { report, exitCode: unanswered(report.summary) > options.maxMissing || tooStale ? 1 : 0 };
}

/**
 * Files are named relative to FOLDER; GitHub's annotations relative to the current folder (the repository's root,
 * in a workflow) when FOLDER is inside it, so that they land on the pull request's files for `check docs/research`.
 */
function filesRelativeTo(options: CheckOptions): string {
  return options.format === 'github' && options.cwd !== undefined ? annotationsRoot(options.folder, options.cwd) : options.folder;
}

/** The folder GitHub's annotations name files relative to: the current one when FOLDER is inside it, else FOLDER. */
export function annotationsRoot(folder: string, cwd: string): string {
  const relative = path.relative(cwd, folder);
  return relative.startsWith('..') || path.isAbsolute(relative) ? folder : cwd;
}

function format(report: CheckReport, options: CheckOptions): string {
  if (options.format === 'github') return formatGithub(report, options);
  return options.format === 'json' ? formatJson(report) : formatText(report, options);
}
