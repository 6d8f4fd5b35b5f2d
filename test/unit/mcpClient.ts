import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { repoRoot } from './helpers';

export const cli = path.join(repoRoot, 'dist', 'cli.js');

export type TextResult = { content: { type: string; text: string }[]; isError?: boolean };

/** What each client's server wrote on stderr so far. */
export const stderrOf = new WeakMap<Client, () => string>();

/** An MCP client of `competitor-scope mcp FOLDER`, spawned as a client would spawn it. */
export async function connect(folder: string): Promise<Client> {
  assert.ok(fs.existsSync(cli), 'npm run build makes dist/cli.js');
  const client = new Client({ name: 'competitor-scope-test', version: '1.0.0' });
  const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', folder], stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  stderrOf.set(client, () => stderr);
  await client.connect(transport);
  return client;
}

/** A tool's answer as one text, and whether it is an error. */
export async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<{ text: string; isError: boolean }> {
  const result = (await client.callTool({ name, arguments: args })) as TextResult;
  return { text: result.content.map((c) => c.text).join(''), isError: result.isError === true };
}
