import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { answerPlace, planReviewed, planScore, planUpdate, type AnswerPlan, type AnswerPlace } from '../core/brief/answerEdits';
import { compareProducts, MAX_COMPARED, staleAnswers } from '../core/brief/answerTables';
import { AGENT_INPUTS, agentInputs } from '../core/brief/agentTools';
import { MAX_QUERY_CHARS, MAX_SEARCH_RESULTS, searchNotes } from '../core/brief/noteSearch';
import { RESEARCH_INPUTS, RESEARCH_TOOLS, type ResearchTool } from '../core/brief/researchToolSpecs';
import type { NoteIndex } from '../core/index/noteIndex';
import { battlecardToMarkdown } from '../core/matrix/battlecardText';
import { battlecardCategoryRefusal, battlecardOf } from '../core/matrix/indexMatrix';
import { findSection } from '../core/notes/scopeLookup';
import { compareRefs, DiffRefused } from '../node/compareRefs';
import { diffFacts, diffText } from '../node/diffReport';
import { readNote } from '../node/workspace';
import { writeAnswer } from './noteWriter';
import { READ_ONLY } from './toolResult';
import {
  changesSchema,
  comparisonSchema,
  comparisonText,
  hitsText,
  searchSchema,
  staleSchema,
  staleText,
  writeSchema,
} from './researchText';

/** A folder's scope and notes, read again for each call. */
export type LoadWorkspace = () => Promise<{ index: NoteIndex; notesRoot: string }>;

type Structured = Record<string, unknown>;
type Result = { content: { type: 'text'; text: string }[]; structuredContent?: Structured; isError?: boolean };

const WRITES: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false };
/** update_answer replaces the team's text (with the hash's consent), so it is marked destructive. */
const REPLACES: ToolAnnotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false };

const name = z.string().min(1).max(200);

