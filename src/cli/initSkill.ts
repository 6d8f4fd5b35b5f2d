import * as fs from 'node:fs';
import * as path from 'node:path';
import { agentSkill, SKILL_FOLDERS, SKILL_NAME } from '../core/brief/agentSkill';
import { plainLines } from '../core/printable';
import { SCOPE_FILE_NAMES } from '../core/scope/scopeModel';
import { realPathWithin } from '../node/realPaths';
import { readScope, shownPath } from '../node/workspace';

/**
 * `init --skill [--claude] [FOLDER]`: writes the agent skill into FOLDER (the repository's root), at
 * `.github/skills/competitor-research/SKILL.md` (GitHub Copilot) or, with --claude, `.claude/skills/…` (Claude Code),
 * naming FOLDER's scope when it has a valid scope file. Overwrites nothing, and writes nothing through a link out of FOLDER.
 */
export function initSkill(folder: string, claude: boolean, cwd: string): { stdout: string; stderr: string; exitCode: number } {
  const skillFolder = path.join(folder, ...SKILL_FOLDERS[claude ? 'claude' : 'github'].split('/'), SKILL_NAME);
  const skillFile = path.join(skillFolder, 'SKILL.md');
  if (fs.existsSync(skillFile)) throw new Error(`${skillFile} exists already; init writes over nothing.`);
  // The nearest folder on the way that exists already must really be inside FOLDER: .github may be a link.
  let existing = skillFolder;
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  if (!realPathWithin(folder, existing)) throw new Error(`${existing} leads out of ${folder}; init writes nothing there.`);
  const scopeFile = SCOPE_FILE_NAMES.map((name) => path.join(folder, name)).find((file) => fs.existsSync(file));
  const read = scopeFile === undefined ? undefined : readScope(scopeFile, folder);
  const scope = read?.ok ? read.scope : undefined;
  fs.mkdirSync(skillFolder, { recursive: true });
  // 'wx' fails rather than overwrite a file made meanwhile.
  fs.writeFileSync(skillFile, agentSkill(scope), { flag: 'wx' });
  const shown = shownPath(cwd, skillFile);
  const about = scope
    ? `for ${scope.title}`
    : scopeFile === undefined
      ? `naming no scope: ${shownPath(cwd, folder) || '.'} has no scope file`
      : `naming no scope: ${shownPath(cwd, scopeFile)} is not valid`;
  return {
    stdout: '',
    stderr: plainLines([`Wrote ${shown} (${about}); commit it, and agents that read skills will find it.`]),
    exitCode: 0,
  };
}
