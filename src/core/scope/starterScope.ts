/** The starter scope file that `competitor-scope init` writes: valid, with a comment per key and placeholders to replace. */
export const STARTER_SCOPE = `# The scope of your competitor research: who you compare with whom, on which axes.
# Replace the placeholders; docs/scope-and-notes.md describes every key.

# The version of this file's format.
version: 1
# The title shown above the tree, the matrix and the brief.
title: Competitor research for Our Product
# Your own product: each competitor is compared with it.
subject: Our Product
# Where the research notes are, relative to this file: one Markdown note per product.
notes: research/**/*.md

# The classes of competitors; each has its goal, its products and the axes they are compared on.
categories:
  - id: example-category
    name: Example category
    # Why this class of products is compared with yours.
    goal: Replace with what you want to learn from these competitors.
    # The products of this class; a note is about one of them by its file name (example-competitor.md).
    products:
      - name: Example Competitor
        aliases: [Example]
    # The questions every note of this class answers, one "## Axis name" section each.
    axes:
      - name: Pricing
      - name: Hosting
`;

/** Where `init` writes the example note, relative to the scope file's folder: inside the notes glob above. */
export const STARTER_NOTE_PATH = 'research/example-competitor.md';

/** The example note that `init` writes: one section per axis, each dated and sourced, as a real answer is. */
export function starterNote(today: string): string {
  return `# Example Competitor

## Pricing

As of ${today}

Replace this paragraph with what you found, and link the page it rests on:
[the pricing page](https://example.com/pricing).

## Hosting

As of ${today}

Managed cloud or self-hosted, as
[the hosting docs](https://example.com/docs/hosting) say.
`;
}
