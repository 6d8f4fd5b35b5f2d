import { Glob } from '../scope/glob';
import type { Category, Product } from '../scope/scopeModel';

/** A new research note for a product: front matter naming it, a title, and one section per axis in scope order. */
export function noteTemplate(category: Category, product: Product): string {
  const lines = ['---', `product: ${product.id}`, `category: ${category.id}`, '---', '', `# ${product.name}`, ''];
  for (const axis of category.axes) {
    lines.push(`## ${axis.name}`, '');
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

/** Where a new note for the product goes, relative to the scope file's folder: under the notes glob's fixed folders. */
export function notePathFor(notesGlob: string, product: Product): string {
  const base = new Glob(notesGlob).base;
  return base ? `${base}/${product.id}.md` : `${product.id}.md`;
}
