import * as fs from 'node:fs';
import * as path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { AGENT_INPUTS, AGENT_TOOLS, briefAnswer, gapsAnswer, productAnswer, scopeAnswer, type AgentTool } from '../core/brief/agentTools';
import { findSection, type Lookup } from '../core/brief/scopeLookup';
import { planSectionWrite, unchangedMessage, writtenMessage } from '../core/brief/sectionWrite';
import type { NoteIndex } from '../core/notes/noteIndex';
import { check } from '../cli/check';
import { packageVersion } from '../cli/packageRoot';
import { loadWorkspace } from '../cli/workspace';
import { nodeGitDates } from '../git/nodeGitDates';
import { LineTransport } from './lineTransport';

export interface McpOptions {
  readonly folder: string;
  readonly scope?: string;
}

type ToolResult = { content: { type: 'text'; text: string }[]; isError?: boolean };

/** A tool's failure: answered to the client as an error result, never a crash of the server. */
class ToolError extends Error {}

const product = z.string().min(1).max(200).describe(AGENT_INPUTS.product);
const category = z.string().min(1).max(200).describe(AGENT_INPUTS.category);

/**
 * The Model Context Protocol server over a folder's scope and notes: the same facts, brief and section writing
 * as the editor's language-model tools and the command line. The notes are read again for every call, so that
 * an answer reflects what is on disk, edits by the agent included.
 */
export function createMcpServer(options: McpOptions): McpServer {
  const server = new McpServer({ name: 'competitor-scope', version: packageVersion() });
  const load = async (): Promise<{ index: NoteIndex; notesRoot: string }> => {
    const workspace = await loadWorkspace({ ...options, git: nodeGitDates });
    if (!workspace.ok) throw new ToolError(`The scope file ${workspace.scopePath} is invalid: ${workspace.problems.map((p) => p.message).join('; ')}`);
    return workspace;
  };
  const readOnly = { readOnlyHint: true, openWorldHint: false };

  const tool = (spec: AgentTool, annotations: ToolAnnotations = readOnly) => ({ title: spec.title, description: spec.description, annotations });

  server.registerTool(AGENT_TOOLS.scope.mcp, tool(AGENT_TOOLS.scope), async () => text(scopeAnswer((await load()).index)));

  server.registerTool(AGENT_TOOLS.gaps.mcp, { ...tool(AGENT_TOOLS.gaps), inputSchema: { product: product.optional(), category: category.optional() } }, async (input) =>
    text(unwrap(gapsAnswer((await load()).index, input))));

  server.registerTool(AGENT_TOOLS.product.mcp, { ...tool(AGENT_TOOLS.product), inputSchema: { product, category: category.optional() } }, async (input) =>
    text(unwrap(productAnswer((await load()).index, input))));

  server.registerTool(AGENT_TOOLS.brief.mcp, { ...tool(AGENT_TOOLS.brief), inputSchema: { product: product.optional(), category: category.optional() } }, async (input) =>
    text(unwrap(briefAnswer((await load()).index, input))));

  server.registerTool('check_notes', {
    title: 'Check the notes',
    description: 'The result of `competitor-scope check --format json`: every product\'s axes with status, file and line, every finding (missing axes, unknown products, …) and a summary.',
    annotations: readOnly,
  }, async () => text((await check({ ...options, git: nodeGitDates, format: 'json', maxMissing: 0 })).output));

  server.registerTool(AGENT_TOOLS.addSection.mcp, {
    ...tool(AGENT_TOOLS.addSection, { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false }),
    inputSchema: {
      product,
      axis: z.string().min(1).max(200).describe(AGENT_INPUTS.axis),
      text: z.string().min(1).describe(AGENT_INPUTS.text),
      category: category.optional(),
    },
  }, async (input) => {
    const { index, notesRoot } = await load();
    const { target, axis } = unwrap(findSection(index.scope, input.product, input.axis, input.category));
    const plan = planSectionWrite(index, target, axis.id, input.text, (note) => readInside(notesRoot, note));
    if (!plan.ok) throw new ToolError(plan.message);
    if (plan.unchanged) return text(unchangedMessage(plan.path, axis.name));
    const file = insideOrThrow(notesRoot, plan.path);
    if (plan.create) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      insideOrThrow(notesRoot, plan.path);
      fs.writeFileSync(file, plan.text, { flag: 'wx' });
    } else {
      fs.writeFileSync(file, plan.text);
    }
    return text(writtenMessage(plan, axis.name));
  });
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

/** A note's absolute path, after checking that it (with every link resolved) stays inside the notes' folder. */
function insideOrThrow(root: string, note: string): string {
  const file = path.resolve(root, note);
  const realRoot = fs.realpathSync(root);
  let existing = file;
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  const relative = path.relative(realRoot, path.join(fs.realpathSync(existing), path.relative(existing, file)));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw new ToolError(`${note} is outside the notes folder; nothing was written.`);
  return file;
}

function readInside(root: string, note: string): string | undefined {
  try {
    return fs.readFileSync(insideOrThrow(root, note), 'utf8');
  } catch {
    return undefined;
  }
}

function text(value: string): ToolResult {
  return { content: [{ type: 'text', text: value }] };
}
