/**
 * A small glob matcher for the scope's `notes` pattern: `**` (any folders), `*` and `?` (within one
 * path segment), `{a,b}` (alternatives) and `[abc]` (a character class). Paths are '/'-separated.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
      if (atSegmentStart && atSegmentEnd) {
        // `**/` is zero or more folders; a trailing `**` is anything below.
        source += i + 2 === glob.length ? '.*' : '(?:[^/]*/)*';
        i += i + 2 === glob.length ? 1 : 2;
        continue;
      }
      source += '[^/]*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) source += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else source += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}${')'.repeat(braces)}$`);
}

/** A compiled glob: `matches('research/a/b.md')`. */
export class Glob {
  private readonly regExp: RegExp;

  constructor(readonly pattern: string) {
    this.regExp = globToRegExp(pattern.replace(/^\.\//, ''));
  }

  matches(path: string): boolean {
    return this.regExp.test(path.replace(/^\.\//, ''));
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
