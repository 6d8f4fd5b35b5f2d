import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { waitFor, workspacePath } from './helpers';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

function diagnostics(path: string, code: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(vscode.Uri.file(workspacePath(path)))
    .filter((d) => d.source === 'competitor-scope' && codeOf(d) === code);
}

describe('severities from the scope file', () => {
  it('reads the scope file’s severity: per code, and lets the user’s setting win', async () => {
    const api = await extensionApi();
    const scopePath = workspacePath('competitor-scope.yaml');
    const scope = readFileSync(scopePath, 'utf8');
    const missingSeverity = () => diagnostics('research/grafana.md', 'missing-axis')[0]?.severity;
    await waitFor(() => missingSeverity() === vscode.DiagnosticSeverity.Warning, 'missing-axis as a warning first');
    const config = vscode.workspace.getConfiguration('competitorScope');
    try {
      writeFileSync(
        scopePath,
        scope.replace('notes: research/**/*.md\n', 'notes: research/**/*.md\nseverity: { unlinked-note: off, missing-axis: error }\n'),
      );
      await waitFor(() => api.scope().scope.severity !== undefined, 'the scope file to be read again');
      await waitFor(() => diagnostics('research/notes-on-pricing.md', 'unlinked-note').length === 0, 'unlinked-note to be off');
      await waitFor(() => missingSeverity() === vscode.DiagnosticSeverity.Error, 'missing-axis to be an error');
      await config.update('severity', { 'missing-axis': 'hint' }, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => missingSeverity() === vscode.DiagnosticSeverity.Hint, 'the user’s setting to win');
      assert.equal(diagnostics('research/notes-on-pricing.md', 'unlinked-note').length, 0, 'the scope file’s off stays');
    } finally {
      await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
      writeFileSync(scopePath, scope);
    }
    await waitFor(() => diagnostics('research/notes-on-pricing.md', 'unlinked-note').length === 1, 'unlinked-note back');
    await waitFor(() => missingSeverity() === vscode.DiagnosticSeverity.Warning, 'missing-axis a warning again');
  });
});
