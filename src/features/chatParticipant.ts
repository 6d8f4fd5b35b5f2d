import * as vscode from 'vscode';
import { chatAnswer } from '../core/brief/chatAnswers';
import type { NoteWorkspace } from '../workspace/noteWorkspace';

export const CHAT_PARTICIPANT_ID = 'competitor-scope.chat';

/**
 * @competitor-scope in the chat view: /gaps, /brief and /compare answered from the notes by the engine, as
 * Markdown tables and lists, with the notes it read as references. No language model is asked, so no note
 * leaves the machine through this participant.
 */
export function registerChatParticipant(notes: NoteWorkspace, extensionUri: vscode.Uri): { disposables: vscode.Disposable[]; handler: vscode.ChatRequestHandler } {
  const handler = chatHandler(notes);
  const participant = vscode.chat.createChatParticipant(CHAT_PARTICIPANT_ID, handler);
  participant.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'competitor-scope.svg');
  return { disposables: [participant], handler };
}

function chatHandler(notes: NoteWorkspace): vscode.ChatRequestHandler {
  return async (request, _context, stream) => {
    await notes.ready;
    const answer = chatAnswer(notes.index, request.command, request.prompt);
    // Team text reaches the answer escaped (inline()); the Markdown itself runs no commands and no HTML.
    stream.markdown(new vscode.MarkdownString(answer.markdown));
    for (const note of answer.notes) {
      const uri = notes.uriOf(note);
      if (uri) stream.reference(uri);
    }
    return { metadata: { command: request.command ?? null } };
  };
}
