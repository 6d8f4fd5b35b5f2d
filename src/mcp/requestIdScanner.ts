import type { RequestId } from '@modelcontextprotocol/sdk/types.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const SPACE = 0x20;
const OPEN_OBJECT = 0x7b;
const OPENERS = new Set([OPEN_OBJECT, 0x5b]); // { [
const CLOSERS = new Set([0x7d, 0x5d]); // } ]
/** Longer keys are not "id"; longer values are no id a client would send. */
const MAX_KEY_BYTES = 16;
const MAX_ID_BYTES = 256;

/**
 * Finds the top-level "id" of a JSON-RPC message in its bytes as they pass, keeping none of the rest: the id that
 * an error about a message too long to hold answers to (the SDK's client writes it after the params). It follows
 * only JSON's structure (strings with their escapes, nesting; multi-byte characters never hold these ASCII bytes);
 * the key and the id are decoded by JSON.parse.
 */
export class RequestIdScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** In the top-level object: whether the next string is a key. */
  private expectingKey = false;
  private key: number[] | undefined;
  private lastKey: string | undefined;
  /** The bytes of the value of an "id" key, while it is read; undefined once it is too long or not a scalar. */
  private value: number[] | undefined;
  private found: RequestId | undefined;
  /** The message is no JSON object (a batch, a scalar): it has no id to read. */
  private notAnObject = false;

  /** The id read so far: the last "id" of the top-level object, when it is a string or an integer. */
  get id(): RequestId | undefined {
    return this.notAnObject ? undefined : this.found;
  }

  feed(bytes: Uint8Array): void {
    for (const byte of bytes) this.step(byte);
  }

  private step(byte: number): void {
    if (this.inString) {
      this.keep(byte);
      if (this.escaped) this.escaped = false;
      else if (byte === BACKSLASH) this.escaped = true;
      else if (byte === QUOTE) {
        this.inString = false;
        if (this.key) this.lastKey = parsedJson(`"${Buffer.from(this.key).toString('utf8')}"`) as string | undefined;
        this.key = undefined;
        return;
      }
      if (this.key && this.key.push(byte) > MAX_KEY_BYTES) this.key = undefined;
    } else if (byte === QUOTE) {
      this.inString = true;
      if (this.depth === 1 && this.expectingKey) this.key = [];
      this.keep(byte);
    } else if (OPENERS.has(byte)) {
      if (this.depth === 0 && byte !== OPEN_OBJECT) this.notAnObject = true;
      if (++this.depth === 1) this.expectingKey = true;
      this.value = undefined;
    } else if (CLOSERS.has(byte)) {
      if (this.depth === 0) this.notAnObject = true;
      if (this.depth-- === 1) this.endValue();
    } else if (this.depth !== 1) {
      if (this.depth === 0 && byte > SPACE) this.notAnObject = true;
    } else if (byte === COLON) {
      this.expectingKey = false;
      if (this.lastKey === 'id') this.value = [];
    } else if (byte === COMMA) {
      this.endValue();
      this.expectingKey = true;
    } else {
      this.keep(byte);
    }
  }

  /** A byte of the id's value, while it is read and short enough to be one. */
  private keep(byte: number): void {
    if (this.value && this.value.push(byte) > MAX_ID_BYTES) this.value = undefined;
  }

  private endValue(): void {
    if (this.value) {
      const id = parsedJson(Buffer.from(this.value).toString('utf8'));
      if (typeof id === 'string' || Number.isSafeInteger(id)) this.found = id as RequestId;
    }
    this.value = undefined;
    this.lastKey = undefined;
  }
}

/** A JSON text's value; undefined when it is not JSON (JSON has no undefined). */
export function parsedJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}
