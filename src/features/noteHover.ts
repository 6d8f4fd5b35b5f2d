import * as vscode from 'vscode';
import { teamMarkdown, toRange } from '../workspace/convert';
import { noteHover } from '../core/assist/noteHover';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { currentNote } from '../workspace/currentNote';

/** On an axis heading, what the axis asks and who answers it; on `product:`, the product and its coverage. */
export function registerNoteHover(roots: ScopeRoots): vscode.Disposable[] {
  const provider: vscode.HoverProvider = {
    provideHover(document, position) {
      const note = currentNote(roots, document);
      if (!note) return undefined;
      const { notes, analysis } = note;
      const hover = noteHover(
        analysis,
        notes.index.scope,
        position,
        (target) => notes.index.productCoverage(target),
        (section) => notes.index.evidence(analysis, section),
      );
      return hover && new vscode.Hover(teamMarkdown(hover.title, ...hover.paragraphs), toRange(hover.range));
    },
  };
  return [vscode.languages.registerHoverProvider({ language: 'markdown' }, provider)];
}
