import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { AGENT_INPUTS, AGENT_TOOLS, agentInputs, oneProduct, type AgentTool } from '../core/brief/agentTools';
import { agentInstructions, instructionsWithoutScope } from '../core/brief/agentInstructions';
import { productFacts } from '../core/brief/scopeFacts';
import { findSection } from '../core/notes/scopeLookup';
import type { NoteIndex } from '../core/index/noteIndex';
import { checkReport } from '../node/check';
import type { McpOptions } from '../node/mcpOptions';
import { packageVersion } from '../node/packageRoot';
import { loadWorkspace } from '../node/workspace';
import { nodeGitDates } from '../git/nodeGitDates';
import { noGitDates } from '../git/gitDates';
import { writeSection } from './noteWriter';
import { registerResearchTools } from './researchTools';
import { LineTransport } from './lineTransport';
import { registerPromptsAndResources } from './promptsAndResources';
import { OUTPUT } from './outputSchemas';
import { briefPage, checkPage, gapsPage, PAGES_NOTE, scopePage } from './pagedAnswers';
import { MAX_CURSOR_CHARS, type Detail, type PagedCall } from './pages';
import { READ_ONLY, registerAgentTool, ToolError, unwrap, type ToolSpec } from './toolResult';

const cursor = z
  .string()
  .min(1)
  .max(MAX_CURSOR_CHARS)
  .describe('The nextCursor of the answer before, for the next page; none for the first page.');

const detail = (summary: string, full: string) =>
  z.enum(['summary', 'full']).default('summary').describe(`"summary" (the default): ${summary}; "full": ${full}.`);

/**
 * The Model Context Protocol server over a folder's scope and notes: the same facts, brief and section writing
 * as the editor's language-model tools and the command line. The scope is read at creation for the instructions
 * and the examples in the tools' descriptions; the notes are read again for every call, so that an answer
 * reflects what is on disk, edits by the agent included.
 */
