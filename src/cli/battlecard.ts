import { parseCommandArgs } from '../node/commandArgs';
import { battlecardOf } from '../core/matrix/indexMatrix';
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

export interface BattlecardOptions extends LoadOptions {
  readonly product: string;
  readonly format: 'markdown' | 'html';
}

/** `battlecard PRODUCT [FOLDER] [--scope FILE] [--format markdown|html] [--as-of DAY] [--no-git]`, as options. */
export function parseBattlecardArgs(args: readonly string[], cwd: string): BattlecardOptions {
  const { values, positionals } = parseCommandArgs(args, { ...WORKSPACE_OPTIONS, format: { type: 'string', default: 'markdown' } });
  if (positionals.length === 0) throw new UsageError('battlecard needs a product: its id, name or an alias.');
  if (positionals.length > 2) throw new UsageError(`battlecard takes a product and one folder, not ${positionals.length} arguments.`);
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'html') throw new UsageError(`--format must be markdown or html, not "${format}".`);
  return {
    ...workspaceOptions(values, positionals.slice(1), cwd),
    product: positionals[0],
    format,
  };
}

/** One competitor's battlecard against the scope's subject, as the editor exports it. Exit 2 for an unknown product or an invalid scope. */
export async function battlecard(options: BattlecardOptions): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const workspace = await loadWorkspace(options);
  if (!workspace.ok) return { stdout: '', stderr: invalidScopeLines(options.folder, workspace), exitCode: 2 };
  const card = battlecardOf(workspace.index, options.product);
  const warnings = outsideWarnings(workspace);
  if (!card.ok) return { stdout: '', stderr: `${warnings}${plainLines([`competitor-scope: ${card.message}`])}`, exitCode: 2 };
  return {
    stdout: options.format === 'html' ? battlecardToHtml(card.value) : battlecardToMarkdown(card.value),
    stderr: warnings,
    exitCode: 0,
  };
}
