import { Minimatch } from 'minimatch';
import { isNoteFile, mayHoldNotes } from './noteFile';
import { SCOPE_FILE_NAME } from './scopeModel';

/** Longest notes glob accepted: a pattern is a line of the scope file, not a program. */
const MAX_GLOB_LENGTH = 256;
/** `{a,b}` expands to one pattern per alternative; a few groups are plenty, sixteen are 65,536 patterns. */
const MAX_BRACE_GROUPS = 4;

/**
 * Why the scope's `notes` glob cannot be used, or undefined when it can. The glob is the repository's
 * input: it must stay inside the scope file's folder (no absolute path, no `..`), and stay cheap to expand.
 */
export function notesGlobProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'must not be empty';
  if (pattern.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters`;
  if (/^([/\\~]|[a-zA-Z]:)/.test(pattern)) return 'must be relative to the scope file\'s folder, not an absolute path';
  if (pattern.split(/[/\\]/).includes('..')) return 'must stay inside the scope file\'s folder: ".." is not allowed';
  if ((pattern.match(/\{/g) ?? []).length > MAX_BRACE_GROUPS) return `has more than ${MAX_BRACE_GROUPS} {…} groups`;
  const unbalanced = unbalancedBracket(pattern);
  if (unbalanced) return unbalanced;
  return undefined;
}

/** A character class must close, and its ranges run upwards (`[z-a]` matches nothing and is a typo). */
function unbalancedBracket(pattern: string): string | undefined {
  for (let i = pattern.indexOf('['); i !== -1; i = pattern.indexOf('[', i + 1)) {
    const close = pattern.indexOf(']', i + 2);
    if (close === -1) return `has a "[" at ${i + 1} with no closing "]"`;
    const body = pattern.slice(i + 1, close).replace(/^[!^]/, '');
    for (let j = 1; j + 1 < body.length; j++) {
      if (body[j] === '-' && body[j - 1] > body[j + 1]) return `has the range "${body.slice(j - 1, j + 2)}", which runs backwards`;
    }
    i = close;
  }
  return undefined;
}

/**
 * The scope's notes glob, matched by minimatch (linear in the path for the wildcards a notes glob uses, where a
 * hand-made translation to a backtracking regex can be exponential). Paths are '/'-separated, relative to the
 * scope file's folder. Only note files match (see isNoteFile), and the scope file itself is never a note; nor is a
 * file an `exclude` glob matches: one without a "/" by its name at any depth (`README.md`), case ignored.
 */
export class Glob {
  private readonly matcher: Minimatch;
  private readonly excluded: readonly Minimatch[];

  constructor(
    readonly pattern: string,
    readonly exclude: readonly string[] = [],
  ) {
    this.matcher = new Minimatch(pattern.replace(/^\.\//, ''), { dot: false, nocomment: true, nonegate: true });
    this.excluded = exclude.map((excluded) => new Minimatch(excluded.replace(/^\.\//, ''), { dot: true, nocase: true, matchBase: true, nocomment: true, nonegate: true }));
  }

  matches(path: string): boolean {
    const relative = path.replace(/^\.\//, '');
    return relative !== SCOPE_FILE_NAME && isNoteFile(relative) && this.matcher.match(relative) && !this.excluded.some((excluded) => excluded.match(relative));
  }

  /** Whether a folder (relative, '/'-separated) may hold a note the glob matches: where a walk need not look. */
  mayHold(folder: string): boolean {
    const relative = folder.replace(/^\.\//, '');
    return mayHoldNotes(relative) && this.matcher.match(relative, true);
  }

  /** The folders before the first wildcard (`research` for `research/**\/*.md`): where a walk can start. */
  get base(): string {
    const fixed: string[] = [];
    for (const part of this.pattern.replace(/^\.\//, '').split('/').slice(0, -1)) {
      if (/[*?[{]/.test(part)) break;
      fixed.push(part);
    }
    return fixed.join('/');
  }
}
