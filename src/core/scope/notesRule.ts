import { Glob } from './glob';
import type { Scope } from './scopeModel';

/** What of a scope says which files are its notes. */
export type NotesOf = Pick<Scope, 'notes' | 'exclude'>;

/**
 * Which files are a scope's notes, for the editor, the command line and the MCP server alike: the Markdown files
 * its notes glob matches and no `exclude` glob does (see Glob), except those below a nested scope's folder (a subfolder with a scope file of
 * its own), whose notes are that scope's. Paths are '/'-separated, relative to the scope file's folder.
 */
export class NotesRule {
  private readonly glob: Glob;
  private readonly nested: ReadonlySet<string>;

  /** `nestedScopes`: the folders of the other scopes below this one's folder, relative to it, no trailing '/'. */
  constructor(
    readonly notes: NotesOf,
    readonly nestedScopes: readonly string[] = [],
  ) {
    this.glob = new Glob(notes.notes, notes.exclude);
    this.nested = new Set(nestedScopes);
  }

  get pattern(): string {
    return this.glob.pattern;
  }

  /** Whether a scope names the same files as notes (nested scopes aside). */
  sameNotes(scope: NotesOf): boolean {
    return scope.notes === this.glob.pattern && scope.exclude.length === this.glob.exclude.length && scope.exclude.every((glob, i) => glob === this.glob.exclude[i]);
  }

  /** The glob's fixed folder (`research` for `research/**\/*.md`): where a walk starts and git reads history. */
  get base(): string {
    return this.glob.base;
  }

  /** Whether the same nested scope folders are left out (the glob aside). */
  leavesOutSame(nestedScopes: readonly string[]): boolean {
    return nestedScopes.length === this.nested.size && nestedScopes.every((folder) => this.nested.has(folder));
  }

  isNote(path: string): boolean {
    return this.glob.matches(path) && !this.belowNestedScope(path);
  }

  /**
   * Whether a walk looks inside `folder`: the glob may match below it and it is no nested scope's. A walk that
   * learns of nested scopes as it goes says with `holdsScopeFile` whether the folder has a scope file; it is only
   * asked when the glob may match there.
   */
  entersFolder(folder: string, holdsScopeFile: () => boolean = () => false): boolean {
    return this.glob.mayHold(folder) && !this.nested.has(folder) && !holdsScopeFile();
  }

  /** One lookup per level of the path, not one per nested scope. */
  private belowNestedScope(path: string): boolean {
    if (this.nested.size === 0) return false;
    for (let end = path.indexOf('/'); end !== -1; end = path.indexOf('/', end + 1)) {
      if (this.nested.has(path.slice(0, end))) return true;
    }
    return false;
  }
}
