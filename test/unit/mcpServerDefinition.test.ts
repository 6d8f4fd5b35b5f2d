import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type * as vscode from 'vscode';
import {
  MCP_PROVIDER_ID,
  mcpLaunch,
  mcpServerApi,
  registerMcpServerDefinitions,
  type McpScopeRoots,
  type McpServerApi,
  type McpServerDefinitionProvider,
  type NodeRuntime,
} from '../../src/features/mcpServerDefinition';
import { repoRoot, tempFolder } from './helpers';
import { cli } from './mcpClient';

/** What VS Code 1.101's McpStdioServerDefinition keeps: its constructor's arguments, and the cwd set after. */
class FakeDefinition {
  cwd?: vscode.Uri;
  constructor(
    readonly label: string,
    readonly command: string,
    readonly args?: string[],
    readonly env?: Record<string, string | number | null>,
    readonly version?: string,
  ) {}
}

/** A `vscode.lm` of 1.101 that records the providers registered, and their disposal. */
function fakeApi() {
  const registered: { id: string; provider: McpServerDefinitionProvider; disposed: boolean }[] = [];
  const api: McpServerApi = {
    registerMcpServerDefinitionProvider(id, provider) {
      const entry = { id, provider, disposed: false };
      registered.push(entry);
      return { dispose: () => (entry.disposed = true) } as vscode.Disposable;
    },
    McpStdioServerDefinition: FakeDefinition,
  };
  return { api, registered };
}

function fileUri(fsPath: string): vscode.Uri {
  return { scheme: 'file', fsPath, toString: () => `file://${fsPath}` } as unknown as vscode.Uri;
}

/** A tiny event emitter, as ScopeRoots' events behave. */
function emitter() {
  const listeners = new Set<() => void>();
  const event = ((listener: () => void) => {
    listeners.add(listener);
    return { dispose: () => listeners.delete(listener) };
  }) as vscode.Event<void>;
  return { event, fire: () => listeners.forEach((listener) => listener()), listeners };
}

type Root = McpScopeRoots['all'][number];
const rootAt = (label: string, fsPath: string, withFile = true): Root => ({
  label,
  folderUri: fileUri(fsPath),
  store: { current: withFile ? { fileUri: fileUri(`${fsPath}/competitor-scope.yaml`) } : {} },
});

const desktop: NodeRuntime = {
  execPath: '/opt/VS Code/code',
  versions: { node: '22.15.0', electron: '35.5.1' },
  cliPath: '/ext/dist/cli.js',
};
const context = { extension: { packageJSON: { version: '0.1.0' } } };

