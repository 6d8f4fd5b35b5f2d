import * as vscode from 'vscode';
import { teamMarkdown, toRange } from '../workspace/convert';
import { noteHover } from '../core/assist/noteHover';
import type { NoteWorkspace } from '../workspace/noteWorkspace';
import { currentNote } from './currentNote';

/** On an axis heading, what the axis asks and who answers it; on `product:`, the product and its coverage. */
export function registerNoteHover(notes: NoteWorkspace): vscode.Disposable[] {
  const provider: vscode.HoverProvider = {
    provideHover(document, position) {
      const analysis = currentNote(notes, document);
      const hover = analysis && noteHover(analysis, notes.index.scope, position, (target) => notes.index.productCoverage(target), (section) => notes.index.evidence(analysis, section));
      return hover && new vscode.Hover(teamMarkdown(hover.title, ...hover.paragraphs), toRange(hover.range));
    },
  };
  return [vscode.languages.registerHoverProvider({ language: 'markdown' }, provider)];
}
