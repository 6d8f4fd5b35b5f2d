import { NoteIndex } from '../../src/core/index/noteIndex';
import { testScope } from './noteFixtures';

/** A scored scope: our product, two competitors, four axes (one weighs 2), labels for each score. */
export const SCORED_SCOPE_YAML = `version: 1
title: Scored
subject: Grid
scoring:
  scale: 4
  labels: [absent, weak, partial, strong, best]
categories:
  - id: web
    name: Web Frameworks
    goal: Compare the backends.
    products:
      - name: Django
        description: The batteries-included one.
      - name: Flask
    axes:
      - name: Auth
        weight: 2
      - name: Testing
      - name: Docs
      - name: Pricing
`;

/** Grid leads on Auth, Django on Testing, both equal on Docs; Pricing is unscored for Django. */
export const GRID_NOTE =
  '---\nproduct: Grid\n---\n\n## Auth\n\nOAuth and rate limits built in.\nScore: 4\n\n## Testing\n\nUnit tests only.\n\nScore: 1/4\n\n## Docs\n\nA guide per module.\n\nScore: 3\n\n## Pricing\n\nFree.\n\nScore: 2\n';
export const DJANGO_NOTE =
  '---\nproduct: django\n---\n\n## Auth\n\nSessions and permissions.\n\nScore: 2\n\n## Testing\n\nA test client and fixtures.\n\nScore: 4\n\n## Docs\n\nThe best docs around.\n\nScore: 3\n\n## Pricing\n\nFree and open source.\n';

export function scoredIndex(
  notes: Record<string, string> = { 'research/grid.md': GRID_NOTE, 'research/django.md': DJANGO_NOTE },
): NoteIndex {
  const index = new NoteIndex(testScope(SCORED_SCOPE_YAML));
  for (const [path, text] of Object.entries(notes)) index.setNote(path, text);
  return index;
}
