import { parseArgs } from 'node:util';
import { buildMatrix } from '../core/matrix/matrixModel';
import { ProductMatcher } from '../core/notes/productMatcher';
import { plainLines } from '../core/printable';
import { buildBattlecard } from '../core/matrix/battlecard';
import { battlecardToHtml, battlecardToMarkdown } from '../core/matrix/battlecardText';
import { UsageError } from '../node/usageError';
import { invalidScopeLines, loadWorkspace, outsideWarnings, WORKSPACE_OPTIONS, workspaceOptions, type LoadOptions } from '../node/workspace';

export interface BattlecardOptions extends LoadOptions {
  readonly product: string;
  readonly format: 'markdown' | 'html';
}

/** `battlecard PRODUCT [FOLDER] [--scope FILE] [--format markdown|html] [--as-of DAY] [--no-git]`, as options. */
export function parseBattlecardArgs(args: readonly string[], cwd: string): BattlecardOptions {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...WORKSPACE_OPTIONS, format: { type: 'string', default: 'markdown' } },
    allowPositionals: true,
    strict: true,
  });
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
  const { index } = workspace;
  const link = new ProductMatcher(index.scope).match(options.product, undefined, '');
  const target = link.kind === 'front-matter' ? link.targets[0] : undefined;
  const model = buildMatrix(index.scope, [...index.subjectCoverage(), ...index.coverage()]);
  const card = target && buildBattlecard(index.scope, model, target.categoryId, target.productId);
  const warnings = outsideWarnings(workspace);
  if (!card) return { stdout: '', stderr: `${warnings}${plainLines([`competitor-scope: "${options.product}" is not a competitor in the scope.`])}`, exitCode: 2 };
  return { stdout: options.format === 'html' ? battlecardToHtml(card) : battlecardToMarkdown(card), stderr: warnings, exitCode: 0 };
}
