import * as vscode from 'vscode';
import { extensionApi } from '../integration/api';
import { closeAllEditors, openDocument, revertDirtyDocuments, waitFor, workspaceUri } from '../integration/helpers';
import { equal, matches, ok, sameData } from './expect';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const diagnostics = (path: string, code: string) =>
  vscode.languages.getDiagnostics(workspaceUri(path)).filter((d) => d.source === 'competitor-scope' && codeOf(d) === code);
const isOpen = (path: string) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === workspaceUri(path).toString());
const codeActions = (uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind) =>
  vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value);
const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');

describe('research notes in the web worker', () => {
  before(() => extensionApi());
  afterEach(async () => {
    await revertDirtyDocuments();
    await closeAllEditors();
  });

  it('diagnoses notes that are not open, read through workspace.fs', async () => {
    ok(!isOpen('research/fastapi.md') && !isOpen('research/notes-on-pricing.md'), 'the notes are not open');
    const [missing] = await waitFor(() => diagnostics('research/fastapi.md', 'missing-axis').length > 0 && diagnostics('research/fastapi.md', 'missing-axis'), 'missing-axis on fastapi.md');
    equal(missing.message, 'No section answers "Dev experience, documentation, and templates" (Python Web / Application Frameworks) for FastAPI.', 'the message');
    equal(missing.range.start.line, 1, 'on the product: line');
    sameData(diagnostics('research/fastapi.md', 'unanswered-axis').map((d) => d.range.start.line), [11, 13], 'the empty and the TBD sections');
    equal(diagnostics('research/notes-on-pricing.md', 'unlinked-note').length, 1, 'unlinked-note on notes-on-pricing.md');
  });

  it('"Add section" inserts the missing section, and the warning goes away', async () => {
    const editor = await openDocument('research/fastapi.md');
    const [missing] = await waitFor(() => diagnostics('research/fastapi.md', 'missing-axis').length > 0 && diagnostics('research/fastapi.md', 'missing-axis'), 'missing-axis');
    const actions = await codeActions(editor.document.uri, missing.range, vscode.CodeActionKind.QuickFix);
    const add = actions.find((a) => a.title === "Add section 'Dev experience, documentation, and templates'");
    ok(add?.edit, `actions: ${actions.map((a) => a.title).join('; ')}`);
    ok(await vscode.workspace.applyEdit(add.edit), 'the edit applies');
    matches(editor.document.getText(), /\nTBD\n\n## Dev experience, documentation, and templates\n/, 'the note after the fix');
    await waitFor(() => diagnostics('research/fastapi.md', 'missing-axis').length === 0, 'the missing-axis warning to go');
  });

  it('fixes all missing sections as source.fixAll.competitorScope', async () => {
    const editor = await openDocument('research/grafana.md');
    await waitFor(() => diagnostics('research/grafana.md', 'missing-axis').length === 1, 'the missing axis');
    const headings = () => editor.document.getText().split('\n').filter((line) => line.startsWith('## '));
    const before = headings();
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const fixAll = await codeActions(editor.document.uri, whole, vscode.CodeActionKind.SourceFixAll.append('competitorScope'));
    sameData(fixAll.map((a) => [a.title, a.kind?.value]), [['Add all missing sections', 'source.fixAll.competitorScope']], 'the fix-all');
    ok(fixAll[0].edit && (await vscode.workspace.applyEdit(fixAll[0].edit)), 'the fix-all applies');
    equal(headings().length, before.length + 1, 'one section added');
    ok(before.every((heading) => headings().includes(heading)), 'the note’s headings are all kept');
    await waitFor(() => diagnostics('research/grafana.md', 'missing-axis').length === 0, 'no missing axis');
  });

  it('completes a missing axis heading and hovers product: with its coverage, through vscode.execute*Provider', async () => {
    const editor = await openDocument('research/fastapi.md');
    // The earlier tests' edits are reverted: wait until the analysis has the note as it is on disk again.
    await waitFor(() => diagnostics('research/fastapi.md', 'missing-axis').length > 0, 'missing-axis on fastapi.md');
    const last = editor.document.lineCount - 1;
    await editor.edit((b) => b.insert(new vscode.Position(last, 0), '#'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(last, 1), '#');
    ok(list.items.some((i) => i.insertText === '## Dev experience, documentation, and templates'), `the missing axis as a level-2 heading, among ${list.items.map((i) => JSON.stringify(i.insertText)).join(', ')} in\n${editor.document.getText()}`);
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(1, 12)));
    matches(hover, /\*\*FastAPI \(Python Web \/ Application Frameworks\)\*\*/, 'the hover on product:');
    matches(hover, /1\/4 axes answered\./, 'the coverage in the hover');
  });
});
