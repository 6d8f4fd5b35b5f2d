import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exampleFolder } from './paths';

/** The throw-away folders of one run: a copy of example/, VS Code's user data and extensions. */
export interface SessionDirs {
  root: string;
  workspace: string;
  userData: string;
  extensions: string;
  /** Removes everything; the copy of example/ may hold the tests' edits, so it never outlives the run. */
  remove(): void;
}

export function createSessionDirs(): SessionDirs {
  const root = mkdtempSync(path.join(os.tmpdir(), 'competitor-scope-'));
  const workspace = path.join(root, 'example');
  cpSync(exampleFolder, workspace, { recursive: true });
  const userData = path.join(root, 'user-data');
  const extensions = path.join(root, 'extensions');
  mkdirSync(userData);
  mkdirSync(extensions);
  return { root, workspace, userData, extensions, remove: () => rmSync(root, { recursive: true, force: true }) };
}
