/**
 * What a note file is, whatever a scope's glob says: a Markdown file (`.md`, `.markdown`, any case), never inside
 * `.git/` or `node_modules/` at any depth. A glob such as `.git/hooks/*` must not make a hook a note, which an
 * agent's section would then be appended to, and the next commit run.
 */
const MARKDOWN = /\.(md|markdown)$/i;
/** Compared in lower case: on a case-insensitive disk `.GIT` is `.git`. */
const NEVER_NOTES_IN = new Set(['.git', 'node_modules']);

/** Whether a '/'-separated path relative to the scope's folder can be a note. */
export function isNoteFile(path: string): boolean {
  return MARKDOWN.test(path.slice(path.lastIndexOf('/') + 1)) && mayHoldNotes(path);
}

/** Whether a folder (or a file's path) is inside no folder that never holds notes. */
export function mayHoldNotes(path: string): boolean {
  return !path.split('/').some((part) => NEVER_NOTES_IN.has(part.toLowerCase()));
}

/** A note's file name without its Markdown extension: what names its product (`package.json.md` is `package.json`). */
export function noteName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(MARKDOWN, '');
}
