import { gitOutput } from './gitProcess';

/**
 * The commit a ref names (a branch, a tag, a commit, `HEAD~1`), full id; undefined when it names none here. The ref
 * comes after `--end-of-options`, so git never reads it as an option; the caller refuses one starting with `-` first.
 */
export async function commitOf(cwd: string, ref: string): Promise<string | undefined> {
  const out = await gitOutput(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  return out?.trim() || undefined;
}

/** Whether the repository is a shallow clone, whose history stops short (`actions/checkout` by default). */
export async function isShallow(cwd: string): Promise<boolean> {
  return (await gitOutput(cwd, ['rev-parse', '--is-shallow-repository']))?.trim() === 'true';
}

/** Whether `cwd` is inside a git repository's working tree. */
export async function inRepository(cwd: string): Promise<boolean> {
  return (await gitOutput(cwd, ['rev-parse', '--is-inside-work-tree']))?.trim() === 'true';
}

/**
 * The commit a branch's changes start from: its merge base with the branch it tracks (what a pull request compares
 * against), else HEAD's parent. Undefined when neither is in the repository (one commit, or a shallow clone).
 */
export async function defaultBase(cwd: string): Promise<{ ref: string; commit: string } | undefined> {
  const upstream = (await gitOutput(cwd, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']))?.trim();
  if (upstream) {
    const base = (await gitOutput(cwd, ['merge-base', 'HEAD', '@{upstream}']))?.trim();
    if (base) return { ref: `the merge base with ${upstream}`, commit: base };
  }
  const parent = await commitOf(cwd, 'HEAD~1');
  return parent === undefined ? undefined : { ref: 'HEAD~1', commit: parent };
}

/** The folder's path inside its repository's working tree: '' at its root, else ending with '/'; undefined outside one. */
export async function pathInRepository(cwd: string): Promise<string | undefined> {
  return (await gitOutput(cwd, ['rev-parse', '--show-prefix']))?.trim();
}
