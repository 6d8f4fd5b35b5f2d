import * as fs from 'node:fs';
import * as path from 'node:path';

/** Whether `real` (a real path) is `realFolder` or inside it. */
export function isWithin(realFolder: string, real: string): boolean {
  const relative = path.relative(realFolder, real);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * Whether `file`, every link on its way resolved, stays inside `folder` (whose own path may hold links): what keeps
 * a link in a repository from making it read a file elsewhere. False for a link that leads nowhere.
 */
export function realPathWithin(folder: string, file: string): boolean {
  try {
    return isWithin(fs.realpathSync(folder), fs.realpathSync(file));
  } catch {
    return false;
  }
}

/** realPathWithin without blocking: what the desktop build gives the editor (see src/workspace/realPaths.ts). */
export async function staysInside(folder: string, file: string): Promise<boolean> {
  try {
    const [realFolder, real] = await Promise.all([fs.promises.realpath(folder), fs.promises.realpath(file)]);
    return isWithin(realFolder, real);
  } catch {
    return false;
  }
}
