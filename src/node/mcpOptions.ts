/** `mcp [FOLDER] [--scope FILE]`: what the server reads. */
export interface McpOptions {
  readonly folder: string;
  readonly scope?: string;
}
