import * as vscode from 'vscode';
import { extensionApi } from '../integration/api';
import { closeAllEditors, openDocument, waitFor, workspaceUri } from '../integration/helpers';
import { equal, matches, ok, sameData } from './expect';

// A note of the suite's own, written and deleted through workspace.fs, so that its fixes can be saved.
const NOTE = 'research/streamlit.md';
const NOTE_TEXT = '---\nproduct: streamlit\n---\n\n# Streamlit\n\n## Dashboard layout and information hierarchy\n\nOne page per plant.\n';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const diagnostics = (path: string, code: string) =>
  vscode.languages.getDiagnostics(workspaceUri(path)).filter((d) => d.source === 'competitor-scope' && codeOf(d) === code);
const isOpen = (path: string) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === workspaceUri(path).toString());
const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n')
    .replace(/\\(.)/g, '$1');

/** The code actions of `kind` over `range`, once there are any: the analysis of a just-opened editor may be on its way. */
function codeActions(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  return waitFor(async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value);
    return actions.length > 0 && actions;
  }, `${kind.value} actions`);
}

describe('research notes in the web worker', () => {
  before(async () => {
    await extensionApi();
    await vscode.workspace.fs.writeFile(workspaceUri(NOTE), new TextEncoder().encode(NOTE_TEXT));
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri(NOTE));
    await waitFor(() => diagnostics(NOTE, 'missing-axis').length === 0, 'the deleted note’s diagnostics to go');
  });

  it('diagnoses notes that are not open, read through workspace.fs', async () => {
    ok(!isOpen('research/fastapi.md') && !isOpen(NOTE), 'the notes are not open');
    const [missing] = await waitFor(
      () => diagnostics('research/fastapi.md', 'missing-axis').length > 0 && diagnostics('research/fastapi.md', 'missing-axis'),
      'missing-axis on fastapi.md',
    );
    equal(
      missing.message,
      'No section answers "Dev experience, documentation, and templates" (Python Web / Application Frameworks) for FastAPI.',
      'the message',
    );
    equal(missing.range.start.line, 1, 'on the product: line');
    sameData(
      diagnostics('research/fastapi.md', 'unanswered-axis').map((d) => d.range.start.line),
      [13, 15],
      'the empty and the TBD sections',
    );
    equal(diagnostics('research/notes-on-pricing.md', 'unlinked-note').length, 1, 'unlinked-note on notes-on-pricing.md');
    await waitFor(() => diagnostics(NOTE, 'missing-axis').length === 2, 'two missing axes on the note just written');
  });

  it('completes a missing axis heading and hovers product: with its coverage, through vscode.execute*Provider', async () => {
    const editor = await openDocument(NOTE);
    const last = editor.document.lineCount - 1;
    await editor.edit((b) => b.insert(new vscode.Position(last, 0), '#'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      new vscode.Position(last, 1),
      '#',
    );
    const headings = list.items.map((i) => i.insertText).filter((text) => typeof text === 'string' && text.startsWith('## '));
    sameData(
      headings,
      ['## Alerting, incident timelines, and runbook integration', '## Degraded modes and fallback behaviors'],
      'the missing axes as level-2 headings',
    );
    await editor.edit((b) => b.delete(new vscode.Range(last, 0, last, 1)));
    await editor.document.save();
    const hover = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(1, 12)),
    );
    matches(hover, /\*\*Streamlit \(Observability, Control Planes, and Dashboards\)\*\*/, 'the hover on product:');
    matches(hover, /1\/3 axes answered\./, 'the coverage in the hover');
  });

  it('"Add section" inserts a missing section, and its warning goes away', async () => {
    const editor = await openDocument(NOTE);
    const [missing] = await waitFor(
      () => diagnostics(NOTE, 'missing-axis').length === 2 && diagnostics(NOTE, 'missing-axis'),
      'two missing axes',
    );
    const actions = await codeActions(editor.document.uri, missing.range, vscode.CodeActionKind.QuickFix);
    const add = actions.find((a) => a.title === "Add section 'Alerting, incident timelines, and runbook integration'");
    ok(add?.edit, `actions: ${actions.map((a) => a.title).join('; ')}`);
    ok(await vscode.workspace.applyEdit(add.edit), 'the edit applies');
    matches(
      editor.document.getText(),
      /\nOne page per plant\.\n\n## Alerting, incident timelines, and runbook integration\n/,
      'the note after the fix',
    );
    await editor.document.save();
    await waitFor(() => diagnostics(NOTE, 'missing-axis').length === 1, 'one missing axis left');
  });

  it('fixes the rest as source.fixAll.competitorScope', async () => {
    const editor = await openDocument(NOTE);
    await waitFor(() => diagnostics(NOTE, 'missing-axis').length === 1, 'the missing axis');
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const fixAll = await codeActions(editor.document.uri, whole, vscode.CodeActionKind.SourceFixAll.append('competitorScope'));
    sameData(
      fixAll.map((a) => [a.title, a.kind?.value]),
      [['Add all missing sections', 'source.fixAll.competitorScope']],
      'the fix-all',
    );
    ok(fixAll[0].edit && (await vscode.workspace.applyEdit(fixAll[0].edit)), 'the fix-all applies');
    sameData(
      editor.document
        .getText()
        .split('\n')
        .filter((line) => line.startsWith('## ')),
      [
        '## Dashboard layout and information hierarchy',
        '## Alerting, incident timelines, and runbook integration',
        '## Degraded modes and fallback behaviors',
      ],
      'the sections, in scope order',
    );
    await editor.document.save();
    await waitFor(() => diagnostics(NOTE, 'missing-axis').length === 0, 'no missing axis');
  });
});
