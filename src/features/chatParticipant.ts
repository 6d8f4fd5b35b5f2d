import * as vscode from 'vscode';
import { chatAnswer } from '../core/brief/chatAnswers';
import type { ScopeRoots } from '../workspace/scopeRoots';

export const CHAT_PARTICIPANT_ID = 'competitor-scope.chat';

/**
 * @competitor-scope in the chat view: /gaps, /brief and /compare answered from the notes by the engine. With
 * the language model the user chose for the chat, /gaps and /compare come as prose grounded in those facts;
 * without one (or when it cannot answer), as the engine's Markdown tables. The notes read are the references.
 */
export function registerChatParticipant(
  roots: ScopeRoots,
  extensionUri: vscode.Uri,
): { disposables: vscode.Disposable[]; handler: vscode.ChatRequestHandler } {
  const handler = chatHandler(roots);
  const participant = vscode.chat.createChatParticipant(CHAT_PARTICIPANT_ID, handler);
  participant.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'competitor-scope.svg');
  return { disposables: [participant], handler };
}

/** Answers from the current scope: the active note's, with several in the window. */
function chatHandler(roots: ScopeRoots): vscode.ChatRequestHandler {
  return async (request, _context, stream, token) => {
    const notes = (await roots.whenReady())?.notes;
    if (!notes) {
      stream.markdown('Open a folder with research notes first.');
      return {};
    }
    const answer = chatAnswer(notes.index, request.command, request.prompt);
    const model = answer.prose !== undefined ? (request.model as vscode.LanguageModelChat | undefined) : undefined;
    const byModel = model && (await inProse(model, answer.prose!, stream, token));
    // Team text reaches the tables escaped (inline()); the Markdown runs no commands and no HTML.
    if (!byModel) stream.markdown(new vscode.MarkdownString(answer.markdown));
    for (const note of answer.notes) stream.reference(notes.uriOf(note));
    return { metadata: { command: request.command ?? null, model: byModel ? model.id : null } };
  };
}

/** Streams the model's prose; false when the model refuses or fails before writing anything (the tables answer then). */
async function inProse(
  model: vscode.LanguageModelChat,
  prompt: string,
  stream: vscode.ChatResponseStream,
  token: vscode.CancellationToken,
): Promise<boolean> {
  let wrote = false;
  try {
    const response = await model.sendRequest(
      [vscode.LanguageModelChatMessage.User(prompt)],
      { justification: 'To answer from your competitor research notes.' },
      token,
    );
    for await (const fragment of response.text) {
      stream.markdown(fragment);
      wrote = true;
    }
    return wrote;
  } catch (error) {
    if (!wrote) return false;
    stream.markdown(`\n\n*The language model stopped: ${error instanceof Error ? error.message : String(error)}*`);
    return true;
  }
}
