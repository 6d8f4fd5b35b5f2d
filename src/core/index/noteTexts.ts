import { textHash } from '../notes/noteLeads';
import type { ParsedNote } from '../notes/noteParser';

/** How many notes' texts stay read: a view shows a note's answers one after another (a matrix row, a card). */
const RECENT = 8;

/**
 * Reads notes' texts again for what the views show of their answers (see NoteIndexOptions.readText), and gives a
 * text only when it is the one the parse was made from (its digest): a note changed since gets no excerpt, never
 * one cut from another text. The last few read are kept, each with the parse it matched.
 */
export class NoteTextReader {
  private readonly recent = new Map<string, { readonly parsed: ParsedNote; readonly text: string }>();

  constructor(private readonly read: (path: string) => string | undefined) {}

  text(path: string, parsed: ParsedNote): string | undefined {
    const known = this.recent.get(path);
    if (known?.parsed === parsed) return known.text;
    const text = this.read(path);
    if (text === undefined || textHash(text) !== parsed.textHash) return undefined;
    this.recent.delete(path);
    if (this.recent.size >= RECENT) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(path, { parsed, text });
    return text;
  }
}
