import { parseCommandArgs } from '../node/commandArgs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localDay } from '../core/dates';
import { plainLines } from '../core/printable';
import { SCOPE_FILE_NAME, SCOPE_FILE_NAMES } from '../core/scope/scopeModel';
import { STARTER_NOTE_PATH, STARTER_SCOPE, starterNote } from '../core/scope/starterScope';
import { UsageError } from '../node/usageError';
import { initSkill } from './initSkill';
import { shownPath } from '../node/workspace';

/** `init [FOLDER]`: writes a starter scope file and an example note, overwriting neither; `--skill`, the agent skill instead. */
export function initCommand(args: readonly string[], cwd: string): { stdout: string; stderr: string; exitCode: number } {
  const { positionals, values } = parseCommandArgs(args, { skill: { type: 'boolean' }, claude: { type: 'boolean' } });
  if (positionals.length > 1) throw new UsageError(`init takes one folder, not ${positionals.length}.`);
  if (values.claude && !values.skill) throw new UsageError('--claude goes with --skill.');
  const folder = path.resolve(cwd, positionals[0] ?? '.');
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new UsageError(`${folder} is not a folder.`);
  if (values.skill) return initSkill(folder, values.claude === true, cwd);
  const scopeFile = path.join(folder, SCOPE_FILE_NAME);
  const noteFile = path.join(folder, ...STARTER_NOTE_PATH.split('/'));
  // Both checked before either is written: a refusal leaves the folder as it was.
  const existing = [...SCOPE_FILE_NAMES.map((name) => path.join(folder, name)), noteFile].find((file) => fs.existsSync(file));
  if (existing !== undefined) throw new Error(`${existing} exists already; init writes over nothing.`);
  // 'wx' fails rather than overwrite a file made meanwhile.
  fs.writeFileSync(scopeFile, STARTER_SCOPE, { flag: 'wx' });
  fs.mkdirSync(path.dirname(noteFile), { recursive: true });
  fs.writeFileSync(noteFile, starterNote(localDay()), { flag: 'wx' });
  const shown = (file: string) => shownPath(cwd, file);
  return {
    stdout: '',
    stderr: plainLines([`Wrote ${shown(scopeFile)} and ${shown(noteFile)}; replace their placeholders, then run check.`]),
    exitCode: 0,
  };
}