export async function createMcpServer(options: McpOptions): Promise<McpServer> {
  const first = await firstReading(options);
  const server = new McpServer({ name: 'competitor-scope', version: packageVersion() }, { instructions: first.instructions });
  const load = async (): Promise<{ index: NoteIndex; notesRoot: string; scopePath: string }> => {
    const workspace = await loadWorkspace({ ...options, git: nodeGitDates });
    if (!workspace.ok) {
      throw new ToolError(`The scope file ${workspace.scopePath} is invalid: ${workspace.problems.map((p) => p.message).join('; ')}`);
    }
    return workspace;
  };
  const inputs = first.inputs;
  const product = z.string().min(1).max(200).describe(inputs.product);
  const category = z.string().min(1).max(200).describe(inputs.category);
  const selection = { product: product.optional(), category: category.optional(), cursor: cursor.optional() };

  const spec = (agentTool: AgentTool, more = ''): ToolSpec => ({
    name: agentTool.mcp,
    title: agentTool.title,
    description: `${agentTool.description}${more}`,
    annotations: READ_ONLY,
  });
  const paged = (agentTool: AgentTool, more = '') => spec(agentTool, ` ${PAGES_NOTE}${more}`);
  const call = (tool: string, input: { product?: string; category?: string; cursor?: string; detail?: Detail }): PagedCall => ({
    tool,
    selection: { product: input.product, category: input.category, ...(input.detail === 'full' ? { detail: input.detail } : {}) },
    cursor: input.cursor,
  });
  // A product named must be one product in one category, whatever the tool does with it.
  const checked = (index: NoteIndex, input: { product?: string; category?: string }) => {
    if (input.product !== undefined) unwrap(oneProduct(index.scope, input.product, input.category));
    return index;
  };

  registerAgentTool(server, paged(AGENT_TOOLS.scope), { input: { cursor: cursor.optional() }, output: OUTPUT.scope }, async (input) => ({
    structured: unwrap(scopePage((await load()).index, call(AGENT_TOOLS.scope.mcp, input))) as z.infer<z.ZodObject<typeof OUTPUT.scope>>,
  }));

  registerAgentTool(server, paged(AGENT_TOOLS.gaps), { input: selection, output: OUTPUT.gaps }, async (input) => ({
    structured: unwrap(gapsPage(checked((await load()).index, input), call(AGENT_TOOLS.gaps.mcp, input))) as z.infer<
      z.ZodObject<typeof OUTPUT.gaps>
    >,
  }));

  registerAgentTool(
    server,
    spec(AGENT_TOOLS.product),
    {
      input: {
        product,
        category: category.optional(),
        detail: detail("each answer's excerpt, with its note, line, score, sources and date", "each answer's whole text as well"),
      },
      output: OUTPUT.product,
    },
    async (input) => {
      const { index } = await load();
      const facts = productFacts(index, unwrap(oneProduct(index.scope, input.product, input.category)));
      if (!facts) throw new ToolError(`${input.product} is no longer in the scope.`);
      const sections = input.detail === 'full' ? facts.sections : facts.sections.map(({ text: _text, ...rest }) => rest);
      return { structured: { ...facts, sections } as z.infer<z.ZodObject<typeof OUTPUT.product>> };
    },
  );

  registerAgentTool(server, paged(AGENT_TOOLS.brief), { input: selection, output: OUTPUT.brief }, async (input) => {
    const page = unwrap(briefPage(checked((await load()).index, input), call(AGENT_TOOLS.brief.mcp, input)));
    return { structured: page, text: page.brief };
  });

  registerAgentTool(
    server,
    {
      name: 'check_notes',
      title: 'Check the notes',
      description: `The result of \`competitor-scope check\`: for each product, the axes to research (gaps), the stale and the unsourced ones, a count of each kind of finding, and the summary; with detail "full", \`check --format json\`: every axis with status, file, line, score and date, and every finding with file, line and message. ${PAGES_NOTE} Products come first, then findings; each page has the summary.`,
      annotations: READ_ONLY,
    },
    {
      input: {
        detail: detail('per product, the axes to research, stale and unsourced; findings counted by kind', 'every axis and every finding'),
        cursor: cursor.optional(),
      },
      output: OUTPUT.check,
    },
    async (input) => {
      const { report } = await checkReport({ ...options, git: nodeGitDates, format: 'json', maxMissing: 0 });
      return { structured: unwrap(checkPage(report, call('check_notes', input))) as z.infer<z.ZodObject<typeof OUTPUT.check>> };
    },
  );

  registerAgentTool(
    server,
    {
      ...spec(AGENT_TOOLS.addSection),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    {
      input: {
        product,
        axis: z.string().min(1).max(200).describe(inputs.axis),
        text: z.string().min(1).describe(AGENT_INPUTS.text),
        category: category.optional(),
      },
      output: OUTPUT.addSection,
    },
    async (input) => {
      const { index, notesRoot } = await load();
      // The axis chooses among the product's categories; one named in several is refused, naming them.
      const { target, axis } = unwrap(findSection(index.scope, input.product, input.axis, input.category));
      const message = unwrap(writeSection(notesRoot, index, target, axis, input.text));
      return { structured: { message }, text: message };
    },
  );
  registerResearchTools(server, load, inputs);
  registerPromptsAndResources(server, load, inputs);
  return server;
}

/** Runs the server on stdin and stdout until the client closes them; what it refuses is said on stderr. */
export async function runMcpServer(options: McpOptions): Promise<void> {
  const server = await createMcpServer(options);
  await server.connect(new LineTransport(process.stdin, process.stdout, (line) => process.stderr.write(line)));
}

/**
 * The scope as the server starts: its instructions and the inputs' examples. A scope that cannot be read yet is
 * said in the instructions; every call reads it again, so that fixing it needs no restart.
 */
async function firstReading(options: McpOptions): Promise<{ instructions: string; inputs: ReturnType<typeof agentInputs> }> {
  const generic = agentInputs({ categories: [] });
  try {
    const workspace = await loadWorkspace({ ...options, git: noGitDates, warn: () => undefined });
    if (workspace.ok) return { instructions: agentInstructions(workspace.index.scope), inputs: agentInputs(workspace.index.scope) };
    return {
      instructions: instructionsWithoutScope(`${workspace.scopePath} is invalid: ${workspace.problems.map((p) => p.message).join('; ')}`),
      inputs: generic,
    };
  } catch (error) {
    return { instructions: instructionsWithoutScope(error instanceof Error ? error.message : String(error)), inputs: generic };
  }
}
