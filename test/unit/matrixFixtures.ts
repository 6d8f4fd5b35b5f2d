import * as assert from 'node:assert/strict';
import type { ProductCoverageInput } from '../../src/core/matrix/matrixModel';
import type { Scope } from '../../src/core/scopeModel';
import { parseScope } from '../../src/core/scopeParser';

/** A small scope for the matrix tests: two categories, a subject, and hostile text in names and goals. */
export function matrixScope(): Scope {
  const result = parseScope(`version: 1
title: Matrix <test> & scope
subject: Our Engine
categories:
  - id: web
    name: Web | frameworks
    goal: Compare "web" stacks, side by side.
    products:
      - name: Django
      - name: Flask
      - id: zeta
        name: <img src=x onerror=alert(1)>
    axes:
      - name: Auth
        description: How requests are authenticated.
      - name: Testing
  - id: sim
    name: Simulation
    goal: Physics.
    products:
      - name: Ansys
    axes:
      - name: Fidelity
`);
  assert.ok(result.ok, 'the matrix test scope is valid');
  return result.scope;
}

export function matrixCoverage(): ProductCoverageInput[] {
  return [
    {
      categoryId: 'web',
      productId: 'our-engine',
      notes: ['research/ours.md'],
      axes: [
        { axisId: 'auth', status: 'answered', file: 'research/ours.md', line: 5, excerpt: 'Tokens. Rotated daily.' },
        { axisId: 'testing', status: 'answered', file: 'research/ours.md', line: 9, excerpt: 'Property tests.' },
      ],
    },
    {
      categoryId: 'web',
      productId: 'django',
      notes: ['research/django.md'],
      axes: [
        { axisId: 'auth', status: 'answered', file: 'research/django.md', line: 7, excerpt: 'Sessions | CSRF built in.\nRate limits: none.' },
        { axisId: 'testing', status: 'placeholder', file: 'research/django.md', line: 12, excerpt: 'TODO: compare' },
      ],
    },
    {
      categoryId: 'web',
      productId: 'zeta',
      notes: ['research/zeta.md'],
      axes: [
        { axisId: 'auth', status: 'answered', file: 'research/zeta.md', line: 3, excerpt: '<script>alert("x")</script> =SUM(A1) &amp; more' },
        { axisId: 'testing', status: 'empty', file: 'research/zeta.md', line: 6, excerpt: '' },
      ],
    },
  ];
}
