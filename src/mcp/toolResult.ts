import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Lookup } from '../core/notes/scopeLookup';
import { MAX_TEXT_BYTES, replyBytes } from './pages';

/** A tool's failure: answered to the client as an error result, never a crash of the server. */
export class ToolError extends Error {}

/** What a tool is to a client: its name, title, description (what it returns, when to use it, its limits) and hints. */
export interface ToolSpec {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly annotations: ToolAnnotations;
}

/** A tool's answer: the facts, as its outputSchema declares them, and their text for clients that read only text. */
export interface ToolAnswer<Output> {
  readonly structured: Output;
  /** The compact JSON of `structured` when absent; the brief gives its Markdown. */
  readonly text?: string;
}

export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, openWorldHint: false };

type Shape = z.ZodRawShape;

/**
 * Registers a tool whose answer is structured (`structuredContent`, checked against `output` by the SDK on both
 * sides) and also given as text, as the protocol asks for clients without structured output. A thrown ToolError
 * is the tool's error result; an answer a reply cannot hold is refused as such.
 */
export function registerAgentTool<Input extends Shape, Output extends Shape>(
  server: McpServer,
  spec: ToolSpec,
  schemas: { readonly input: Input; readonly output: Output },
  handler: (input: z.infer<z.ZodObject<Input>>) => Promise<ToolAnswer<z.infer<z.ZodObject<Output>>>>,
): void {
  const { name, ...config } = spec;
  const callback = async (input: z.infer<z.ZodObject<Input>>) => {
    const answer = await handler(input);
    const text = answer.text ?? JSON.stringify(answer.structured);
    const bytes = replyBytes(text) + Buffer.byteLength(JSON.stringify(answer.structured));
    if (bytes > MAX_TEXT_BYTES) {
      throw new ToolError(
        `The answer is ${(bytes / 1_000_000).toFixed(1)} MB, more than the 1 MB a reply may hold: ask for less (a product in one category).`,
      );
    }
    return { content: [{ type: 'text' as const, text }], structuredContent: answer.structured as Record<string, unknown> };
  };
  // The SDK's overloads cannot follow a generic shape: the schemas and the callback agree by the types above.
  (server.registerTool as (name: string, config: object, cb: typeof callback) => unknown)(
    name,
    { ...config, inputSchema: schemas.input, outputSchema: schemas.output },
    callback,
  );
}

/** A lookup's value, or its message as the tool's error. */
export function unwrap<T>(lookup: Lookup<T>): T {
  if (!lookup.ok) throw new ToolError(lookup.message);
  return lookup.value;
}
