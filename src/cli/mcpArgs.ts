import { parseCommandArgs } from '../node/commandArgs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../node/usageError';
import { scopeOption } from '../node/workspace';

/** `mcp [FOLDER] [--scope FILE]`, as options: checked before the server starts, so that a mistake is a usage error. */
export function parseMcpArgs(args: readonly string[], cwd: string): { folder: string; scope?: string } {
  const { values, positionals } = parseCommandArgs(args, { scope: { type: 'string' } });
  if (positionals.length > 1) throw new UsageError(`mcp takes one folder, not ${positionals.length}.`);
  const folder = path.resolve(cwd, positionals[0] ?? '.');
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new UsageError(`${folder} is not a folder.`);
  return { folder, ...scopeOption(values.scope, cwd) };
}
