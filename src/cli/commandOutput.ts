import type { McpOptions } from '../node/mcpOptions';

/** Where the command line writes; tests pass their own. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Starts the MCP server; the entry point loads it only for `mcp`. */
export type RunMcp = (options: McpOptions) => Promise<void>;

/** A sub-command: its arguments in, its exit code out. */
export type Command = (args: readonly string[], cwd: string, out: Output, mcp: RunMcp) => Promise<number>;

/** Warnings about the reading (git's history too large to read whole) go to stderr, as one line each. */
export function warnTo(out: Output): (line: string) => void {
  return (line) => out.stderr(line);
}
