import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { closeAllEditors, waitFor } from './helpers';

const WEB = 'python-web-frameworks';

/** Runs Research Brief and returns the untitled Markdown document it opened, after checking the clipboard holds the same text. */
async function brief(...args: unknown[]): Promise<string> {
  await vscode.env.clipboard.writeText('');
  const document = await vscode.commands.executeCommand<vscode.TextDocument>('competitorScope.researchBrief', ...args);
  assert.ok(document.isUntitled && document.languageId === 'markdown', 'an untitled Markdown document');
  assert.equal(vscode.window.activeTextEditor?.document, document, 'the brief is shown');
  assert.equal(await vscode.env.clipboard.readText(), document.getText(), 'the brief is on the clipboard');
  return document.getText();
}

/**
 * Closes the briefs without the save prompt an untitled document with text would bring, and waits until the
 * extension host has let go of them: the next brief may get the same untitled URI.
 */
async function closeBriefs(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isUntitled)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await closeAllEditors();
  await waitFor(() => !vscode.workspace.textDocuments.some((d) => d.isUntitled), 'the briefs to be closed');
}

describe('research brief', () => {
  before(async () => (await extensionApi()).ready());
  afterEach(closeBriefs);

  it('of a product from the tree: the goal, what is answered where, what is left with its description, the conventions', async () => {
    const tree = (await extensionApi()).scopeTree;
    const category = (await tree.getChildren())!.find((n) => n.kind === 'category' && n.category.id === WEB)!;
    const django = (await tree.getChildren(category))!.find((n) => n.kind === 'product' && n.product.id === 'django');
    const text = await brief(django);
    assert.match(text, /^# Research brief: Django\n/);
    assert.match(text, /\*\*Goal:\*\* /);
    assert.match(text, /Write in `research\/django\.md`\./);
    assert.match(text, /Already answered \(\d+ of \d+\):/);
    assert.match(text, /## Conventions/);
  });

  it("of a category from the tree, and of a product from the matrix row's menu and the note's lens (ids)", async () => {
    const tree = (await extensionApi()).scopeTree;
    const category = (await tree.getChildren())!.find((n) => n.kind === 'category' && n.category.id === WEB);
    const ofCategory = await brief(category);
    assert.match(ofCategory, /^# Research brief: Python Web \/ Application Frameworks\n/);
    assert.match(ofCategory, /### Django\n[\s\S]*### FastAPI\n/);
    const fromRow = await brief({ webviewSection: 'product', categoryId: WEB, productId: 'fastapi', preventDefaultContextMenuItems: true });
    assert.match(fromRow, /^# Research brief: FastAPI\n/);
    assert.match(fromRow, /- \*\*Dev experience, documentation, and templates\*\*: no section yet\./);
  });

  it('from the palette: the quick pick offers every gap first, then the categories and the products', async () => {
    await vscode.env.clipboard.writeText('');
    const done = vscode.commands.executeCommand('competitorScope.researchBrief');
    let finished = false;
    void done.then(() => (finished = true));
    // The quick pick opens once the notes are read: accept its first item, "Every gap", when it shows.
    await waitFor(
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return finished;
      },
      'the quick pick to be accepted',
      { intervalMs: 200 },
    );
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(text, /^# Research brief: every gap\n/);
    assert.equal(await vscode.env.clipboard.readText(), text);
  });

  it('says so, and opens nothing, for ids that name no product', async () => {
    await vscode.commands.executeCommand('competitorScope.researchBrief', { categoryId: WEB, productId: 'no-such-product' });
    assert.equal(vscode.window.activeTextEditor, undefined);
  });
});
