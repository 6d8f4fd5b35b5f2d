import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../core/matrix/exportFormats';
import { matrixOfIndex } from '../core/matrix/indexMatrix';
import { printOrWrite } from './outputFile';
import { UsageError } from '../node/usageError';
import {
  invalidScopeLines,
  loadWorkspace,
  outsideWarnings,
  WORKSPACE_OPTIONS,
  workspaceOptions,
  type LoadOptions,
} from '../node/workspace';

export interface MatrixOptions extends LoadOptions {
  readonly format: ExportFormat;
  readonly output?: string;
}

/** `matrix [FOLDER] [--scope FILE] [--format markdown|csv|html] [--output FILE]`, as options. */
export function parseMatrixArgs(args: readonly string[], cwd: string): MatrixOptions {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...WORKSPACE_OPTIONS, format: { type: 'string', default: 'markdown' }, output: { type: 'string', short: 'o' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new UsageError(`matrix takes one folder, not ${positionals.length}.`);
  const format = values.format ?? 'markdown';
  if (!isExportFormat(format)) throw new UsageError(`--format must be markdown, csv or html, not "${format}".`);
  return {
    ...workspaceOptions(values, positionals, cwd),
    format,
    ...(values.output !== undefined ? { output: path.resolve(cwd, values.output) } : {}),
  };
}

/** The comparison matrix of a folder's notes, as the editor's export writes it. Exit 2 for an invalid scope file. */
export async function matrix(options: MatrixOptions): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const workspace = await loadWorkspace(options);
  if (!workspace.ok) return { stdout: '', stderr: invalidScopeLines(options.folder, workspace), exitCode: 2 };
  const text = EXPORT_FORMATS[options.format].render(matrixOfIndex(workspace.index));
  return printOrWrite(text, options.output, options.folder, outsideWarnings(workspace));
}
