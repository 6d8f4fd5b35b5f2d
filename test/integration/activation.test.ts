import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, extensionCommands, workspacePath } from './helpers';

describe('the extension on the example workspace', () => {
  it(`runs in VS Code ${vscode.version} on a copy of example/ with its scope file`, () => {
    assert.ok(existsSync(workspacePath('competitor-scope.yaml')));
  });

  it('activates', async () => {
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
  });

  it('registers its commands, competitorScope.refresh among them', async () => {
    await activateExtension();
    const commands = await extensionCommands();
    console.log(`      commands: ${commands.join(', ')}`);
    assert.ok(commands.includes('competitorScope.refresh'), `registered: ${commands.join(', ') || 'none'}`);
  });
});
