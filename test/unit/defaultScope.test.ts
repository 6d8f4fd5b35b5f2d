import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseScope } from '../../src/core/scope/scopeParser';
import type { Scope } from '../../src/core/scope/scopeModel';
import { repoRoot } from './helpers';

/** The seed document, read the way a person reads it: numbered categories, a goal, two lists. */
function readSeed(text: string) {
  return text
    .split(/^## \d+\. /m)
    .slice(1)
    .map((block) => {
      const name = block.split('\n')[0].trim();
      const goal = /\*\*Goal:\*\*\s*(.+)/.exec(block)?.[1].trim() ?? '';
      const list = (title: string) => {
        const lines = (block.split(`**${title}:**`)[1] ?? '').split('\n').map((l) => l.trim());
        const start = lines.findIndex((l) => l.startsWith('- '));
        const end = lines.findIndex((l, i) => i > start && !l.startsWith('- '));
        return lines.slice(start, end === -1 ? undefined : end).map((l) => l.slice(2).trim());
      };
      return { name, goal, products: list('Representative products'), axes: list('Key comparison axes') };
    });
}

describe('the embedded default scope', () => {
  const seedPath = path.join(repoRoot, 'test', 'fixtures', 'seed-competitor-scope.md');
  const seed = readSeed(readFileSync(seedPath, 'utf8'));
  const result = parseScope(readFileSync(path.join(repoRoot, 'scope', 'competitor-scope.yaml'), 'utf8'));
  const scope = (result.ok ? result.scope : undefined) as Scope;

  it('is valid', () => {
    assert.deepEqual(result.problems, []);
    assert.equal(scope.subject, 'Grid + Throughput Engine');
  });

  it('has the seed’s four categories, in order, with their goals word for word', () => {
    assert.equal(seed.length, 4);
    assert.deepEqual(
      scope.categories.map((c) => c.name),
      seed.map((c) => c.name),
    );
    assert.deepEqual(
      scope.categories.map((c) => c.goal),
      seed.map((c) => c.goal),
    );
  });

  it('has every key comparison axis of the seed, word for word and in order', () => {
    scope.categories.forEach((category, i) => {
      assert.deepEqual(
        category.axes.map((a) => a.name),
        seed[i].axes,
        category.name,
      );
    });
    assert.equal(scope.categories.flatMap((c) => c.axes).length, 14);
  });

  it('has every representative product of the seed, and none that the seed does not name', () => {
    scope.categories.forEach((category, i) => {
      const bullets = seed[i].products.map((b) => b.toLowerCase());
      // Each product's name stands in one of the category's bullets...
      for (const product of category.products) {
        assert.ok(
          bullets.some((b) => b.includes(product.name.toLowerCase())),
          `${product.name} is not in the seed`,
        );
      }
      // ...and each bullet is covered by at least one product.
      for (const bullet of bullets) {
        assert.ok(
          category.products.some((p) => bullet.includes(p.name.toLowerCase())),
          `no product for "${bullet}"`,
        );
      }
    });
    assert.equal(scope.categories.flatMap((c) => c.products).length, 22);
  });

  it('matches the team’s seed in shared/, where that folder is beside the project', function () {
    const shared = path.join(repoRoot, '..', 'shared', 'seed', 'competitor-scope.md');
    if (!existsSync(shared)) this.skip();
    assert.equal(readFileSync(seedPath, 'utf8'), readFileSync(shared, 'utf8'), 'test/fixtures/seed-competitor-scope.md is out of date');
  });
});
