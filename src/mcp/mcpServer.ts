import * as fs from 'node:fs';
import * as path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { briefSubject, researchBrief } from '../core/brief/researchBrief';
import { findSection, type Lookup } from '../core/brief/scopeLookup';
import { gapFacts, productFacts, scopeListing, selectTargets } from '../core/brief/scopeFacts';
import { planSectionWrite } from '../core/brief/sectionWrite';
import type { NoteIndex } from '../core/notes/noteIndex';
import { check } from '../cli/check';
import { packageVersion } from '../cli/packageRoot';
import { loadWorkspace } from '../cli/workspace';

export interface McpOptions {
  readonly folder: string;
  readonly scope?: string;
}

type ToolResult = { content: { type: 'text'; text: string }[]; isError?: boolean };

/** A tool's failure: answered to the client as an error result, never a crash of the server. */
class ToolError extends Error {}

const product = z.string().min(1).max(200).describe('A product by its id, name or alias, as in the scope file (e.g. "django", "DRF").');
const category = z.string().min(1).max(200).describe('A category by its id or name.');

/**
 * The Model Context Protocol server over a folder's scope and notes: the same facts, brief and section writing
 * as the editor's language-model tools and the command line. The notes are read again for every call, so that
 * an answer reflects what is on disk, edits by the agent included.
 */
export function createMcpServer(options: McpOptions): McpServer {
  const server = new McpServer({ name: 'competitor-scope', version: packageVersion() });
  const load = (): { index: NoteIndex; notesRoot: string } => {
    const workspace = loadWorkspace(options.folder, options.scope);
    if (!workspace.ok) throw new ToolError(`The scope file ${workspace.scopePath} is invalid: ${workspace.problems.map((p) => p.message).join('; ')}`);
    return workspace;
  };
  const readOnly = { readOnlyHint: true, openWorldHint: false };

  server.registerTool('list_scope', {
    title: 'List the competitor scope',
    description: 'The competitor scope: our product (the subject), each category with its goal, its products (with their notes and how many axes they answer) and its comparison axes (with descriptions).',
    annotations: readOnly,
  }, () => json(scopeListing(load().index)));

  server.registerTool('find_gaps', {
    title: 'Find research gaps',
    description: 'The axes that research notes leave missing, empty or placeholder, with each axis\'s description and where the note is: for one product, one category, or (with neither) every product.',
    inputSchema: { product: product.optional(), category: category.optional() },
    annotations: readOnly,
  }, (input) => {
    const { index } = load();
    return json(gapFacts(index, unwrap(selectTargets(index, input))));
  });

  server.registerTool('read_product', {
    title: 'Read a product\'s notes',
    description: 'One product\'s research, axis by axis: each section\'s status (answered, placeholder, empty, missing), its note and line, and the answer\'s text. A product in several categories is read in each.',
    inputSchema: { product, category: category.optional() },
    annotations: readOnly,
  }, (input) => {
    const { index } = load();
    return json(unwrap(selectTargets(index, input)).map((target) => productFacts(index, target)));
  });

  server.registerTool('research_brief', {
    title: 'Research brief',
    description: 'A Markdown research brief: the goal, what the notes already answer, every axis still to research with its description, where to write and the conventions a section must follow. For a product, a category, or (with neither) every gap.',
    inputSchema: { product: product.optional(), category: category.optional() },
    annotations: readOnly,
  }, (input) => {
    const { index } = load();
    return text(researchBrief(index, unwrap(briefSubject(index, input))));
  });

  server.registerTool('check_notes', {
    title: 'Check the notes',
    description: 'The result of `competitor-scope check --format json`: every product\'s axes with status, file and line, every finding (missing axes, unknown products, …) and a summary.',
    annotations: readOnly,
  }, () => text(check({ folder: options.folder, ...(options.scope ? { scope: options.scope } : {}), format: 'json', maxMissing: 0 }).output));

  server.registerTool('add_section', {
    title: 'Add a section to a note',
    description: 'Writes an answer for one axis of one product into its research note: adds the axis\'s section where it belongs, fills a section that is empty or a placeholder, or creates the note from the template. Never deletes text, refuses an axis already answered, and writes only inside the notes folder.',
    inputSchema: {
      product,
      axis: z.string().min(1).max(200).describe('The axis by its id, name or alias.'),
      text: z.string().min(1).describe('The answer, in Markdown, without the heading. Cite sources as links.'),
      category: category.optional(),
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  }, (input) => {
    const { index, notesRoot } = load();
    const { target, axis } = unwrap(findSection(index.scope, input.product, input.axis, input.category));
    const plan = planSectionWrite(index, target, axis.id, input.text, (note) => readInside(notesRoot, note));
    if (!plan.ok) throw new ToolError(plan.message);
    const file = insideOrThrow(notesRoot, plan.path);
    if (plan.create) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      insideOrThrow(notesRoot, plan.path);
      fs.writeFileSync(file, plan.text, { flag: 'wx' });
    } else {
      fs.writeFileSync(file, plan.text);
    }
    return text(`${plan.create ? 'Created' : 'Updated'} ${plan.path}: "${axis.name}" is answered.`);
  });
  return server;
}

/** Runs the server on stdin and stdout until the client closes them. */
export async function runMcpServer(options: McpOptions): Promise<void> {
  await createMcpServer(options).connect(new StdioServerTransport());
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

function json(value: unknown): ToolResult {
  return text(JSON.stringify(value, null, 2));
}

function text(value: string): ToolResult {
  return { content: [{ type: 'text', text: value }] };
}
