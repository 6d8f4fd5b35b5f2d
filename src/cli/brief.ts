import { parseCommandArgs } from '../node/commandArgs';
import { briefSubject, researchBrief } from '../core/brief/researchBrief';
import { plainLines } from '../core/printable';
import { UsageError } from '../node/usageError';
import { OUTPUT_OPTION, outputOption } from './output';
import { loadWorkspace, outsideWarnings, shownPath, WORKSPACE_OPTIONS, workspaceOptions, type LoadOptions } from '../node/workspace';

export interface BriefOptions extends LoadOptions {
  readonly product?: string;
  readonly category?: string;
  readonly gaps: boolean;
  readonly output?: string;
}

/** `brief PRODUCT [FOLDER]`, `brief --category ID [FOLDER]`, `brief --gaps [FOLDER]` (each with --scope, --as-of, --no-git, --output), as options. */
export function parseBriefArgs(args: readonly string[], cwd: string): BriefOptions {
  const { values, positionals } = parseCommandArgs(args, {
    ...WORKSPACE_OPTIONS,
    ...OUTPUT_OPTION,
    category: { type: 'string' },
    gaps: { type: 'boolean', default: false },
  });
  const byProduct = !values.gaps && values.category === undefined;
  if (byProduct && positionals.length === 0) throw new UsageError('brief takes a product, --category ID or --gaps.');
  const [product, folder, ...rest] = byProduct ? positionals : [undefined, ...positionals];
  if (rest.length > 0) throw new UsageError(`brief takes ${byProduct ? 'a product and ' : ''}one folder, not ${rest.length + 1} folders.`);
  return {
    ...workspaceOptions(values, folder === undefined ? [] : [folder], cwd),
    ...outputOption(values.output, cwd),
    ...(product !== undefined ? { product } : {}),
    ...(values.category !== undefined ? { category: values.category } : {}),
    gaps: values.gaps ?? false,
  };
}

/** The research brief of a folder's notes, as the editor's command writes it. Exit 2 for an unknown name or an invalid scope file. */
export async function brief(options: BriefOptions): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const workspace = await loadWorkspace(options);
  if (!workspace.ok) {
    return {
      stdout: '',
      stderr: plainLines([`${shownPath(options.folder, workspace.scopePath)}: the scope file is invalid; run check for its problems.`]),
      exitCode: 2,
    };
  }
  const warnings = outsideWarnings(workspace);
  const subject = briefSubject(workspace.index, options);
  if (!subject.ok) return { stdout: '', stderr: `${warnings}${plainLines([`competitor-scope: ${subject.message}`])}`, exitCode: 2 };
  return { stdout: researchBrief(workspace.index, subject.value), stderr: warnings, exitCode: 0 };
}
