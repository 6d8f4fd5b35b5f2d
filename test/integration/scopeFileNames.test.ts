import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { closeAllEditors, waitFor, workspaceFolder, workspaceUri } from './helpers';
import { KAFKA_NOTE, TEAM_SCOPE } from './teamScope';

const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
const ignoredWarnings = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'ignored-scope-file');

describe('a scope file named competitor-scope.yml', function () {
  this.timeout(90_000);

  afterEach(closeAllEditors);

  it('is a scope file as .yaml is; beside a .yaml, the .yaml is read and the .yml says once that it is not', async () => {
    const api = await extensionApi();
    const note = workspaceUri('research', 'kafka.md');
    const yml = workspaceUri('research', 'competitor-scope.yml');
    const yaml = workspaceUri('research', 'competitor-scope.yaml');
    const nestedScope = () => api.scopes().find((s) => s.label === `${workspaceFolder().name}/research`);
    await write(note, KAFKA_NOTE);
    try {
      await write(yml, TEAM_SCOPE);
      const nested = await waitFor(nestedScope, 'the nested .yml to become a scope');
      assert.equal(nested.scope.fileUri?.toString(), yml.toString());
      assert.equal(nested.scope.scope.title, 'Platform team');
      await waitFor(() => nestedScope()?.notes.note('kafka.md'), 'the .yml scope to read its note');
      await waitFor(() => api.scopes()[0].notes.paths().length === 0, 'the outer scope to leave research/ to the .yml scope');

      await write(yaml, TEAM_SCOPE.replace('Platform team', 'Platform team (yaml)'));
      await waitFor(() => nestedScope()?.scope.scope.title === 'Platform team (yaml)', 'the .yaml beside it to be read');
      assert.equal(nestedScope()?.scope.fileUri?.toString(), yaml.toString());
      await waitFor(() => vscode.languages.getDiagnostics(yml).length > 0, 'the warning on the .yml');
      const warnings = vscode.languages.getDiagnostics(yml);
      assert.equal(warnings.length, 1, 'one warning, and none of the scope’s own diagnostics, on the .yml');
      assert.equal(codeOf(warnings[0]), 'ignored-scope-file');
      assert.equal(warnings[0].severity, vscode.DiagnosticSeverity.Warning);
      assert.match(warnings[0].message, /not read: competitor-scope\.yaml beside it/);
      assert.deepEqual(ignoredWarnings(yaml), []);

      rmSync(yaml.fsPath);
      await waitFor(() => nestedScope()?.scope.scope.title === 'Platform team', 'the .yml to be read again');
      await waitFor(() => ignoredWarnings(yml).length === 0, 'the warning to go with the .yaml');
    } finally {
      for (const uri of [yaml, yml, note]) rmSync(uri.fsPath, { force: true });
      await waitFor(() => api.scopes().length === 1, 'the nested scope to go with its file');
    }
  });
});
