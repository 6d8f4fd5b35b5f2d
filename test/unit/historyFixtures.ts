/** A scope with our product (Ours) and two competitors on two axes, each answer fresh for 100 days. */
export const HISTORY_SCOPE = `version: 1
title: T
subject: Ours
freshness: 100
categories:
  - id: web
    name: Web
    goal: G
    products: [{ name: Django }, { name: Rails }]
    axes: [{ id: pricing, name: Pricing }, { id: hosting, name: Hosting }]
`;

/** A note answering Pricing and Hosting (a placeholder unless given). */
export const historyNote = (title: string, pricing: string, hosting = 'TODO'): string =>
  `# ${title}\n\n## Pricing\n\n${pricing}\n\n## Hosting\n\n${hosting}\n`;
