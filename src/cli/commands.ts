// Every command but `check`, `mcp` and `help`: loaded only when one of them runs (bundled apart, as
// dist/commands.js), so that `check`, which a CI job runs on every push, does not load the site, the matrix, the
// import and the rest, nor the MCP server that VS Code starts.
import { battlecard, parseBattlecardArgs } from './battlecard';
import { brief, parseBriefArgs } from './brief';
import { diffCommand } from './diff';
import { importCommand } from './import';
import { initCommand } from './init';
import { matrix, parseMatrixArgs } from './matrix';
import { parseSiteArgs, site } from './site';
import { writeOutput } from './output';
import { warnTo, type Command, type Output } from './commandOutput';

export const LOADED_COMMANDS: Readonly<Record<string, Command>> = {
  async battlecard(args, cwd, out) {
    const options = parseBattlecardArgs(args, cwd);
    return print(writeOutput(await battlecard({ ...options, warn: warnTo(out) }), options), out);
  },
  async matrix(args, cwd, out) {
    const options = parseMatrixArgs(args, cwd);
    return print(writeOutput(await matrix({ ...options, warn: warnTo(out) }), options), out);
  },
  async site(args, cwd, out) {
    return print(await site({ ...parseSiteArgs(args, cwd), warn: warnTo(out) }), out);
  },
  async diff(args, cwd, out) {
    return print(await diffCommand(args, cwd), out);
  },
  async brief(args, cwd, out) {
    const options = parseBriefArgs(args, cwd);
    return print(writeOutput(await brief({ ...options, warn: warnTo(out) }), options), out);
  },
  async import(args, cwd, out) {
    return print(importCommand(args, cwd), out);
  },
  async init(args, cwd, out) {
    return print(initCommand(args, cwd), out);
  },
};

function print(result: { stdout: string; stderr: string; exitCode: number }, out: Output): number {
  out.stdout(result.stdout);
  out.stderr(result.stderr);
  return result.exitCode;
}
