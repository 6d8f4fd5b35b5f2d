import * as assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import type { Scope } from '../../src/core/scope/scopeModel';
import { parseScope } from '../../src/core/scope/scopeParser';

/** A small scope: one product in two categories, aliases on products and axes, an extra placeholder word. */
export const SCOPE_YAML = `version: 1
title: Test
placeholders: [Pending]
categories:
  - id: web
    name: Web Frameworks
    goal: Compare.
    products:
      - name: Django
      - name: Django REST Framework
        aliases: [DRF]
      - name: FastAPI
      - name: Flask
    axes:
      - name: Architecture guidance and opinionation
      - name: Auth, security, and rate limiting
      - name: Testing strategy and coverage expectations
  - id: dash
    name: Dashboards
    goal: Compare.
    products:
      - name: Grafana
      - name: Flask
    axes:
      - name: Dashboard layout
      - name: Degraded modes and fallback behaviors
        aliases: [Fallbacks]
`;

export function testScope(yaml = SCOPE_YAML): Scope {
  const result = parseScope(yaml);
  assert.ok(result.ok, JSON.stringify(result.problems));
  return result.scope;
}

/** An index over the given notes ({path: text}). */
export function indexOf(notes: Record<string, string>, scope = testScope()): NoteIndex {
  const index = new NoteIndex(scope);
  for (const [path, text] of Object.entries(notes)) index.setNote(path, text);
  return index;
}

/** The status of one axis of one product in the index's coverage. */
export function statusOf(index: NoteIndex, categoryId: string, productId: string, axisId: string): string | undefined {
  const product = index.coverage().find((p) => p.categoryId === categoryId && p.productId === productId);
  return product?.axes.find((a) => a.axisId === axisId)?.status;
}

export function codes(index: NoteIndex, path: string): string[] {
  return index.findings(path).map((f) => f.code);
}