describe('the MCP server definition (VS Code 1.101+)', () => {
  it('registers nothing, and does not fail, where VS Code (1.95 to 1.100) or the entry (the browser) lacks the API', () => {
    const older = { version: '1.95.3', lm: { registerTool: () => undefined } } as unknown as typeof vscode;
    assert.equal(mcpServerApi(older), undefined);
    // 1.99 and 1.100 have it as a proposal, which throws for an extension that has not enabled it.
    const proposal = {
      version: '1.100.3',
      lm: { registerMcpServerDefinitionProvider: () => assert.fail('called') },
      McpStdioServerDefinition: FakeDefinition,
    };
    assert.equal(mcpServerApi(proposal as unknown as typeof vscode), undefined);
    const roots: McpScopeRoots = { all: [rootAt('team', '/team')], onDidChangeRoots: emitter().event, onDidChangeScope: emitter().event };
    assert.deepEqual(registerMcpServerDefinitions(undefined, context, roots, desktop), []);
    const { api, registered } = fakeApi();
    assert.deepEqual(registerMcpServerDefinitions(api, context, roots, undefined), []);
    assert.equal(registered.length, 0);
  });

  it('finds the API on a VS Code that has it, calling it on vscode.lm', () => {
    const { api, registered } = fakeApi();
    const lm = { registerMcpServerDefinitionProvider: api.registerMcpServerDefinitionProvider };
    const found = mcpServerApi({ version: '1.101.0', lm, McpStdioServerDefinition: FakeDefinition } as unknown as typeof vscode);
    assert.ok(found);
    found.registerMcpServerDefinitionProvider('x', {} as McpServerDefinitionProvider);
    assert.equal(registered[0]?.id, 'x');
  });

  it('defines `competitor-scope mcp FOLDER` for each scope with a scope file, under the id package.json declares', () => {
    const { api, registered } = fakeApi();
    const roots: McpScopeRoots = {
      all: [rootAt('team', '/work/team'), rootAt('empty', '/work/empty', false), rootAt('team/sub', '/work/team/sub')],
      onDidChangeRoots: emitter().event,
      onDidChangeScope: emitter().event,
    };
    const disposables = registerMcpServerDefinitions(api, context, roots, desktop);
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { mcpServerDefinitionProviders: { id: string; label: string }[] };
    };
    assert.deepEqual(
      manifest.contributes.mcpServerDefinitionProviders.map((p) => p.id),
      [MCP_PROVIDER_ID],
    );
    assert.deepEqual(
      registered.map((r) => r.id),
      [MCP_PROVIDER_ID],
    );
    const definitions = registered[0]!.provider.provideMcpServerDefinitions() as FakeDefinition[];
    assert.deepEqual(
      definitions.map((d) => ({ label: d.label, command: d.command, args: d.args, env: d.env, version: d.version, cwd: d.cwd?.fsPath })),
      [
        {
          label: 'Competitor Scope (team)',
          command: '/opt/VS Code/code',
          args: ['/ext/dist/cli.js', 'mcp', '/work/team'],
          env: { ELECTRON_RUN_AS_NODE: '1' },
          version: '0.1.0',
          cwd: '/work/team',
        },
        {
          label: 'Competitor Scope (team/sub)',
          command: '/opt/VS Code/code',
          args: ['/ext/dist/cli.js', 'mcp', '/work/team/sub'],
          env: { ELECTRON_RUN_AS_NODE: '1' },
          version: '0.1.0',
          cwd: '/work/team/sub',
        },
      ],
    );
    disposables.forEach((d) => d.dispose());
    assert.equal(registered[0]!.disposed, true);
  });

  it('tells VS Code when the servers change (a scope file made, a folder added), not on every edit of a scope file', () => {
    const { api, registered } = fakeApi();
    const rootsChanged = emitter();
    const scopeChanged = emitter();
    const all: Root[] = [rootAt('team', '/team', false)];
    registerMcpServerDefinitions(
      api,
      context,
      { all, onDidChangeRoots: rootsChanged.event, onDidChangeScope: scopeChanged.event },
      desktop,
    );
    const provider = registered[0]!.provider;
    let fired = 0;
    const subscription = provider.onDidChangeMcpServerDefinitions(() => fired++);
    assert.equal(provider.provideMcpServerDefinitions().length, 0);
    all[0] = rootAt('team', '/team');
    scopeChanged.fire();
    assert.equal(fired, 1);
    scopeChanged.fire();
    assert.equal(fired, 1, 'an edit that changes no server');
    all.push(rootAt('other', '/other'));
    rootsChanged.fire();
    assert.equal(fired, 2);
    assert.equal(provider.provideMcpServerDefinitions().length, 2);
    subscription.dispose();
    assert.equal(rootsChanged.listeners.size + scopeChanged.listeners.size, 0);
  });

  it("runs the server with the extension host's Node when it can run the command line, else with node", () => {
    assert.deepEqual(mcpLaunch(desktop), { command: '/opt/VS Code/code', env: { ELECTRON_RUN_AS_NODE: '1' } });
    assert.deepEqual(mcpLaunch({ ...desktop, execPath: '/usr/bin/node', versions: { node: '20.19.0' } }), {
      command: '/usr/bin/node',
      env: {},
    });
    assert.deepEqual(mcpLaunch({ ...desktop, versions: { node: '20.18.3', electron: '32.0.0' } }), { command: 'node', env: {} });
    assert.deepEqual(mcpLaunch({ ...desktop, versions: { node: '18.20.0' } }), { command: 'node', env: {} });
  });

  it('defines a server that starts and answers an MCP client over the scope', async () => {
    const folder = tempFolder({
      'competitor-scope.yaml':
        'version: 1\ntitle: Databases\ncategories:\n  - id: db\n    name: Databases\n    goal: Pick one.\n    products:\n      - id: pg\n        name: Postgres\n    axes:\n      - id: price\n        name: Pricing\n',
    });
    const { api, registered } = fakeApi();
    const node: NodeRuntime = { execPath: process.execPath, versions: process.versions, cliPath: cli };
    const roots: McpScopeRoots = { all: [rootAt('team', folder)], onDidChangeRoots: emitter().event, onDidChangeScope: emitter().event };
    registerMcpServerDefinitions(api, context, roots, node);
    const [definition] = registered[0]!.provider.provideMcpServerDefinitions() as FakeDefinition[];
    const env = Object.fromEntries(Object.entries(definition!.env ?? {}).map(([k, v]) => [k, String(v)]));
    const transport = new StdioClientTransport({ command: definition!.command, args: definition!.args, env, cwd: definition!.cwd?.fsPath });
    const client = new Client({ name: 'vscode-like', version: '1.0.0' });
    await client.connect(transport);
    try {
      const result = (await client.callTool({ name: 'find_gaps', arguments: {} })) as { content: { text: string }[] };
      assert.match(result.content.map((c) => c.text).join(''), /Postgres/);
    } finally {
      await client.close();
    }
  });
});
