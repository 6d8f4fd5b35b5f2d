import * as path from 'node:path';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { briefAnswer, oneProduct } from '../core/brief/agentTools';
import { staleReviewPrompt } from '../core/brief/reviewPrompt';
import type { NoteIndex } from '../core/index/noteIndex';
import { MAX_NOTE_BYTES } from '../core/notes/decodeNote';
import { MAX_SCOPE_FILE_BYTES } from '../core/scope/scopeParser';
import { readBounded } from '../node/boundedRead';
import { realPathWithin } from '../node/realPaths';
import { noteOfRead } from '../node/workspace';
import { ToolError, unwrap } from './toolResult';

/** What the prompts and resources read: the workspace as a tool call reads it. */
export type LoadWorkspace = () => Promise<{ readonly index: NoteIndex; readonly notesRoot: string; readonly scopePath: string }>;

const SCOPE_URI = 'competitor-scope://scope';
const NOTE_TEMPLATE = 'competitor-scope://note/{+path}';

/**
 * The research brief as prompts (per product, per category), "review the stale answers", and the scope file and
 * each note as resources that a client can attach: a note is read only when the scope's glob lists it, through
 * its real path inside the notes folder and within the note size limit.
 */
export function registerPromptsAndResources(server: McpServer, load: LoadWorkspace, inputs: { product: string; category: string }): void {
  const lead = 'Research the gaps below for the competitor research, following its conventions, and cite a source for every claim.';
  const message = (text: string) => ({ messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] });
  const brief = async (selection: { product?: string; category?: string }) => {
    const { index } = await load();
    if (selection.product !== undefined) unwrap(oneProduct(index.scope, selection.product, selection.category));
    return message(`${lead}\n\n${unwrap(briefAnswer(index, selection))}`);
  };

  server.registerPrompt(
    'research_product',
    {
      title: 'Research a product',
      description: 'The research brief of one product: what its notes answer and every axis still to research.',
      argsSchema: {
        product: z.string().max(200).describe(inputs.product),
        category: z.string().max(200).optional().describe(inputs.category),
      },
    },
    (args) => brief(args),
  );
  server.registerPrompt(
    'research_category',
    {
      title: 'Research a category',
      description: 'The research brief of every product of a category.',
      argsSchema: { category: z.string().max(200).describe(inputs.category) },
    },
    (args) => brief(args),
  );
  server.registerPrompt(
    'review_stale',
    {
      title: 'Review the stale answers',
      description: 'Every answer older than its freshness limit, oldest first, to check and date again.',
    },
    async () => message(staleReviewPrompt((await load()).index)),
  );

  server.registerResource(
    'scope',
    SCOPE_URI,
    { title: 'The scope file', description: 'competitor-scope.yaml: the categories, products and axes.', mimeType: 'application/yaml' },
    async (uri) => {
      const { scopePath } = await load();
      return { contents: [{ uri: uri.href, mimeType: 'application/yaml', text: readText(scopePath, MAX_SCOPE_FILE_BYTES) }] };
    },
  );
  server.registerResource(
    'note',
    new ResourceTemplate(NOTE_TEMPLATE, {
      list: async () => ({
        resources: (await load()).index
          .paths()
          .sort()
          .map((note) => ({ uri: noteUri(note), name: note, mimeType: 'text/markdown' })),
      }),
    }),
    { title: 'A research note', description: 'A Markdown note that the scope file names, by its path.', mimeType: 'text/markdown' },
    async (uri, variables) => {
      const { index, notesRoot } = await load();
      const note = decodedPath(String(variables.path));
      const file = path.join(notesRoot, note);
      if (!index.paths().includes(note) || !realPathWithin(notesRoot, file)) {
        throw new ToolError(`${note} is not a note of the scope: list the resources for the notes there are.`);
      }
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: readText(file, MAX_NOTE_BYTES) }] };
    },
  );
}

function noteUri(note: string): string {
  return `competitor-scope://note/${note.split('/').map(encodeURIComponent).join('/')}`;
}

/** A note's path from its URI, its escapes undone; one that is no valid escape is no note's. */
function decodedPath(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A file's text within its size limit, or an error saying why it was not read. */
function readText(file: string, limit: number): string {
  const decoded = noteOfRead(readBounded(file, limit));
  if (!decoded.ok) throw new ToolError(`${path.basename(file)} was not read: ${decoded.reason}`);
  return decoded.text;
}
