import * as vscode from 'vscode';
import { diagnosticCode, toRange, toSeverity } from '../workspace/convert';
import type { Finding, Severity } from '../core/notes/findings';
import type { NotesChange, NoteWorkspace } from '../workspace/noteWorkspace';
import { CONFIGURATION_SECTION, severities } from '../workspace/settings';
import { DIAGNOSTIC_SOURCE } from './scopeDiagnostics';

/**
 * Shows every note's findings as diagnostics, open in an editor or not. Closing a note keeps them (it is
 * part of the workspace check); deleting it removes them.
 */
export function registerNoteDiagnostics(notes: NoteWorkspace, homepage: string): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('competitor-scope-notes');

  const publish = (path: string) => {
    const uri = notes.uriOf(path);
    if (!uri) return;
    const severityOf = severities(uri);
    const diagnostics = notes.index.findings(path).flatMap((f) => toDiagnostic(f, severityOf(f.code), homepage));
    if (diagnostics.length > 0) collection.set(uri, diagnostics);
    else collection.delete(uri);
  };
  const publishAll = () => {
    collection.clear();
    for (const path of notes.index.paths()) publish(path);
  };
  const onChange = (change: NotesChange) => (change.all ? publishAll() : change.paths.forEach(publish));

  publishAll();
  return [
    collection,
    notes.onDidChange(onChange),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${CONFIGURATION_SECTION}.severity`)) publishAll();
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
