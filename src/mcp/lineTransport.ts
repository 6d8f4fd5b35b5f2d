import type { Readable, Writable } from 'node:stream';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage, type RequestId } from '@modelcontextprotocol/sdk/types.js';
import { parsedJson, RequestIdScanner } from './requestIdScanner';

/** The longest message read: a request is a tool's name and short arguments (add_section's text is at most 20,000 characters). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;

/**
 * MCP's stdio transport, newline-delimited JSON-RPC, with a bound on each message: a message over it is
 * answered with an error (Invalid Request, with its id when the id can be read) and the server goes on with the
 * next one; its bytes are passed over, never held. A line that is not JSON, or not JSON-RPC, is answered too
 * (the SDK's own transport closes the connection on the first and ignores the second).
 */
export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  /** The current line's parts while it is within the bound. */
  private parts: Buffer[] = [];
  private partsBytes = 0;
  /** While an over-long line is passed over: how long it is so far, and its id as far as it was read. */
  private skipping: { bytes: number; id: RequestIdScanner } | undefined;
  private closed = false;

  /** `report` tells the person running the server (its stderr) what was refused. */
  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
    private readonly report: (line: string) => void,
    private readonly maxBytes = MAX_MESSAGE_BYTES,
  ) {}

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('end', this.onEnd);
    this.input.on('error', this.onStreamError);
    this.output.on('error', this.onStreamError);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return;
    const written = this.output.write(`${JSON.stringify(message)}\n`);
    if (!written) await new Promise((resolve) => this.output.once('drain', resolve));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    this.input.pause();
    this.parts = [];
    this.skipping = undefined;
    this.onclose?.();
  }

  private readonly onData = (chunk: Buffer | string): void => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    while (from < bytes.length) {
      const newline = bytes.indexOf(NEWLINE, from);
      this.take(bytes.subarray(from, newline === -1 ? bytes.length : newline));
      if (newline === -1) return;
      this.endLine();
      from = newline + 1;
    }
  };

  private readonly onEnd = (): void => void this.close();

  private readonly onStreamError = (error: Error): void => {
    this.onerror?.(error);
    void this.close();
  };

  /** Part of the current line: kept while the line is within the bound, else only scanned for its id. */
  private take(part: Buffer): void {
    if (part.length === 0) return;
    if (!this.skipping && this.partsBytes + part.length > this.maxBytes) {
      this.skipping = { bytes: 0, id: new RequestIdScanner() };
      for (const kept of this.parts) this.skip(kept);
      this.parts = [];
      this.partsBytes = 0;
    }
    if (this.skipping) this.skip(part);
    else {
      this.parts.push(part);
      this.partsBytes += part.length;
    }
  }

  private skip(part: Buffer): void {
    this.skipping!.bytes += part.length;
    this.skipping!.id.feed(part);
  }

  private endLine(): void {
    const { skipping } = this;
    const line = skipping ? '' : Buffer.concat(this.parts, this.partsBytes).toString('utf8');
    this.parts = [];
    this.partsBytes = 0;
    this.skipping = undefined;
    if (skipping) {
      this.report(`competitor-scope mcp: refused a message of ${size(skipping.bytes)}; messages may be at most ${size(this.maxBytes)}.\n`);
      this.answerError(
        skipping.id.id,
        ErrorCode.InvalidRequest,
        `The message is ${size(skipping.bytes)}, more than the ${size(this.maxBytes)} a message may be; it was not read.`,
      );
    } else if (line.trim() !== '') {
      this.receive(line);
    }
  }

  private receive(line: string): void {
    const json = parsedJson(line);
    if (json === undefined) {
      this.answerError(undefined, ErrorCode.ParseError, 'The message is not JSON.');
      return;
    }
    const message = JSONRPCMessageSchema.safeParse(json);
    if (message.success) this.onmessage?.(message.data);
    else this.answerError(idOf(json), ErrorCode.InvalidRequest, 'The message is not a JSON-RPC request, notification or response.');
  }

  /**
   * An error about a message that never reached the server. Without a readable id the reply has none: MCP's
   * schema makes the id of an error optional and not null (JSON-RPC's null would be refused by the SDK's client).
   */
  private answerError(id: RequestId | undefined, code: ErrorCode, message: string): void {
    void this.send({ jsonrpc: '2.0', ...(id !== undefined ? { id } : {}), error: { code, message } } as JSONRPCMessage);
  }
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`;
}

function idOf(json: unknown): RequestId | undefined {
  const id = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as { id?: unknown }).id : undefined;
  return typeof id === 'string' || Number.isSafeInteger(id) ? (id as RequestId) : undefined;
}
