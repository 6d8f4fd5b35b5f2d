import { subjectOf, type Category, type Product, type Scope } from '../scope/scopeModel';
import { closest } from '../similarity';
import { slugify } from '../text';

/** A product in one of its categories: what a note is about, and a row of the coverage. */
export interface NoteTarget {
  readonly categoryId: string;
  readonly productId: string;
}

export interface ProductSuggestion extends NoteTarget {
  readonly productName: string;
  /** The note file names that would be about the product, e.g. `package-json.md`, `package.json.md`. */
  readonly fileNames: readonly string[];
}

/** Which rule bound a note to its products: its front matter's `product:`, its file name, or its first `# Heading`. */
export type BoundBy = 'front-matter' | 'file-name' | 'heading';

export type ProductLink =
  | {
      readonly kind: BoundBy;
      readonly targets: readonly NoteTarget[];
      /** The names of a `product:` list that name no product of the scope, while others do (a comparison note). */
      readonly unknown?: readonly { readonly product: string; readonly suggestions: readonly ProductSuggestion[] }[];
    }
  | { readonly kind: 'unknown-product'; readonly product: string; readonly suggestions: readonly ProductSuggestion[] }
  | { readonly kind: 'unknown-category'; readonly category: string; readonly suggestions: readonly string[] }
  | { readonly kind: 'unlinked'; readonly suggestions: readonly ProductSuggestion[] };

interface Entry {
  readonly category: Category;
  readonly product: Product;
  readonly keys: readonly string[];
}

const SUGGESTIONS = 3;

/** Finds the products a note is about, by the names the scope gives them. Built once per scope. */
export class ProductMatcher {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Entry[]>();
  private readonly categoriesByKey = new Map<string, Category>();

  constructor(private readonly scope: Scope) {
    const subject = subjectOf(scope);
    for (const category of scope.categories) {
      for (const key of [category.id, slugify(category.name)]) this.categoriesByKey.set(key, category);
      const ownSubject = subject && !category.products.some((p) => p.id === subject.id) ? [subject] : [];
      for (const product of [...category.products, ...ownSubject]) {
        const keys = [...new Set([product.id, ...[product.name, ...product.aliases].flatMap(nameKeys)])];
        const entry = { category, product, keys };
        this.entries.push(entry);
        for (const key of keys) this.byKey.set(key, [...(this.byKey.get(key) ?? []), entry]);
      }
    }
  }

  /**
   * Front matter `product:` (with `category:` to choose among categories) wins; otherwise the file's
   * base name; otherwise the note's title (its first level-1 heading's text), which must name a product
   * as a whole; otherwise the note is unlinked. `fileName` is the base name without extension.
   */
  match(product: string | readonly string[] | undefined, category: string | undefined, fileName: string, title?: string): ProductLink {
    if (typeof product === 'object' && product.length > 0) return this.matchList(product, category);
    if (typeof product === 'string' && product) {
      const chosen = category ? this.categoriesByKey.get(slugify(category)) : undefined;
      if (category && !chosen) {
        return {
          kind: 'unknown-category',
          category,
          suggestions: closest(slugify(category), this.scope.categories, (c) => [c.id], SUGGESTIONS, Infinity).map((c) => c.id),
        };
      }
      const found = (this.byKey.get(slugify(product)) ?? []).filter((e) => !chosen || e.category === chosen);
      if (found.length > 0) return { kind: 'front-matter', targets: found.map(target) };
      return { kind: 'unknown-product', product, suggestions: this.suggest(product, chosen) };
    }
    const byName = this.byKey.get(slugify(fileName));
    if (byName) return { kind: 'file-name', targets: byName.map(target) };
    const byTitle = title ? this.byKey.get(slugify(title)) : undefined;
    if (byTitle) return { kind: 'heading', targets: byTitle.map(target) };
    return { kind: 'unlinked', suggestions: this.suggest(fileName) };
  }

  /** The products (in their categories) a text names as a whole: by id, name or alias. */
  named(text: string): readonly NoteTarget[] {
    return (this.byKey.get(slugify(text)) ?? []).map(target);
  }

  /** A comparison note's `product:` list: the products it names, and the names that are none (all none: the first is unknown). */
  private matchList(products: readonly string[], category: string | undefined): ProductLink {
    const targets: NoteTarget[] = [];
    const unknown: { product: string; suggestions: readonly ProductSuggestion[] }[] = [];
    for (const product of products) {
      const link = this.match(product, category, '');
      if (link.kind === 'unknown-category') return link;
      if ('targets' in link) {
        targets.push(
          ...link.targets.filter((t) => !targets.some((known) => known.categoryId === t.categoryId && known.productId === t.productId)),
        );
      } else if (link.kind === 'unknown-product') unknown.push({ product: link.product, suggestions: link.suggestions });
    }
    if (targets.length === 0) return { kind: 'unknown-product', ...unknown[0] };
    return { kind: 'front-matter', targets, ...(unknown.length > 0 ? { unknown } : {}) };
  }

  /** The products whose names are closest to `name`, within `category` when given. */
  suggest(name: string, category?: Category): ProductSuggestion[] {
    const candidates = category ? this.entries.filter((e) => e.category === category) : this.entries;
    return closest(slugify(name), candidates, (e) => e.keys, SUGGESTIONS, Infinity).map((e) => ({
      ...target(e),
      productName: e.product.name,
      fileNames: fileNames(e),
    }));
  }
}

/**
 * The keys a name binds: its slug, and its slug with dots read as word breaks, so that "package.json"
 * binds `packagejson`, `package-json` and (as a file name) `package.json`.
 */
function nameKeys(name: string): string[] {
  return [slugify(name), slugify(name.replace(/\./g, ' '))];
}

/** Characters no file name holds on some system. */
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|\p{Cc}]/u;

/** The natural file names of a note about the product: its id, its name's slug, its name as written (lower case). */
function fileNames(entry: Entry): string[] {
  const { product } = entry;
  const names = [product.id, slugify(product.name.replace(/\./g, ' ')), product.name.toLowerCase().trim().replace(/\s+/g, '-')];
  return [...new Set(names)]
    .filter((name) => name && !NOT_IN_FILE_NAMES.test(name) && entry.keys.includes(slugify(name)))
    .map((name) => `${name}.md`);
}

function target(entry: Entry): NoteTarget {
  return { categoryId: entry.category.id, productId: entry.product.id };
}
