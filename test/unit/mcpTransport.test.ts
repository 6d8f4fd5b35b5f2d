import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { LineTransport } from '../../src/mcp/lineTransport';
import { RequestIdScanner } from '../../src/mcp/requestIdScanner';

/** A transport over in-memory streams with a 100-byte bound: what it received, what it answered, what it reported. */
async function transport() {
  const input = new PassThrough();
  const output = new PassThrough();
  const received: JSONRPCMessage[] = [];
  const reported: string[] = [];
  const lines = new LineTransport(input, output, (line) => reported.push(line), 100);
  lines.onmessage = (message) => received.push(message);
  await lines.start();
  const answered = () =>
    String(output.read() ?? '')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l));
  return { input, received, reported, answered };
}

function scannedId(...chunks: string[]): unknown {
  const scanner = new RequestIdScanner();
  for (const chunk of chunks) scanner.feed(Buffer.from(chunk));
  return scanner.id;
}

describe("the MCP server's stdio transport", () => {
  it('reads messages split across chunks and several in one chunk, with LF or CRLF', async () => {
    const { input, received, answered } = await transport();
    input.write('{"jsonrpc":"2.0","id":1,"met');
    input.write('hod":"ping"}\r\n{"jsonrpc":"2.0","method":"notifications/initialized"}\n\n{"jsonrpc":"2.0","id":"b","method":"ping"}');
    assert.deepEqual(
      received.map((m) => ('id' in m ? m.id : 'method' in m ? m.method : '')),
      [1, 'notifications/initialized'],
    );
    input.write('\n');
    assert.equal(received.length, 3);
    assert.deepEqual(answered(), []);
  });

  it('answers a message over the bound with its id, keeps none of it, and reads the next message', async () => {
    const { input, received, reported, answered } = await transport();
    input.write(`{"jsonrpc":"2.0","method":"tools/call","params":{"text":"${'x'.repeat(80)}`);
    input.write(`${'y'.repeat(200)}"},"id":7}\n{"jsonrpc":"2.0","id":8,"method":"ping"}\n`);
    const [error] = answered();
    assert.equal(error.id, 7);
    assert.equal(error.error.code, -32600);
    assert.equal(error.error.message, 'The message is 347 bytes, more than the 100 bytes a message may be; it was not read.');
    assert.equal(reported.length, 1);
    assert.deepEqual(
      received.map((m) => ('id' in m ? m.id : undefined)),
      [8],
    );
  });

  it('answers a line that is not JSON with a parse error, and JSON that is not JSON-RPC with its id when it has one', async () => {
    const { input, received, answered } = await transport();
    input.write('{"jsonrpc":"2.0",\n{"jsonrpc":"1.0","id":4,"method":"ping"}\n[1]\n');
    assert.deepEqual(answered(), [
      { jsonrpc: '2.0', error: { code: -32700, message: 'The message is not JSON.' } },
      { jsonrpc: '2.0', id: 4, error: { code: -32600, message: 'The message is not a JSON-RPC request, notification or response.' } },
      { jsonrpc: '2.0', error: { code: -32600, message: 'The message is not a JSON-RPC request, notification or response.' } },
    ]);
    assert.deepEqual(received, []);
  });

  it('closes when its input ends', async () => {
    const { input } = await transport();
    const lines = new LineTransport(input, new PassThrough(), () => undefined);
    let closed = false;
    lines.onclose = () => (closed = true);
    await lines.start();
    input.end();
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(closed);
  });
});

describe('reading the id of a message too long to keep', () => {
  it('finds the top-level id wherever it is, in any chunks, as a number or a string with escapes', () => {
    assert.equal(scannedId('{"jsonrpc":"2.0","method":"x","params":{"a":[1,{"b":"}"}]},"id":42}'), 42);
    assert.equal(scannedId('{"id"', ' : "a\\"', 'b\\u0063" , "method":"x"}'), 'a"bc');
    assert.equal(scannedId('{"\\u0069d":5}'), 5, 'an escaped key');
  });

  it('takes no id from nested objects, from strings, from keys that only start like it, or from a value that is not one', () => {
    assert.equal(scannedId('{"params":{"id":1},"x":"\\"id\\":2"}'), undefined);
    assert.equal(scannedId('{"idx":1,"ids":[3]}'), undefined);
    assert.equal(scannedId('{"id":{"a":1}}'), undefined);
    assert.equal(scannedId('{"id":1.5}'), undefined);
    assert.equal(scannedId('{"id":true}'), undefined);
    assert.equal(scannedId('[{"id":1}]'), undefined, 'a batch');
    assert.equal(scannedId(`{"id":"${'x'.repeat(1000)}"}`), undefined, 'too long to be an id');
  });
});
