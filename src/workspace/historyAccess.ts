import * as vscode from 'vscode';
import type { GitHistory } from '../git/gitHistory';

/** Why history cannot be read in the browser: there is no git there. */
export const HISTORY_NEEDS_DESKTOP =
  'History needs git, which VS Code in the browser does not have: open this folder in VS Code on the desktop or through a VS Code server to compare with a commit or to see how an answer changed.';
/** Why history is not read in an untrusted workspace: reading it runs git on the folder. */
export const HISTORY_NEEDS_TRUST =
  'History needs a trusted workspace: comparing with a commit and the history of an answer run git on this folder, which Restricted Mode does not allow.';
export const MANAGE_TRUST = 'Manage Workspace Trust';

/**
 * Whether the editor may read git's history here: Compare with…, Changed since… and History of This Answer ask first.
 * Where it may not, the user is told why in one message (in an untrusted workspace, with the way to trust it) and
 * nothing runs git.
 */
export function historyAllowed(history: GitHistory): boolean {
  if (!history.available) {
    void vscode.window.showInformationMessage(HISTORY_NEEDS_DESKTOP);
    return false;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(HISTORY_NEEDS_TRUST, MANAGE_TRUST).then(async (choice) => {
      if (choice === MANAGE_TRUST) await vscode.commands.executeCommand('workbench.trust.manage');
    });
    return false;
  }
  return true;
}
