import * as assert from 'node:assert/strict';
import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { closeAllEditors, openDocument, revertDirtyDocuments, waitFor, workspacePath } from './helpers';

const uriOf = (path: string) => vscode.Uri.file(workspacePath(path));
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

function diagnostics(path: string, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uriOf(path)).filter((d) => d.source === 'competitor-scope' && (!code || codeOf(d) === code));
}

async function codeActions(editor: vscode.TextEditor, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range, kind?.value);
}

/** True when every line of `before` is still in `after`, in order: nothing was deleted or moved. */
function keepsEveryLine(before: string, after: string): boolean {
  const rest = after.split('\n');
  let at = 0;
  for (const line of before.split('\n')) {
    at = rest.indexOf(line, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

describe('diagnostics and quick fixes on research notes', () => {
  afterEach(closeAllEditors);

  it('flags each missing axis on the product line, with a code that links to its documentation', async () => {
    await extensionApi();
    const [missing] = await waitFor(
      () => diagnostics('research/fastapi.md', 'missing-axis').length > 0 && diagnostics('research/fastapi.md', 'missing-axis'),
      'missing-axis on fastapi.md',
    );
    assert.equal(
      missing.message,
      'No section answers "Dev experience, documentation, and templates" (Python Web / Application Frameworks) for FastAPI.',
    );
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(missing.range.start.line, 1, 'on the product: line');
    assert.ok(typeof missing.code === 'object', 'a code with a link');
    assert.equal(
      missing.code.target.toString(),
      'https://github.com/competitor-scope/competitor-scope/blob/main/docs/diagnostics.md#missing-axis',
    );
    const unanswered = diagnostics('research/fastapi.md', 'unanswered-axis').map((d) => d.range.start.line);
    assert.deepEqual(unanswered, [13, 15], 'the empty and the TBD sections');
  });

  it('flags unsourced and stale answers on their headings; "Mark as reviewed today" clears the stale one and keeps every line', async () => {
    const path = 'research/django.md';
    const editor = await openDocument(path);
    const before = editor.document.getText();
    const headingOf = (d: vscode.Diagnostic) => editor.document.lineAt(d.range.start.line).text;
    const unsourced = await waitFor(
      () => diagnostics(path, 'unsourced-answer').length > 0 && diagnostics(path, 'unsourced-answer'),
      'unsourced-answer on django.md',
    );
    assert.deepEqual(
      unsourced.map(headingOf),
      ['## Auth, security and rate-limiting'],
      'only the section without a link, reference or footnote',
    );
    assert.equal(unsourced[0].severity, vscode.DiagnosticSeverity.Information);
    const [stale] = await waitFor(
      () => diagnostics(path, 'stale-answer').length > 0 && diagnostics(path, 'stale-answer'),
      'stale-answer on django.md',
    );
    assert.equal(headingOf(stale), '## Testing strategy and coverage expectations');
    assert.equal(stale.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(stale.message, /old \(as of 2023-04-01, from its As of line\); answers to it stay fresh for 180 days\.$/);

    const actions = await codeActions(editor, stale.range, vscode.CodeActionKind.QuickFix);
    const mark = actions.find((a) => a.title === 'Mark as reviewed today');
    assert.ok(mark?.edit, `actions: ${actions.map((a) => a.title).join('; ')}`);
    assert.ok(await vscode.workspace.applyEdit(mark.edit));
    const [beforeLines, afterLines] = [before.split('\n'), editor.document.getText().split('\n')];
    assert.equal(afterLines.length, beforeLines.length, 'one line replaced, none added');
    const changed = afterLines.flatMap((line, i) => (line === beforeLines[i] ? [] : [i]));
    assert.deepEqual(
      changed.map((i) => beforeLines[i]),
      ['As of 2023-04'],
      'only the As of line changed',
    );
    assert.match(afterLines[changed[0]], /^As of \d{4}-\d{2}-\d{2}$/);
    await waitFor(() => diagnostics(path, 'stale-answer').length === 0, 'the stale-answer warning to go');
    assert.equal(diagnostics(path, 'unsourced-answer').length, 1, 'the unsourced one stays');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('diagnoses notes that are not open, and keeps them when a note is closed', async () => {
    await extensionApi();
    assert.equal(diagnostics('research/notes-on-pricing.md', 'unlinked-note').length, 1);
    await openDocument('research/grafana.md');
    await closeAllEditors();
    // A note written after the close is diagnosed after it: by then what the close set off has been published.
    const later = 'research/after-close.md';
    writeFileSync(workspacePath(later), '---\nproduct: superset\n---\n\n# After the close\n');
    try {
      await waitFor(() => diagnostics(later, 'missing-axis').length > 0, 'the note written after the close to be diagnosed');
    } finally {
      unlinkSync(workspacePath(later));
    }
    assert.equal(diagnostics('research/grafana.md', 'missing-axis').length, 1, 'still there after closing');
  });

  it('"Add section" adds the missing section where it belongs, and the warning goes away', async () => {
    const path = 'research/fastapi.md';
    const editor = await openDocument(path);
    const before = editor.document.getText();
    const [missing] = await waitFor(
      () => diagnostics(path, 'missing-axis').length > 0 && diagnostics(path, 'missing-axis'),
      'missing-axis',
    );
    const actions = await codeActions(editor, missing.range, vscode.CodeActionKind.QuickFix);
    const add = actions.find((a) => a.title === "Add section 'Dev experience, documentation, and templates'");
    assert.ok(add?.edit, `actions: ${actions.map((a) => a.title).join('; ')}`);
    assert.equal(add.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(add.edit));

    const after = editor.document.getText();
    assert.ok(keepsEveryLine(before, after), 'the team’s text is unchanged');
    assert.match(after, /\nTBD\n\n## Dev experience, documentation, and templates\n/);
    await waitFor(() => diagnostics(path, 'missing-axis').length === 0, 'the missing-axis warning to go');
    // The new section is empty: now it is unanswered, on its heading.
    await waitFor(
      () =>
        diagnostics(path, 'unanswered-axis').some(
          (d) => editor.document.lineAt(d.range.start.line).text === '## Dev experience, documentation, and templates',
        ),
      'the new section to be flagged as empty',
    );
    await revertDirtyDocuments();
  });

  it('"Add all N missing sections" adds them in scope order in one undoable edit', async () => {
    const path = 'research/datadog.md';
    const text =
      '---\nproduct: datadog\n---\n\n# Datadog\n\n## Alerting, incident timelines, and runbook integration\n\nMonitors with escalation; incident timelines in Incident Management.\n';
    writeFileSync(workspacePath(path), text);
    const editor = await openDocument(path);
    const missing = await waitFor(
      () => diagnostics(path, 'missing-axis').length === 2 && diagnostics(path, 'missing-axis'),
      'two missing axes',
    );
    const actions = await codeActions(editor, missing[0].range, vscode.CodeActionKind.QuickFix);
    const addAll = actions.find((a) => a.title === 'Add all 2 missing sections');
    assert.ok(addAll?.edit, `actions: ${actions.map((a) => a.title).join('; ')}`);
    assert.ok(await vscode.workspace.applyEdit(addAll.edit));
    const after = editor.document.getText();
    assert.ok(keepsEveryLine(text, after));
    const headings = after.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings, [
      '## Dashboard layout and information hierarchy',
      '## Alerting, incident timelines, and runbook integration',
      '## Degraded modes and fallback behaviors',
    ]);
    await waitFor(() => diagnostics(path, 'missing-axis').length === 0, 'no missing axis');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), text, 'one undo takes the whole fix back');
    await revertDirtyDocuments();
  });

  it('offers the fix-all as source.fixAll.competitorScope, and only what context.only asks for', async () => {
    const path = 'research/grafana.md';
    const editor = await openDocument(path);
    await waitFor(() => diagnostics(path, 'missing-axis').length === 1, 'the missing axis');
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const fixAll = await codeActions(editor, whole, vscode.CodeActionKind.SourceFixAll.append('competitorScope'));
    assert.deepEqual(
      fixAll.map((a) => [a.title, a.kind?.value]),
      [['Add all missing sections', 'source.fixAll.competitorScope']],
    );
    const refactors = await codeActions(editor, whole, vscode.CodeActionKind.Refactor);
    assert.deepEqual(
      refactors.filter((a) => a.title.includes('section')),
      [],
    );
  });

  it('computes fixes from the text as it is, also when they are asked for before the typing settles', async () => {
    const path = 'research/drf.md';
    const text =
      '# DRF\n\n## Architecture guidance and opinionation\n\nViewsets.\n\n## Testing strategy and coverage expectations\n\nAPITestCase.\n\n## Dev experience, documentation, and templates\n\nBrowsable API.\n';
    writeFileSync(workspacePath(path), text);
    const editor = await openDocument(path);
    await waitFor(() => diagnostics(path, 'missing-axis').length === 1, 'the missing auth axis');
    // Typed just now, and the fix-all asked for at once (as editor.codeActionsOnSave does on a quick save).
    await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'Routers.\nSerializers.\n'));
    const [fixAll] = await codeActions(
      editor,
      new vscode.Range(0, 0, editor.document.lineCount, 0),
      vscode.CodeActionKind.SourceFixAll.append('competitorScope'),
    );
    assert.ok(fixAll?.edit);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.match(
      editor.document.getText(),
      /\nViewsets\.\nRouters\.\nSerializers\.\n\n## Auth, security, and rate limiting\n\n## Testing strategy and coverage expectations\n/,
    );
    await revertDirtyDocuments();
    unlinkSync(workspacePath(path));
  });

  it('offers to rename a heading with a typo to the axis name', async () => {
    const path = 'research/metabase.md';
    writeFileSync(workspacePath(path), '# Metabase\n\n## Dashbord layout and information hierachy\n\nQuestions and dashboards.\n');
    const editor = await openDocument(path);
    const [typo] = await waitFor(() => diagnostics(path, 'axis-typo').length > 0 && diagnostics(path, 'axis-typo'), 'an axis-typo');
    assert.equal(typo.severity, vscode.DiagnosticSeverity.Information);
    const actions = await codeActions(editor, typo.range, vscode.CodeActionKind.QuickFix);
    const rename = actions.find((a) => a.title === "Rename heading to 'Dashboard layout and information hierarchy'");
    assert.ok(rename?.edit, `actions: ${actions.map((a) => a.title).join('; ')}`);
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    assert.equal(editor.document.lineAt(2).text, '## Dashboard layout and information hierarchy');
    assert.equal(editor.document.lineAt(4).text, 'Questions and dashboards.');
    await waitFor(() => diagnostics(path, 'axis-typo').length === 0, 'the typo diagnostic to go');
    await editor.document.save();
    unlinkSync(workspacePath(path));
  });

  it('updates as the user types, and removes a deleted note’s diagnostics', async () => {
    const path = 'research/superset.md';
    writeFileSync(workspacePath(path), '# Superset\n');
    await waitFor(() => diagnostics(path, 'missing-axis').length === 3, 'three missing axes for a new note');
    const editor = await openDocument(path);
    await editor.edit((b) =>
      b.insert(new vscode.Position(1, 0), '\n## Degraded modes and fallback behaviors\n\nCharts fall back to cached results.\n'),
    );
    await waitFor(() => diagnostics(path, 'missing-axis').length === 2, 'two missing axes after typing a section');
    await revertDirtyDocuments();
    await closeAllEditors();
    unlinkSync(workspacePath(path));
    await waitFor(() => diagnostics(path).length === 0, 'the deleted note’s diagnostics to go');
    assert.equal(existsSync(workspacePath(path)), false);
  });

  it('keeps up with a branch switch: of many notes rewritten at once, some twice, each ends with the diagnostics of its last text', async () => {
    const TYPO = '## Architecture guidance and opinionatio';
    const paths = Array.from({ length: 150 }, (_, i) => `research/bulk-${i}.md`);
    // The heading with a typo moves down with the paragraphs before it: its line tells each version apart.
    const note = (i: number, paragraphs: number) =>
      `---\nproduct: FastAPI\n---\n\n# Bulk ${i}\n${'\nText.\n'.repeat(paragraphs)}\n${TYPO}\n\nTypo.\n`;
    const typoLine = (text: string) => text.split('\n').indexOf(TYPO);
    const shows = (versions: string[]) =>
      paths.every(
        (path, i) =>
          diagnostics(path, 'axis-typo')
            .map((d) => d.range.start.line)
            .join() === String(typoLine(versions[i])),
      );
    try {
      const first = paths.map((_, i) => note(i, i % 7));
      paths.forEach((path, i) => writeFileSync(workspacePath(path), first[i]));
      await waitFor(() => shows(first), 'the first version of every note');
      const last = paths.map((_, i) => note(i, (i % 7) + (i % 2 === 0 ? 3 : 5)));
      paths.forEach((path, i) => {
        if (i % 2 === 1) writeFileSync(workspacePath(path), note(i, (i % 7) + 3));
        writeFileSync(workspacePath(path), last[i]);
      });
      await waitFor(() => shows(last), 'the last version of every note, none lost or mixed up');
      assert.equal(diagnostics('research/fastapi.md', 'axis-typo').length, 0, 'the other notes of the product are left alone');
    } finally {
      for (const path of paths) unlinkSync(workspacePath(path));
    }
    await waitFor(() => paths.every((path) => diagnostics(path).length === 0), 'the deleted notes’ diagnostics to go');
  });

  it('reads again after a burst a note that changed on disk without a file event', async () => {
    const path = 'research/unreported.md';
    const bulk = Array.from({ length: 70 }, (_, i) => `research/burst-${i}.md`);
    const note = (heading: string) => `---\nproduct: FastAPI\n---\n\n${heading}\n\nText.\n`;
    // Written through a hard link outside the workspace, the note's file changes and the watcher hears nothing
    // (it watches the folders of the files' names): as when it drops events in a branch switch of thousands of notes.
    const alias = join(dirname(workspacePath()), `unreported-alias-${process.pid}.md`);
    const api = await extensionApi();
    writeFileSync(workspacePath(path), note('## Notes'));
    try {
      await waitFor(() => api.notes().note(path), 'the note to be read');
      linkSync(workspacePath(path), alias);
      bulk.forEach((p, i) => writeFileSync(workspacePath(p), note(`## Bulk ${i}`)));
      writeFileSync(alias, note('## Architecture guidance and opinionatio'));
      await waitFor(() => diagnostics(path, 'axis-typo').length === 1, 'the note written without a file event to be read again', {
        timeoutMs: 20_000,
      });
    } finally {
      for (const p of [...bulk, path]) unlinkSync(workspacePath(p));
      if (existsSync(alias)) unlinkSync(alias);
    }
    await waitFor(() => [...bulk, path].every((p) => diagnostics(p).length === 0), 'the deleted notes’ diagnostics to go');
  });

  it('reads a heading as it renders: linked, commented and escaped headings answer their axes', async () => {
    const path = 'research/abaqus.md';
    const headings = [
      '## [Model fidelity vs runtime performance trade-offs](https://example.com/fidelity)',
      '## Scenario configuration, parameter sweeps &amp; study management <!-- check with sales -->',
      '## <a id="viz"></a>Result *visualization* and analysis dashboards',
    ];
    writeFileSync(workspacePath(path), `---\nproduct: Abaqus\n---\n\n${headings.map((h) => `${h}\n\nAnswered.\n`).join('\n')}`);
    const missing = await waitFor(
      () => diagnostics(path, 'missing-axis').length > 0 && diagnostics(path, 'missing-axis'),
      'missing-axis on abaqus.md',
    );
    assert.deepEqual(
      missing.map((d) => d.message),
      ['No section answers "Handling of long-running and failing simulations" (Simulation / Physics / Digital Twin Tools) for Abaqus.'],
    );
    assert.deepEqual(diagnostics(path, 'axis-typo'), []);
    unlinkSync(workspacePath(path));
    await waitFor(() => diagnostics(path).length === 0, 'the deleted note’s diagnostics to go');
  });

  it('lets the user turn a code off or change its severity', async () => {
    const config = vscode.workspace.getConfiguration('competitorScope');
    await config.update('severity', { 'unlinked-note': 'off', 'missing-axis': 'error' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => diagnostics('research/notes-on-pricing.md', 'unlinked-note').length === 0, 'unlinked-note to be off');
      assert.equal(diagnostics('research/grafana.md', 'missing-axis')[0]?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => diagnostics('research/notes-on-pricing.md', 'unlinked-note').length === 1, 'unlinked-note back');
    assert.ok(readFileSync(workspacePath('research/grafana.md'), 'utf8').startsWith('# Grafana'));
  });
});
