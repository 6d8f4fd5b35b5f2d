/** commonmark-spec ships no types: the specification's examples, as its index.js extracts them. */
declare module 'commonmark-spec' {
  export interface SpecExample {
    /** The example's Markdown, a tab written `→` as in the specification's text. */
    readonly markdown: string;
    /** The HTML a CommonMark renderer gives for it, tabs written `→` too. */
    readonly html: string;
    /** The heading of the specification's section that holds it. */
    readonly section: string;
    /** Its number in the specification, from 1. */
    readonly number: number;
  }
  export const tests: readonly SpecExample[];
}
