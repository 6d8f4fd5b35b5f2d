import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { AGENT_INPUTS, AGENT_TOOLS, productAnswer, type AgentTool } from '../core/brief/agentTools';
import { findSection, type Lookup } from '../core/notes/scopeLookup';
import type { NoteIndex } from '../core/index/noteIndex';
import { checkReport } from '../node/check';
import type { McpOptions } from '../node/mcpOptions';
import { packageVersion } from '../node/packageRoot';
import { loadWorkspace } from '../node/workspace';
import { nodeGitDates } from '../git/nodeGitDates';
import { writeSection } from './noteWriter';
import { registerResearchTools } from './researchTools';
import { LineTransport } from './lineTransport';
import { briefPage, checkPage, gapsPage, PAGES_NOTE, scopePage } from './pagedAnswers';
import { MAX_CURSOR_CHARS, MAX_TEXT_BYTES, replyBytes, type PagedCall } from './pages';

type ToolResult = { content: { type: 'text'; text: string }[]; isError?: boolean };

/** A tool's failure: answered to the client as an error result, never a crash of the server. */
class ToolError extends Error {}

const product = z.string().min(1).max(200).describe(AGENT_INPUTS.product);
const category = z.string().min(1).max(200).describe(AGENT_INPUTS.category);
const cursor = z
  .string()
  .min(1)
  .max(MAX_CURSOR_CHARS)
  .describe('The nextCursor of the answer before, for the next page; none for the first page.');

/**
 * The Model Context Protocol server over a folder's scope and notes: the same facts, brief and section writing
 * as the editor's language-model tools and the command line. The notes are read again for every call, so that
 * an answer reflects what is on disk, edits by the agent included.
 */
export function createMcpServer(options: McpOptions): McpServer {
  const server = new McpServer({ name: 'competitor-scope', version: packageVersion() });
  const load = async (): Promise<{ index: NoteIndex; notesRoot: string }> => {
    const workspace = await loadWorkspace({ ...options, git: nodeGitDates });
    if (!workspace.ok) {
      throw new ToolError(`The scope file ${workspace.scopePath} is invalid: ${workspace.problems.map((p) => p.message).join('; ')}`);
    }
    return workspace;
  };
  const readOnly = { readOnlyHint: true, openWorldHint: false };

  const tool = (spec: AgentTool, annotations: ToolAnnotations = readOnly) => ({
    title: spec.title,
    description: spec.description,
    annotations,
  });

  const paged = (spec: AgentTool) => ({ ...tool(spec), description: `${spec.description} ${PAGES_NOTE}` });
  const call = (name: string, input: { product?: string; category?: string; cursor?: string }): PagedCall => ({
    tool: name,
    selection: { product: input.product, category: input.category },
    cursor: input.cursor,
  });

  server.registerTool(AGENT_TOOLS.scope.mcp, { ...paged(AGENT_TOOLS.scope), inputSchema: { cursor: cursor.optional() } }, async (input) =>
    text(unwrap(scopePage((await load()).index, call(AGENT_TOOLS.scope.mcp, input)))),
  );

  server.registerTool(
    AGENT_TOOLS.gaps.mcp,
    { ...paged(AGENT_TOOLS.gaps), inputSchema: { product: product.optional(), category: category.optional(), cursor: cursor.optional() } },
    async (input) => text(unwrap(gapsPage((await load()).index, call(AGENT_TOOLS.gaps.mcp, input)))),
  );

  server.registerTool(
    AGENT_TOOLS.product.mcp,
    { ...tool(AGENT_TOOLS.product), inputSchema: { product, category: category.optional() } },
    async (input) => text(unwrap(productAnswer((await load()).index, input))),
  );

  server.registerTool(
    AGENT_TOOLS.brief.mcp,
    { ...paged(AGENT_TOOLS.brief), inputSchema: { product: product.optional(), category: category.optional(), cursor: cursor.optional() } },
    async (input) => text(unwrap(briefPage((await load()).index, call(AGENT_TOOLS.brief.mcp, input)))),
  );

  server.registerTool(
    'check_notes',
    {
      title: 'Check the notes',
      description: `The result of \`competitor-scope check --format json\`: every product's axes with status, file and line, every finding (missing axes, unknown products, …) and a summary. ${PAGES_NOTE} Products come first, then findings; each page has the summary.`,
      annotations: readOnly,
      inputSchema: { cursor: cursor.optional() },
    },
    async (input) =>
      text(
        unwrap(
          checkPage(
            (await checkReport({ ...options, git: nodeGitDates, format: 'json', maxMissing: 0 })).report,
            call('check_notes', input),
          ),
        ),
      ),
  );

  server.registerTool(
    AGENT_TOOLS.addSection.mcp,
    {
      ...tool(AGENT_TOOLS.addSection, { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false }),
      inputSchema: {
        product,
        axis: z.string().min(1).max(200).describe(AGENT_INPUTS.axis),
        text: z.string().min(1).describe(AGENT_INPUTS.text),
        category: category.optional(),
      },
    },
    async (input) => {
      const { index, notesRoot } = await load();
      const { target, axis } = unwrap(findSection(index.scope, input.product, input.axis, input.category));
      return text(unwrap(writeSection(notesRoot, index, target, axis, input.text)));
    },
  );
  registerResearchTools(server, load);
  return server;
}

/** Runs the server on stdin and stdout until the client closes them; what it refuses is said on stderr. */
export async function runMcpServer(options: McpOptions): Promise<void> {
  await createMcpServer(options).connect(new LineTransport(process.stdin, process.stdout, (line) => process.stderr.write(line)));
}

function unwrap<T>(lookup: Lookup<T>): T {
  if (!lookup.ok) throw new ToolError(lookup.message);
  return lookup.value;
}

/** A tool's answer; one that a reply cannot hold (a product with notes of several megabytes) is refused as such. */
function text(value: string): ToolResult {
  const bytes = replyBytes(value);
  if (bytes > MAX_TEXT_BYTES) {
    throw new ToolError(
      `The answer is ${(bytes / 1_000_000).toFixed(1)} MB, more than the 1 MB a reply may hold: ask for less (a product in one category).`,
    );
  }
  return { content: [{ type: 'text', text: value }] };
}