/** SHA-256 of an answer's text, its first 16 hex digits: enough to tell two texts apart, short enough to send back. */
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Registers the tools that search, compare, list stale answers, show changes, and edit one answer's score, date or text. */
export function registerResearchTools(server: McpServer, load: LoadWorkspace, inputs: ReturnType<typeof agentInputs>): void {
  // Their examples are the scope's own products and axes.
  const product = name.describe(inputs.product);
  const category = name.describe(inputs.category).optional();
  const axis = name.describe(inputs.axis);
  const spec = (tool: ResearchTool, annotations: ToolAnnotations) => ({ title: tool.title, description: tool.description, annotations });

  server.registerTool(
    RESEARCH_TOOLS.search.name,
    {
      ...spec(RESEARCH_TOOLS.search, READ_ONLY),
      inputSchema: {
        query: z.string().min(1).max(MAX_QUERY_CHARS).describe(RESEARCH_INPUTS.query),
        match: z.enum(['phrase', 'words']).optional().describe(RESEARCH_INPUTS.match),
        limit: z.number().int().min(1).max(MAX_SEARCH_RESULTS).optional().describe(RESEARCH_INPUTS.limit),
        cursor: z
          .string()
          .regex(/^\d{1,9}$/)
          .optional()
          .describe(RESEARCH_INPUTS.cursor),
      },
      outputSchema: searchSchema,
    },
    async (input) => {
      const { index, notesRoot } = await load();
      const text = (note: string) => {
        const read = readNote(path.join(notesRoot, note));
        return read.ok ? read.text : undefined;
      };
      const query = { query: input.query, match: input.match ?? 'phrase', limit: input.limit ?? 20, after: Number(input.cursor ?? 0) };
      const found = searchNotes(index, text, query);
      const structured = { hits: found.hits, ...(found.next === null ? {} : { nextCursor: String(found.next) }) };
      return answer(hitsText(found.hits, structured.nextCursor), structured);
    },
  );

  server.registerTool(
    RESEARCH_TOOLS.stale.name,
    { ...spec(RESEARCH_TOOLS.stale, READ_ONLY), inputSchema: { product: product.optional(), category }, outputSchema: staleSchema },
    async (input) => {
      const stale = staleAnswers((await load()).index, input);
      return stale.ok ? answer(staleText(stale.value), { stale: stale.value }) : refusal(stale.message);
    },
  );

  server.registerTool(
    RESEARCH_TOOLS.battlecard.name,
    {
      ...spec(RESEARCH_TOOLS.battlecard, READ_ONLY),
      inputSchema: { product, category },
      outputSchema: { battlecard: z.object({ product: z.string(), category: z.string(), subject: z.string().nullable() }).passthrough() },
    },
    async (input) => {
      const { index } = await load();
      const ambiguous = battlecardCategoryRefusal(index.scope, input.product, input.category, 'the category argument');
      if (ambiguous) return refusal(ambiguous);
      const card = battlecardOf(index, input.product, input.category);
      return card.ok ? answer(battlecardToMarkdown(card.value), { battlecard: { ...card.value } }) : refusal(card.message);
    },
  );

  server.registerTool(
    RESEARCH_TOOLS.compare.name,
    {
      ...spec(RESEARCH_TOOLS.compare, READ_ONLY),
      inputSchema: {
        products: z.array(name).min(1).max(MAX_COMPARED).describe(RESEARCH_INPUTS.products),
        axes: z.array(name).min(1).max(100).optional().describe(RESEARCH_INPUTS.axes),
        category,
      },
      outputSchema: comparisonSchema,
    },
    async (input) => {
      const table = compareProducts((await load()).index, input);
      return table.ok ? answer(comparisonText(table.value), { ...table.value }) : refusal(table.message);
    },
  );

  server.registerTool(
    RESEARCH_TOOLS.changes.name,
    {
      ...spec(RESEARCH_TOOLS.changes, READ_ONLY),
      inputSchema: {
        base: name.optional().describe(RESEARCH_INPUTS.base),
        head: name.optional().describe(RESEARCH_INPUTS.head),
      },
      outputSchema: changesSchema,
    },
    async (input) => {
      const { index, notesRoot } = await load();
      for (const ref of [input.base, input.head]) {
        if (ref?.startsWith('-')) return refusal(`"${ref}" is not taken as a ref: a ref cannot start with "-".`);
      }
      try {
        const compared = await compareRefs({ folder: notesRoot, base: input.base, head: input.head, asOf: index.day() });
        if (!compared.ok) return refusal(compared.stderr.trim());
        const { picture, base, head } = compared;
        return answer(diffText(picture, base, head), { ...diffFacts(picture, base, head, { notesRoot, shownFrom: notesRoot }) });
      } catch (error) {
        if (error instanceof DiffRefused) return refusal(error.message);
        throw error;
      }
    },
  );

  const writes = (tool: ResearchTool, annotations: ToolAnnotations) => ({ ...spec(tool, annotations), outputSchema: writeSchema });
  const section = { product, axis, category };
  server.registerTool(
    RESEARCH_TOOLS.setScore.name,
    {
      ...writes(RESEARCH_TOOLS.setScore, WRITES),
      inputSchema: { ...section, score: z.number().int().min(0).max(1000).describe(RESEARCH_INPUTS.score) },
    },
    writeHandler(load, (index, place, text, input: Asked & { score: number }) => planScore(index, place, text, input.score, hashOf)),
  );
  server.registerTool(
    RESEARCH_TOOLS.markReviewed.name,
    { ...writes(RESEARCH_TOOLS.markReviewed, WRITES), inputSchema: section },
    writeHandler(load, (index, place, text) => planReviewed(index, place, text, hashOf)),
  );
  server.registerTool(
    RESEARCH_TOOLS.updateAnswer.name,
    {
      ...writes(RESEARCH_TOOLS.updateAnswer, REPLACES),
      inputSchema: {
        ...section,
        text: z.string().min(1).describe(AGENT_INPUTS.text),
        hash: z.string().max(64).describe(RESEARCH_INPUTS.hash),
      },
    },
    writeHandler(load, (index, place, text, input: Asked & { text: string; hash: string }) =>
      planUpdate(index, place, text, input.text, input.hash, hashOf),
    ),
  );
}

/** The answer a writer names. */
type Asked = { product: string; axis: string; category?: string };

/** A writer's call: the answer found, the note read, planned on and written in one step, and what was done said with the hash it leaves. */
function writeHandler<I extends Asked>(
  load: LoadWorkspace,
  plan: (index: NoteIndex, place: AnswerPlace, text: string, input: I) => AnswerPlan,
) {
  return async (input: I): Promise<Result> => {
    const { index, notesRoot } = await load();
    const found = findSection(index.scope, input.product, input.axis, input.category);
    const place = found.ok ? answerPlace(index, found.value.target, found.value.axis, input.product) : found;
    if (!place.ok) return refusal(place.message);
    const { path: note, axis: written } = place.value;
    const result = writeAnswer(notesRoot, note, (text) => plan(index, place.value, text, input));
    if (!result.ok) return refusal(result.message);
    const { unchanged, hash } = result.value;
    const said = unchanged ? `${note} already holds this; nothing was written.` : `Updated ${note}: "${written.name}".`;
    return answer(`${said} The answer's hash is now ${hash}.`, { path: note, written: !unchanged, hash });
  };
}

function answer(text: string, structuredContent: Structured): Result {
  return { content: [{ type: 'text', text }], structuredContent };
}

/** A refusal the agent reads: an error result, never a crash of the server. */
function refusal(message: string): Result {
  return { content: [{ type: 'text', text: message }], isError: true };
}
