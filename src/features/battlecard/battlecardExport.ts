import * as vscode from 'vscode';
import { BATTLECARD_FORMATS, battlecardToMarkdown, type BattlecardFormat } from '../../core/matrix/battlecardText';
import type { Battlecard } from '../../core/matrix/battlecard';
import { pickFormat, saveExport } from '../../workspace/exportFile';
import type { ScopeRef } from '../../workspace/noteNavigation';
import { refOf, type Target } from '../../workspace/scopeNodes';

const TITLE = 'Export the Battlecard';

/** Where a battlecard can go: a Markdown or HTML file in the workspace, or the clipboard as Markdown. */
const DESTINATIONS: Readonly<Record<BattlecardFormat | 'clipboard', { label: string; description: string }>> = {
  ...BATTLECARD_FORMATS,
  clipboard: { label: 'Copy as Markdown', description: 'to the clipboard, to paste anywhere' },
};

const isDestination = (value: unknown): value is keyof typeof DESTINATIONS =>
  typeof value === 'string' && Object.hasOwn(DESTINATIONS, value);

/**
 * `competitorScope.exportBattlecard [product] [markdown|html|clipboard] [uri]`: the card of the product given,
 * else of the active battlecard panel, else of a competitor the user picks; the destination and the file are
 * asked unless given (the panel's buttons give the product; scripts and tests may give all three).
 */
export function registerBattlecardExport(
  cardOf: (ref: ScopeRef) => Battlecard | undefined,
  active: () => ScopeRef | undefined,
  pick: () => Promise<ScopeRef | undefined>,
  folder: (ref: ScopeRef) => vscode.Uri | undefined,
): vscode.Disposable[] {
  const exportCard = async (target?: Target, format?: unknown, uri?: unknown): Promise<vscode.Uri | string | undefined> => {
    const ref = target && typeof target === 'object' ? refOf(target) : (active() ?? (await pick()));
    const card = ref && typeof ref.categoryId === 'string' && typeof ref.productId === 'string' ? cardOf(ref) : undefined;
    if (!ref || !card) return undefined;
    const chosen = isDestination(format) ? format : await pickFormat(TITLE, DESTINATIONS);
    if (!chosen) return undefined;
    if (chosen === 'clipboard') {
      const markdown = battlecardToMarkdown(card);
      await vscode.env.clipboard.writeText(markdown);
      void vscode.window.showInformationMessage(`Copied the battlecard of ${card.product} as Markdown.`);
      return markdown;
    }
    const where = {
      title: TITLE,
      what: `the battlecard of ${card.product}`,
      fileName: `battlecard-${card.productId}`,
      folder: folder(ref),
    };
    return saveExport(where, BATTLECARD_FORMATS[chosen], card, uri);
  };
  return [vscode.commands.registerCommand('competitorScope.exportBattlecard', exportCard)];
}
