import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, diagnosticCode, toRange, toSeverity } from '../workspace/convert';
import { productsWithoutNotes } from '../core/notes/coverageFindings';
import { DEFAULT_SEVERITIES, scopeSeverity } from '../core/notes/findings';
import type { NoteWorkspace } from '../workspace/noteWorkspace';
import type { ScopeStore } from '../workspace/scopeStore';
import { CONFIGURATION_SECTION, severities } from '../workspace/settings';
import { coalesced } from '../workspace/timeSlices';
import { baseName } from '../workspace/workspaceFiles';

/**
 * Shows the scope file's problems where they are, as errors, and clears them once it is valid; while it
 * is valid, also each product that has no research note yet (`no-note`, information by default). A
 * `competitor-scope.yml` beside the `.yaml` in force gets one warning, that it is not read.
 */
export function registerScopeDiagnostics(store: ScopeStore, notes: NoteWorkspace, homepage: string): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('competitor-scope-file');
  const show = () => {
    collection.clear();
    const { fileUri, ignoredFileUri, problems, stale, scope } = store.current;
    if (!fileUri) return;
    const diagnostic = (range: vscode.Range, message: string, severity: vscode.DiagnosticSeverity, code: string) => {
      const d = new vscode.Diagnostic(range, message, severity);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = diagnosticCode(code, homepage);
      return d;
    };
    const errors = problems.map((problem) =>
      diagnostic(toRange(problem.range), problem.message, vscode.DiagnosticSeverity.Error, 'invalid-scope'),
    );
    const noNote = severities(fileUri)('no-note', scopeSeverity(scope, { code: 'no-note', severity: DEFAULT_SEVERITIES['no-note'] }));
    // A stale scope's ranges are those of an older text: its gaps wait until the file is valid again.
    const gaps =
      stale || noNote === 'off' || !scanned
        ? []
        : productsWithoutNotes(scope, (t) => notes.index.hasNotes(t)).map((f) =>
            diagnostic(toRange(f.range), f.message, toSeverity(noNote), f.code),
          );
    collection.set(fileUri, [...errors, ...gaps]);
    if (ignoredFileUri) {
      const ignored = `This file is not read: ${baseName(fileUri)} beside it is this folder's scope file, as on the command line. Keep one of the two.`;
      collection.set(ignoredFileUri, [
        diagnostic(new vscode.Range(0, 0, 0, 0), ignored, vscode.DiagnosticSeverity.Warning, 'ignored-scope-file'),
      ]);
    }
  };
  // Before the notes are read every product would be a gap: they are counted once the first scan is through (and
  // their positions, which a valid file's scope finds when first asked, are not looked for while the tree first shows).
  let scanned = false;
  show();
  // Gaps read every product: counted once a batch of notes (a branch switch) is through, and after the note's own diagnostics.
  const later = coalesced(show);
  void notes.ready.then(() => {
    scanned = true;
    later.schedule();
  });
  return [
    collection,
    later,
    store.onDidChange(show),
    notes.onDidChange((change) => change.more || later.schedule()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${CONFIGURATION_SECTION}.severity`)) show();
    }),
  ];
}
