/** A scope with our product (Acme), answers fresh for 100 days, and Flask a competitor in two categories. */
export const RESEARCH_SCOPE = `version: 1
title: Frameworks
subject: Acme
freshness: 100
categories:
  - id: web
    name: Web
    goal: Compare.
    products: [{ name: Django }, { name: Flask }]
    axes: [{ name: Pricing }, { name: Support }, { name: Hosting }]
  - id: api
    name: APIs
    goal: Compare.
    products: [{ name: Flask }]
    axes: [{ name: Pricing }]
`;
