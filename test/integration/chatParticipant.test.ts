import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from './api';

/** What the handler wrote to a response stream: the chat UI cannot be driven here, so the test holds the stream. */
interface Written {
  markdown: string;
  references: string[];
}

async function ask(
  command: string | undefined,
  prompt: string,
  model?: vscode.LanguageModelChat,
): Promise<Written & { result: vscode.ChatResult | void | null | undefined }> {
  const written: Written = { markdown: '', references: [] };
  const stream = {
    markdown: (value: string | vscode.MarkdownString) => void (written.markdown += typeof value === 'string' ? value : value.value),
    reference: (value: vscode.Uri | vscode.Location) =>
      void written.references.push(vscode.workspace.asRelativePath(value instanceof vscode.Uri ? value : value.uri)),
  } as unknown as vscode.ChatResponseStream;
  const request = {
    prompt,
    command,
    references: [],
    toolReferences: [],
    toolInvocationToken: undefined,
    model,
  } as unknown as vscode.ChatRequest;
  const context = { history: [] } as unknown as vscode.ChatContext;
  const result = await (await extensionApi()).chatHandler(request, context, stream, new vscode.CancellationTokenSource().token);
  return { ...written, result };
}

describe('@competitor-scope in the chat', () => {
  it('/gaps answers from the notes as a table, with the note as a reference, and no language model', async () => {
    const answer = await ask('gaps', 'FastAPI');
    assert.match(answer.markdown, /\| FastAPI \| Dev experience, documentation, and templates \| Missing \| — \|/);
    assert.deepEqual(answer.references, ['research/fastapi.md']);
    assert.deepEqual(answer.result, { metadata: { command: 'gaps', model: null } });
  });

  it('/compare sets two products side by side; /brief gives the brief; an unknown product says so', async () => {
    assert.match(
      (await ask('compare', 'Django vs FastAPI')).markdown,
      /^### Django and FastAPI: Python Web \/ Application Frameworks\n[\s\S]*\| Axis \| Django \| FastAPI \|/,
    );
    assert.match((await ask('brief', 'Grafana')).markdown, /^# Research brief: Grafana\n/);
    const unknown = await ask('gaps', 'Djangoo');
    assert.match(unknown.markdown, /"Djangoo" is not a product of the scope/);
    assert.deepEqual(unknown.references, []);
  });

  it("with the chat's language model, /gaps comes as its prose, asked with the facts and the notes to cite; a failing model leaves the tables", async () => {
    const sent: string[] = [];
    const model = {
      id: 'fake-model',
      sendRequest: async (messages: vscode.LanguageModelChatMessage[]) => {
        sent.push(...messages.flatMap((m) => m.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''))));
        return {
          text: (async function* () {
            yield 'FastAPI lacks three answers ';
            yield '(research/fastapi.md:14).';
          })(),
        };
      },
    } as unknown as vscode.LanguageModelChat;
    const answer = await ask('gaps', 'FastAPI', model);
    assert.equal(answer.markdown, 'FastAPI lacks three answers (research/fastapi.md:14).');
    assert.match(
      sent.join(''),
      /^Using only the facts below[\s\S]*\| FastAPI \| Auth, security, and rate limiting \| Empty \| `research\/fastapi\.md:14` \|/,
    );
    assert.deepEqual(answer.references, ['research/fastapi.md']);
    assert.deepEqual(answer.result, { metadata: { command: 'gaps', model: 'fake-model' } });

    const failing = {
      id: 'down',
      sendRequest: async () => {
        throw new Error('no access');
      },
    } as unknown as vscode.LanguageModelChat;
    assert.match(
      (await ask('gaps', 'FastAPI', failing)).markdown,
      /\| FastAPI \| Dev experience, documentation, and templates \| Missing \| — \|/,
    );
    // The brief is a document to copy: never rewritten by a model.
    assert.match((await ask('brief', 'FastAPI', model)).markdown, /^# Research brief: FastAPI\n/);
  });
});
