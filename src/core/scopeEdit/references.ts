import type { NoteAnalysis } from '../notes/noteAnalyzer';
import { setCategoryEdits, type TextEdit } from '../notes/noteEdits';

/** A category, or a product or an axis of one, by ids. */
export type ScopeReference =
  | { readonly kind: 'category'; readonly categoryId: string }
  | { readonly kind: 'product'; readonly categoryId: string; readonly id: string }
  | { readonly kind: 'axis'; readonly categoryId: string; readonly id: string };

/** The notes that refer to it: about a product of the category, about the product, or with a section for the axis. */
export function referringNotes(notes: Iterable<NoteAnalysis>, ref: ScopeReference): string[] {
  const paths: string[] = [];
  for (const note of notes) {
    const refers =
      ref.kind === 'axis'
        ? note.sections.some((s) => s.categoryId === ref.categoryId && s.axisId === ref.id)
        : note.targets.some((t) => t.categoryId === ref.categoryId && (ref.kind === 'category' || t.productId === ref.id));
    if (refers) paths.push(note.path);
  }
  return paths.sort();
}

/** The question before a delete: what goes, and how many notes refer to it (they stay). */
export function deleteQuestion(kind: ScopeReference['kind'], name: string, noteCount: number): string {
  const notes =
    noteCount === 0
      ? 'No note refers to it.'
      : `${noteCount === 1 ? '1 note refers' : `${noteCount} notes refer`} to it; ${noteCount === 1 ? 'it is' : 'they are'} kept, not deleted.`;
  return `Delete the ${kind} "${name}" from the scope file? ${notes}`;
}

/**
 * A product moved to another category: the notes about it that name its old category in their front matter
 * name the new one, so that they stay linked. Notes that name the product alone need no edit.
 */
export function categoryChangeEdits(
  notes: Iterable<NoteAnalysis>,
  productId: string,
  from: string,
  to: string,
): { path: string; edits: TextEdit[] }[] {
  const changed: { path: string; edits: TextEdit[] }[] = [];
  for (const note of notes) {
    if (!note.parsed.frontMatter?.category || !note.targets.some((t) => t.categoryId === from && t.productId === productId)) continue;
    changed.push({ path: note.path, edits: setCategoryEdits(note, to) });
  }
  return changed;
}
