import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../core/matrix/exportFormats';
import { buildMatrix } from '../core/matrix/matrixModel';
import { UsageError } from './usage';
import { invalidScopeLines, loadWorkspace, shownPath } from './workspace';

export interface MatrixOptions {
  readonly folder: string;
  readonly scope?: string;
  readonly format: ExportFormat;
  readonly output?: string;
}

/** `matrix [FOLDER] [--scope FILE] [--format markdown|csv|html] [--output FILE]`, as options. */
export function parseMatrixArgs(args: readonly string[], cwd: string): MatrixOptions {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { scope: { type: 'string' }, format: { type: 'string', default: 'markdown' }, output: { type: 'string', short: 'o' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new UsageError(`matrix takes one folder, not ${positionals.length}.`);
  const format = values.format ?? 'markdown';
  if (!isExportFormat(format)) throw new UsageError(`--format must be markdown, csv or html, not "${format}".`);
  return {
    folder: path.resolve(cwd, positionals[0] ?? '.'),
    ...(values.scope !== undefined ? { scope: path.resolve(cwd, values.scope) } : {}),
    format,
    ...(values.output !== undefined ? { output: path.resolve(cwd, values.output) } : {}),
  };
}

/** The comparison matrix of a folder's notes, as the editor's export writes it. Exit 2 for an invalid scope file. */
export function matrix(options: MatrixOptions): { stdout: string; stderr: string; exitCode: number } {
  const workspace = loadWorkspace(options.folder, options.scope);
  if (!workspace.ok) return { stdout: '', stderr: invalidScopeLines(options.folder, workspace), exitCode: 2 };
  const { index } = workspace;
  const text = EXPORT_FORMATS[options.format].render(buildMatrix(index.scope, [...index.subjectCoverage(), ...index.coverage()]));
  if (options.output === undefined) return { stdout: text, stderr: '', exitCode: 0 };
  fs.writeFileSync(options.output, text);
  return { stdout: '', stderr: `Wrote ${shownPath(options.folder, options.output)}\n`, exitCode: 0 };
}
