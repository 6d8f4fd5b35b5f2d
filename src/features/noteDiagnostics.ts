import * as vscode from 'vscode';
import { diagnosticCode, toRange, toSeverity } from '../workspace/convert';
import { scopeSeverity, type Finding, type Severity } from '../core/notes/findings';
import type { NotesChange, NoteWorkspace } from '../workspace/noteWorkspace';
import { CONFIGURATION_SECTION, severities } from '../workspace/settings';
import { LatestRun } from '../workspace/lifecycle';
import { inSlices } from '../workspace/timeSlices';
import { DIAGNOSTIC_SOURCE } from '../workspace/convert';

/**
 * Shows every note's findings as diagnostics, open in an editor or not. Closing a note keeps them (it is
 * part of the workspace check); deleting it removes them. Many notes at once (a rescan, a new scope) are
 * published in time slices, each slice in one message to VS Code; a newer rescan stops an older one.
 */
export function registerNoteDiagnostics(notes: NoteWorkspace, homepage: string): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('competitor-scope-notes');
  // Settings vary by workspace folder, not by file, and every note of a scope is in its folder's: read once, until
  // they change (reading them for each note was a tenth of a branch switch).
  let settings: ReturnType<typeof severities> | undefined;

  /** The note's diagnostics as they are now: an empty list clears them. */
  const diagnosticsOf = (path: string): [vscode.Uri, vscode.Diagnostic[]] => {
    const uri = notes.uriOf(path);
    const severityOf = (settings ??= severities(uri));
    const scope = notes.index.scope;
    return [uri, notes.index.findings(path).flatMap((f) => toDiagnostic(f, severityOf(f.code, scopeSeverity(scope, f)), homepage))];
  };
  /** One message for the whole list; an empty list clears a note's diagnostics. */
  const publish = (paths: readonly string[]) => {
    const entries = paths.map(diagnosticsOf);
    if (entries.length > 0) collection.set(entries);
  };
  const publishing = new LatestRun();
  const publishAll = () => {
    const run = publishing.start();
    collection.clear();
    let slice: [vscode.Uri, vscode.Diagnostic[]][] = [];
    return inSlices(
      notes.index.paths(),
      (path) => {
        slice.push(diagnosticsOf(path));
      },
      () => {
        if (slice.length > 0) collection.set(slice);
        slice = [];
      },
      { stop: () => !run.current() },
    );
  };
  const onChange = (change: NotesChange) => (change.all ? void publishAll() : publish(change.paths));

  void publishAll();
  return [
    collection,
    publishing,
    notes.onDidChange(onChange),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(`${CONFIGURATION_SECTION}.severity`)) return;
      settings = undefined;
      void publishAll();
    }),
  ];
}

function toDiagnostic(finding: Finding, severity: Severity | 'off', homepage: string): vscode.Diagnostic[] {
  if (severity === 'off') return [];
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, toSeverity(severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = diagnosticCode(finding.code, homepage);
  return [diagnostic];
}
