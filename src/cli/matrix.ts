import { parseCommandArgs } from '../node/commandArgs';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../core/matrix/exportFormats';
import { matrixOfIndex } from '../core/matrix/indexMatrix';
import { partOfMatrix } from '../core/matrix/matrixView';
import { findCategory } from '../core/notes/scopeLookup';
import { plainLines } from '../core/printable';
import { UsageError } from '../node/usageError';
import {
  invalidScopeLines,
  loadWorkspace,
  outsideWarnings,
  WORKSPACE_OPTIONS,
  workspaceOptions,
  type LoadOptions,
} from '../node/workspace';
import { OUTPUT_OPTION, outputOption, type CommandResult } from './output';

export interface MatrixOptions extends LoadOptions {
  readonly format: ExportFormat;
  readonly output?: string;
  /** One category's table only: its id or name. */
  readonly category?: string;
  /** Only the products and axes with a gap. */
  readonly gaps: boolean;
}

/** `matrix [FOLDER] [--scope FILE] [--format markdown|csv|html] [--category ID] [--gaps] [--output FILE]`, as options. */
export function parseMatrixArgs(args: readonly string[], cwd: string): MatrixOptions {
  const { values, positionals } = parseCommandArgs(args, {
    ...WORKSPACE_OPTIONS,
    ...OUTPUT_OPTION,
    format: { type: 'string', default: 'markdown' },
    category: { type: 'string' },
    gaps: { type: 'boolean', default: false },
  });
  if (positionals.length > 1) throw new UsageError(`matrix takes one folder, not ${positionals.length}.`);
  const format = values.format ?? 'markdown';
  if (!isExportFormat(format)) throw new UsageError(`--format must be markdown, csv or html, not "${format}".`);
  return {
    ...workspaceOptions(values, positionals, cwd),
    ...outputOption(values.output, cwd),
    ...(values.category !== undefined ? { category: values.category } : {}),
    format,
    gaps: values.gaps ?? false,
  };
}

/** The comparison matrix of a folder's notes, as the editor's export writes it. Exit 2 for an unknown category or an invalid scope file. */
export async function matrix(options: MatrixOptions): Promise<CommandResult> {
  const workspace = await loadWorkspace(options);
  if (!workspace.ok) return { stdout: '', stderr: invalidScopeLines(options.folder, workspace), exitCode: 2 };
  const warnings = outsideWarnings(workspace);
  const category = options.category === undefined ? undefined : findCategory(workspace.index.scope, options.category);
  if (category?.ok === false) {
    return { stdout: '', stderr: `${warnings}${plainLines([`competitor-scope: ${category.message}`])}`, exitCode: 2 };
  }
  const model = partOfMatrix(matrixOfIndex(workspace.index), { categoryId: category?.value.id, gapsOnly: options.gaps });
  const nothing =
    options.gaps && model.tables.length === 0 ? plainLines(['competitor-scope: no gap to show: every competitor answers every axis.']) : '';
  return { stdout: EXPORT_FORMATS[options.format].render(model), stderr: `${warnings}${nothing}`, exitCode: 0 };
}
