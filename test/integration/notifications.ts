import * as vscode from 'vscode';
import { askWebview, waitForWebview, WORKBENCH_PAGE } from './webviewProbe';

/** The workbench's notification toasts, as the webview probe reads them. */
export const TOASTS = '.notifications-toasts .notification-list-item';

/** Runs `ask` with no notification shown, and returns the texts of the notifications it shows, once one has come. */
export async function messagesOf(ask: () => Thenable<unknown>): Promise<string[]> {
  await vscode.commands.executeCommand('notifications.clearAll');
  await waitForWebview(WORKBENCH_PAGE, TOASTS, (toasts) => toasts.length === 0, 'no notification');
  await ask();
  const messages = `${TOASTS} .notification-list-item-message`;
  await waitForWebview(WORKBENCH_PAGE, messages, (shown) => shown.length > 0, 'a message');
  // A second message would come at once: a moment's wait shows it.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return (await askWebview({ title: WORKBENCH_PAGE, selector: messages })).elements.map((m) => m.text);
}
