import * as assert from 'node:assert/strict';
import type { CellStatus, ProductCoverageInput } from '../../src/core/matrix/matrixModel';
import type { Scope } from '../../src/core/scope/scopeModel';
import { parseScope } from '../../src/core/scope/scopeParser';
import { pointRange } from '../../src/core/text';

/** A small scope for the matrix tests: two categories, a subject, and hostile text in names and goals. */
export function matrixScope(extra = ''): Scope {
  const result = parseScope(`version: 1${extra}
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
        description: How requests are authenticated.${extra ? '\n        weight: 2' : ''}
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
        {
          axisId: 'auth',
          status: 'answered',
          file: 'research/django.md',
          line: 7,
          excerpt: 'Sessions | CSRF built in.',
          section: 'Sessions | CSRF built in.\nRate limits: none.',
        },
        { axisId: 'testing', status: 'placeholder', file: 'research/django.md', line: 12, excerpt: 'TODO: compare' },
      ],
    },
    {
      categoryId: 'web',
      productId: 'zeta',
      notes: ['research/zeta.md'],
      axes: [
        {
          axisId: 'auth',
          status: 'answered',
          file: 'research/zeta.md',
          line: 3,
          excerpt: '<script>alert("x")</script> =SUM(A1) &amp; more',
        },
        { axisId: 'testing', status: 'empty', file: 'research/zeta.md', line: 6, excerpt: '' },
      ],
    },
  ];
}

/** The small scope with scoring (labels, Auth weighing 2). */
export function scoredMatrixScope(): Scope {
  return matrixScope('\nscoring: { labels: [absent, weak, partial, strong, best] }');
}

/** Ours: Auth 3, Testing 2. Django: Auth 2 (we lead), Testing 4 (they lead). Flask: Auth 3 (parity). */
export function scoredCoverage(): ProductCoverageInput[] {
  const answered = (axisId: string, score: number, excerpt: string) => ({
    axisId,
    status: 'answered' as const,
    file: 'research/x.md',
    line: 3,
    excerpt,
    score,
  });
  return [
    {
      categoryId: 'web',
      productId: 'our-engine',
      notes: ['research/ours.md'],
      axes: [answered('auth', 3, 'Tokens.'), answered('testing', 2, 'Some.')],
    },
    {
      categoryId: 'web',
      productId: 'django',
      notes: ['research/django.md'],
      axes: [answered('auth', 2, 'Sessions.'), answered('testing', 4, 'A client.')],
    },
    { categoryId: 'web', productId: 'flask', notes: ['research/flask.md'], axes: [answered('auth', 3, 'Flask-Login.')] },
  ];
}

const STATUS_CYCLE: readonly CellStatus[] = ['answered', 'answered', 'answered', 'placeholder', 'empty', 'missing', 'answered'];

/** A large scope and its coverage, for the scale tests and the benchmark: `products` spread over `categories`. */
export function syntheticScope(products: number, categories = 4, axes = 6): { scope: Scope; coverage: ProductCoverageInput[] } {
  const range = pointRange(0);
  const coverage: ProductCoverageInput[] = [];
  const scopeCategories = Array.from({ length: categories }, (_, c) => {
    const id = `category-${c + 1}`;
    const categoryAxes = Array.from({ length: axes }, (_, a) => ({
      id: `axis-${a + 1}`,
      name: `Axis ${c + 1}.${a + 1}`,
      description: `What axis ${a + 1} asks.`,
      aliases: [],
      range,
      weight: 1,
    }));
    const count = Math.floor(products / categories) + (c < products % categories ? 1 : 0);
    const categoryProducts = Array.from({ length: count }, (_, p) => ({
      id: `product-${c + 1}-${p + 1}`,
      name: `Product ${c + 1}-${p + 1}`,
      aliases: [],
      range,
    }));
    for (const [p, product] of categoryProducts.entries()) {
      const note = `research/${product.id}.md`;
      coverage.push({
        categoryId: id,
        productId: product.id,
        notes: [note],
        axes: categoryAxes.map((axis, a) => {
          const status = STATUS_CYCLE[(p + a) % STATUS_CYCLE.length];
          const excerpt =
            status === 'answered'
              ? `${product.name} handles ${axis.name} well. More detail follows here.`
              : status === 'placeholder'
                ? 'TODO'
                : '';
          return status === 'missing'
            ? { axisId: axis.id, status, file: null, line: null }
            : { axisId: axis.id, status, file: note, line: 3 + 4 * a, excerpt };
        }),
      });
    }
    return { id, name: `Category ${c + 1}`, goal: `The goal of category ${c + 1}.`, products: categoryProducts, axes: categoryAxes, range };
  });
  return {
    scope: { version: 1, title: 'Synthetic scope', notes: 'research/**/*.md', exclude: [], placeholders: [], categories: scopeCategories },
    coverage,
  };
}
