// VS Code 1.101 and later start the MCP servers that extensions define: this extension defines its own server for
// each scope of the window, so that agent mode finds it with no configuration. Older versions lack the API, and
// the 1.95 types this project builds against lack it too: the shim below names the part used, and where VS Code
// has none, nothing is registered. Only types come from `vscode`, so that the unit tests run this in Node.
import type * as vscode from 'vscode';

/** The id under package.json's `contributes.mcpServerDefinitionProviders`: VS Code refuses a provider not declared there. */
export const MCP_PROVIDER_ID = 'competitor-scope.mcp';

/** VS Code's `McpStdioServerDefinition` (1.101), as far as it is used here. */
export interface McpStdioServerDefinitionLike {
  cwd?: vscode.Uri;
}

export interface McpServerDefinitionProvider {
  readonly onDidChangeMcpServerDefinitions: vscode.Event<void>;
  provideMcpServerDefinitions(): McpStdioServerDefinitionLike[];
}

/** The part of VS Code 1.101's API that the 1.95 types lack. */
export interface McpServerApi {
  registerMcpServerDefinitionProvider(id: string, provider: McpServerDefinitionProvider): vscode.Disposable;
  readonly McpStdioServerDefinition: new (
    label: string,
    command: string,
    args?: string[],
    env?: Record<string, string | number | null>,
    version?: string,
  ) => McpStdioServerDefinitionLike;
}

/** The first VS Code whose API is final: 1.99 and 1.100 have it as a proposal, which throws when an extension calls it. */
const MCP_API_SINCE = [1, 101] as const;

/** The API where this VS Code has it; undefined before 1.101. */
export function mcpServerApi(api: typeof vscode): McpServerApi | undefined {
  if (!atLeast(api.version ?? '', MCP_API_SINCE)) return undefined;
  const lm = api.lm as Partial<McpServerApi> | undefined;
  const register = lm?.registerMcpServerDefinitionProvider;
  const definition = (api as Partial<McpServerApi>).McpStdioServerDefinition;
  if (typeof register !== 'function' || typeof definition !== 'function') return undefined;
  return { registerMcpServerDefinitionProvider: (id, provider) => register.call(lm, id, provider), McpStdioServerDefinition: definition };
}

/** Whether a version ("1.101.2", "22.15.0") is `least` or later, by its first two numbers. */
function atLeast(version: string, [major, minor]: readonly [number, number]): boolean {
  const [actualMajor = 0, actualMinor = 0] = version.split('.').map(Number);
  return actualMajor > major || (actualMajor === major && actualMinor >= minor);
}

/** The desktop entry's Node: the extension host's executable and versions, and the command line bundled beside it. */
export interface NodeRuntime {
  readonly execPath: string;
  readonly versions: { readonly node: string; readonly electron?: string };
  readonly cliPath: string;
}

/** package.json's engines.node: what the command line needs. */
const MIN_NODE = [20, 19] as const;

/**
 * The extension host's own Node when it is recent enough for the command line, with Electron told to run as Node
 * (VS Code desktop); otherwise the `node` on the PATH.
 */
export function mcpLaunch(runtime: NodeRuntime): { command: string; env: Record<string, string> } {
  if (!atLeast(runtime.versions.node, MIN_NODE)) return { command: 'node', env: {} };
  return { command: runtime.execPath, env: runtime.versions.electron === undefined ? {} : { ELECTRON_RUN_AS_NODE: '1' } };
}

/** The scopes of the window, as ScopeRoots has them. */
export interface McpScopeRoots {
  readonly all: readonly {
    readonly label: string;
    readonly folderUri: vscode.Uri;
    readonly store: { readonly current: { readonly fileUri?: vscode.Uri } };
  }[];
  readonly onDidChangeRoots: vscode.Event<void>;
  readonly onDidChangeScope: vscode.Event<unknown>;
}

/**
 * Registers the provider: `competitor-scope mcp FOLDER` (the bundled command line) for each scope whose folder has a
 * scope file on the extension host's disk, labelled with its folder, versioned as the extension so that VS Code
 * refreshes the tools after an update. Nothing where the API or Node (the browser) is missing.
 */
export function registerMcpServerDefinitions(
  api: McpServerApi | undefined,
  context: { readonly extension: { readonly packageJSON: { readonly version?: unknown } } },
  roots: McpScopeRoots,
  runtime: NodeRuntime | undefined,
): vscode.Disposable[] {
  if (!api || !runtime) return [];
  const launch = mcpLaunch(runtime);
  const version = String(context.extension.packageJSON.version ?? '');
  // Without a scope file the server could only answer "run init"; a server is a local process, so a file folder only.
  const served = () => roots.all.filter((root) => root.store.current.fileUri !== undefined && root.folderUri.scheme === 'file');
  const keyOf = () => JSON.stringify(served().map((root) => [root.label, root.folderUri.toString()]));
  // VS Code asks again on each change: only when the servers do, not on every keystroke in a scope file.
  const onDidChangeMcpServerDefinitions: vscode.Event<void> = (listener, thisArgs, disposables) => {
    let last = keyOf();
    const changed = () => {
      const next = keyOf();
      if (next === last) return;
      last = next;
      listener.call(thisArgs);
    };
    const subscriptions = [roots.onDidChangeRoots(changed), roots.onDidChangeScope(changed)];
    const subscription = { dispose: () => subscriptions.forEach((s) => s.dispose()) };
    disposables?.push(subscription);
    return subscription;
  };
  const provider: McpServerDefinitionProvider = {
    onDidChangeMcpServerDefinitions,
    provideMcpServerDefinitions: () =>
      served().map((root) => {
        const args = [runtime.cliPath, 'mcp', root.folderUri.fsPath];
        const definition = new api.McpStdioServerDefinition(`Competitor Scope (${root.label})`, launch.command, args, launch.env, version);
        definition.cwd = root.folderUri;
        return definition;
      }),
  };
  return [api.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider)];
}
