import type * as vscode from 'vscode';
import type { NoteAnalysis } from '../core/notes/noteAnalyzer';
import type { Scope } from '../core/scope/scopeModel';
import type { NoteWorkspace } from './noteWorkspace';
import type { ScopeRoots } from './scopeRoots';

const cache = new WeakMap<vscode.TextDocument, { version: number; scope: Scope; analysis: NoteAnalysis | undefined }>();

/**
 * A note's analysis from its editor's text as it is now: completion, hover, lenses and links must not lag
 * behind the typing by the index's debounce. Kept per document version, so a burst of requests parses once.
 */
export function currentNote(
  roots: ScopeRoots,
  document: vscode.TextDocument,
): { notes: NoteWorkspace; analysis: NoteAnalysis } | undefined {
  const notes = roots.notesFor(document.uri);
  const path = notes?.pathOf(document.uri);
  if (!notes || path === undefined) return undefined;
  const scope = notes.index.scope;
  const cached = cache.get(document);
  if (cached?.version !== document.version || cached.scope !== scope) {
    cache.set(document, { version: document.version, scope, analysis: notes.index.analyzeText(path, document.getText()) });
  }
  const analysis = cache.get(document)?.analysis;
  return analysis && { notes, analysis };
}
