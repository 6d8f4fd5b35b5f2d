/**
 * Text from a repository (names, values, file names, headings) as the command line prints it. A CI runner
 * reads its log line by line, and GitHub's takes `::command::` at a line's start (after white space) and
 * `##[command]` anywhere in a line for commands: printed text must neither break a line nor hold one of those.
 */

/** Control characters (C0, DEL, C1), the Unicode line and paragraph separators, and the bidirectional overrides. */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with each control character escaped (`\n`, `\u001b`) and GitHub's `##[` broken (`##\u005b`). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/##\[/g, '##\\u005b');
}

/** The first character of `text` that printable() escapes, escaped; undefined when there is none. */
export function firstUnprintable(text: string): string | undefined {
  const found = text.match(new RegExp(UNPRINTABLE.source, 'u'))?.[0];
  return found === undefined ? undefined : printable(found);
}

/**
 * A line of plain text, printable, that cannot start with `::`. A line the command line prints starts with
 * user text only when it starts with a file's name, so `./` keeps naming the same file.
 */
export function plainLine(line: string): string {
  const text = printable(line);
  return /^\s*::/.test(text) ? `./${text}` : text;
}

/** Lines of plain text, each ended by a line break. */
export function plainLines(lines: readonly string[]): string {
  return lines.map((line) => `${plainLine(line)}\n`).join('');
}
