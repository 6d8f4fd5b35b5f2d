// The `competitor-scope` executable (dist/cli.js): the commands, and the MCP server loaded for `mcp` alone.
import { main, processOutput } from './cli/main';
import type { McpOptions } from './node/mcpOptions';

const runMcp = (options: McpOptions) => import('./mcp/mcpServer').then(({ runMcpServer }) => runMcpServer(options));

void main(process.argv.slice(2), process.cwd(), processOutput, runMcp).then((code) => (process.exitCode = code));
