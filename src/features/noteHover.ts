import * as vscode from 'vscode';
import { escapeMarkdown, teamMarkdown, toRange } from '../workspace/convert';
import type { NoteAnalysis } from '../core/notes/noteAnalyzer';
import { productOf, type Scope } from '../core/scope/scopeModel';
import { ANSWER_HISTORY_COMMAND, type AnswerHistoryTarget } from '../workspace/commandIds';
import { noteHover } from '../core/assist/noteHover';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { currentNote } from '../workspace/currentNote';

/**
 * On an axis heading, what the axis asks and who answers it, and where git can tell, a link to the answer's history;
 * on `product:`, the product and its coverage.
 */
export function registerNoteHover(roots: ScopeRoots, withHistory: boolean): vscode.Disposable[] {
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
      if (!hover) return undefined;
      const links = withHistory && vscode.workspace.isTrusted ? historyLinks(document.uri, analysis, notes.index.scope, position) : [];
      return new vscode.Hover([teamMarkdown(hover.title, ...hover.paragraphs), ...links], toRange(hover.range));
    },
  };
  return [vscode.languages.registerHoverProvider({ language: 'markdown' }, provider)];
}

/** On an axis heading, a command link to the history of each answer it gives (one per product of a comparison note). */
function historyLinks(note: vscode.Uri, analysis: NoteAnalysis, scope: Scope, position: vscode.Position): vscode.MarkdownString[] {
  const section = analysis.sections.find((s) => toRange(analysis.parsed.headings[s.headingIndex].range).contains(position));
  if (!section) return [];
  const targets = analysis.targets.filter((target) => target.categoryId === section.categoryId);
  return targets.map((target) => {
    const argument: AnswerHistoryTarget = { note: note.toString(), ...target, axisId: section.axisId };
    const named = targets.length > 1 ? ` for ${escapeMarkdown(productOf(scope, target)?.product.name ?? target.productId)}` : '';
    const link = new vscode.MarkdownString(
      `[History of this answer${named}](command:${ANSWER_HISTORY_COMMAND}?${encodeURIComponent(JSON.stringify([argument]))})`,
    );
    link.isTrusted = { enabledCommands: [ANSWER_HISTORY_COMMAND] };
    return link;
  });
}
