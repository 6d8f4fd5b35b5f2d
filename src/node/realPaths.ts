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

/** The scopes' folders' real paths: the editor asks for each of thousands of notes, in a few folders. */
const realFolders = new Map<string, Promise<string>>();
const MAX_REAL_FOLDERS = 256;

/**
 * realPathWithin without blocking: what the desktop build gives the editor (see src/workspace/realPaths.ts). The
 * folder's real path is resolved once (a folder moved under the open window leaves its notes outside the old one's
 * real path, so refused, never let out); the file's each time.
 */
export async function staysInside(folder: string, file: string): Promise<boolean> {
  try {
    const [realFolder, real] = await Promise.all([realFolderOf(folder), fs.promises.realpath(file)]);
    return isWithin(realFolder, real);
  } catch {
    return false;
  }
}

function realFolderOf(folder: string): Promise<string> {
  let real = realFolders.get(folder);
  if (!real) {
    if (realFolders.size >= MAX_REAL_FOLDERS) realFolders.clear();
    real = fs.promises.realpath(folder);
    // A folder not there yet is asked again next time.
    real.catch(() => realFolders.delete(folder));
    realFolders.set(folder, real);
  }
  return real;
}
