import { parseCommandArgs } from '../node/commandArgs';
import { battlecardCategoryRefusal, battlecardOf } from '../core/matrix/indexMatrix';
import { plainLines } from '../core/printable';
import { battlecardToHtml, battlecardToMarkdown } from '../core/matrix/battlecardText';
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

export interface BattlecardOptions extends LoadOptions {
  readonly product: string;
  /** The category to compare in, by id or name: needed for a competitor in several. */
  readonly category?: string;
  readonly format: 'markdown' | 'html';
  readonly output?: string;
}

/** `battlecard PRODUCT [FOLDER] [--category ID] [--scope FILE] [--format markdown|html] [--output FILE] [--as-of DAY] [--no-git]`, as options. */
export function parseBattlecardArgs(args: readonly string[], cwd: string): BattlecardOptions {
  const { values, positionals } = parseCommandArgs(args, {
    ...WORKSPACE_OPTIONS,
    ...OUTPUT_OPTION,
    format: { type: 'string', default: 'markdown' },
    category: { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('battlecard needs a product: its id, name or an alias.');
  if (positionals.length > 2) throw new UsageError(`battlecard takes a product and one folder, not ${positionals.length} arguments.`);
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'html') throw new UsageError(`--format must be markdown or html, not "${format}".`);
  return {
    ...workspaceOptions(values, positionals.slice(1), cwd),
    ...outputOption(values.output, cwd),
    ...(values.category !== undefined ? { category: values.category } : {}),
    product: positionals[0],
    format,
  };
}

/** One competitor's battlecard against the scope's subject, as the editor exports it. Exit 2 for an unknown product or an invalid scope. */
export async function battlecard(options: BattlecardOptions): Promise<CommandResult> {
  const workspace = await loadWorkspace(options);
  if (!workspace.ok) return { stdout: '', stderr: invalidScopeLines(options.folder, workspace), exitCode: 2 };
  const warnings = outsideWarnings(workspace);
  const { scope } = workspace.index;
  const refusal = battlecardCategoryRefusal(scope, options.product, options.category, '--category');
  const card = refusal ? { ok: false as const, message: refusal } : battlecardOf(workspace.index, options.product, options.category);
  if (!card.ok) return { stdout: '', stderr: `${warnings}${plainLines([`competitor-scope: ${card.message}`])}`, exitCode: 2 };
  return {
    stdout: options.format === 'html' ? battlecardToHtml(card.value) : battlecardToMarkdown(card.value),
    stderr: warnings,
    exitCode: 0,
  };
}
