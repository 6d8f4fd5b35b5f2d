import * as vscode from 'vscode';
import { diagnosticCode, toRange } from '../convert';
import type { ScopeStore } from '../scopeStore';

export const DIAGNOSTIC_SOURCE = 'competitor-scope';

/** Shows the scope file's problems where they are, as errors, and clears them once it is valid. */
export function registerScopeDiagnostics(store: ScopeStore, homepage: string): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('competitor-scope-file');
  const show = () => {
    collection.clear();
    const { fileUri, problems } = store.current;
    if (!fileUri) return;
    collection.set(
      fileUri,
      problems.map((problem) => {
        const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, vscode.DiagnosticSeverity.Error);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = diagnosticCode('invalid-scope', homepage);
        return diagnostic;
      }),
    );
  };
  show();
  return [collection, store.onDidChange(show)];
}
