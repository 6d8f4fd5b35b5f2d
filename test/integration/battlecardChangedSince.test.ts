import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from './api';
import { waitFor } from './helpers';
import { withComparedRepository } from './matrixCompare.test';
import { clickInWebview, waitForWebview } from './webviewProbe';

const PAGE = 'Battlecard: Kafka';

describe('the battlecard changed since a commit, drawn', function () {
  this.timeout(120_000);
  withComparedRepository('card-compared');

  it('marks the competitor’s changed answers with data-change, before → after and a count, and stops comparing', async () => {
    const api = await extensionApi();
    const team = await waitFor(() => api.scopes().find((s) => s.label.includes('card-compared')), 'the repository’s scope');
    await waitFor(() => team.notes.paths().length === 2, 'both notes to be read');
    const kafka = { root: team.key, categoryId: 'queues', productId: 'kafka' };
    await vscode.commands.executeCommand('competitorScope.openBattlecard', kafka);
    await waitForWebview(PAGE, 'li[data-axis]', (axes) => axes.length === 2, 'the card');

    assert.equal(await vscode.commands.executeCommand('competitorScope.battlecardChangedSince', kafka, 'HEAD~1'), true);
    await waitForWebview(PAGE, '.theirs[data-change]', (sides) => sides.length === 2, 'the two changed answers');
    const text = await waitForWebview(
      PAGE,
      'li[data-axis="delivery-guarantees"] .theirs[data-change="text"]',
      (c) => c.length === 1,
      'the reworded answer',
    );
    assert.match(
      text.elements[0].title,
      /^Changed since HEAD~1 \([0-9a-f]{7}\): text\nBefore: .*“At least once by default\.”\nAfter: .*exactly once/,
    );
    assert.match(text.elements[0].text, /^△ Changed/);
    const answered = await waitForWebview(
      PAGE,
      'li[data-axis="operations"] .theirs[data-change="answered"]',
      (c) => c.length === 1,
      'the new answer',
    );
    assert.match(answered.elements[0].text, /^\+ Answered/);
    const count = await waitForWebview(PAGE, '#change-count', (c) => c.length === 1, 'the count');
    assert.match(count.elements[0].text, /^2 cells changed since HEAD~1 \([0-9a-f]{7}\)$/);

    await clickInWebview(PAGE, '#stop-comparing');
    await waitForWebview(PAGE, '[data-change]', (c) => c.length === 0, 'no answer marked');
    await waitForWebview(PAGE, '#stop-comparing[hidden]', (c) => c.length === 1, 'Stop comparing to go');
  });
});
