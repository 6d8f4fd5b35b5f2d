import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { addCategory, addItem, deleteItem, moveItem, renameItem, type ScopeEditResult } from '../../src/core/scopeEdit/scopeEdits';
import { parseScope } from '../../src/core/scope/scopeParser';
import type { Scope } from '../../src/core/scope/scopeModel';
import { repoRoot } from './helpers';

/** Comments, blank lines, flow and block lists, quoting, odd indentation and a folded goal. */
const MIXED = `# Our scope.   Keep this comment.
version: 1
title: 'Mixed: styles'
subject: "Grid"

categories:
  # The web.
  - id: web
    name: "Web frameworks"   # quoted on purpose
    goal: >-
      Compare them,
      closely.
    products:
      # The classic.
      - name: Django
        aliases: [DRF, "Django REST"]

      - name: 'Flask'
        description: Micro.

      - { name: FastAPI, description: "Typed, fast" }
    axes: [ { name: Auth }, { name: Testing } ]

  - name: Simulation
    goal: Physics.
    products:
    -   name: Ansys
    -   name: COMSOL   # multiphysics
    axes:
    -   name: Fidelity
    -   name: Runtime
`;

function edited(result: ScopeEditResult): { text: string; scope: Scope } {
  assert.ok(result.ok, result.ok ? '' : result.message);
  const parsed = parseScope(result.text);
  assert.ok(parsed.ok, 'the edited file is a valid scope');
  return { text: result.text, scope: parsed.scope };
}

/** The lines taken out and put in, by a line diff (longest common subsequence). */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = a.map(() => new Array<number>(b.length + 1).fill(0));
  lcs.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) added.push(b[j++]);
    else removed.push(a[i++]);
  }
  return { removed, added };
}

const names = (items: ReadonlyArray<{ name: string }>) => items.map((i) => i.name);

describe('scope edits keep the file as the team wrote it', () => {
  it('adds a product to a block list, in the list’s own indentation and spacing, with a blank line like its siblings', () => {
    const { text, scope } = edited(addItem(MIXED, 0, 'products', { name: 'Litestar: typed', description: 'New.' }));
    assert.deepEqual(names(scope.categories[0].products), ['Django', 'Flask', 'FastAPI', 'Litestar: typed']);
    assert.equal(scope.categories[0].products[3].id, 'litestar-typed');
    assert.deepEqual(lineDiff(MIXED, text), { removed: [], added: ['', '      - name: "Litestar: typed"', '        description: New.'] });

    const odd = edited(addItem(MIXED, 1, 'products', { name: 'Abaqus', id: 'abq' }));
    assert.deepEqual(lineDiff(MIXED, odd.text), { removed: [], added: ['    -   id: abq', '        name: Abaqus'] });
    assert.equal(odd.scope.categories[1].products[2].id, 'abq');
  });

  it('adds an axis to a flow list by rewriting that list only, still in flow style', () => {
    const { text, scope } = edited(addItem(MIXED, 0, 'axes', { name: 'Docs, and more' }, 1));
    assert.deepEqual(names(scope.categories[0].axes), ['Auth', 'Docs, and more', 'Testing']);
    assert.deepEqual(lineDiff(MIXED, text), {
      removed: ['    axes: [ { name: Auth }, { name: Testing } ]'],
      added: ['    axes: [ { name: Auth }, { name: "Docs, and more" }, { name: Testing } ]'],
    });
  });

  it('adds a category at the end, with empty lists the tree can fill', () => {
    const { text, scope } = edited(addCategory(MIXED, { name: 'Observability', goal: 'Dashboards: patterns.' }));
    assert.deepEqual(names(scope.categories), ['Web frameworks', 'Simulation', 'Observability']);
    assert.deepEqual(lineDiff(MIXED, text).removed, []);
    assert.ok(text.startsWith(MIXED), 'nothing before it changes');
    const filled = edited(addItem(text, 2, 'products', { name: 'Grafana' }));
    assert.deepEqual(names(filled.scope.categories[2].products), ['Grafana']);
    assert.deepEqual(lineDiff(text, filled.text), { removed: ['    products: []'], added: ['    products:', '      - name: Grafana'] });
  });

  it('refuses a duplicate id, a bad id and an empty name', () => {
    for (const [result, message] of [
      [addItem(MIXED, 0, 'products', { name: 'django' }), /"Django" in "Web frameworks" has the id "django" already/],
      [addItem(MIXED, 0, 'products', { name: 'X', id: 'a/b' }), /An id is letters, digits/],
      [addItem(MIXED, 0, 'axes', { name: '  ' }), /needs a name/],
      [addCategory(MIXED, { name: 'Web', id: 'web', goal: 'x' }), /has the id "web" already/],
    ] as const) {
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, message);
    }
  });

  it('edits products written as their names alone without losing them', () => {
    const plain = MIXED.replace(
      '    -   name: Ansys\n    -   name: COMSOL   # multiphysics\n',
      '    -   Ansys\n    -   COMSOL   # multiphysics\n',
    ).replace('[ { name: Auth }, { name: Testing } ]', '[Auth, Testing]');
    const block = edited(renameItem(plain, { category: 1, list: 'products', index: 1 }, 'COMSOL Multiphysics'));
    assert.deepEqual(lineDiff(plain, block.text), {
      removed: ['    -   COMSOL   # multiphysics'],
      added: ['    -   id: comsol', '        name: COMSOL Multiphysics   # multiphysics'],
    });
    assert.deepEqual(names(block.scope.categories[1].products), ['Ansys', 'COMSOL Multiphysics']);
    assert.equal(block.scope.categories[1].products[1].id, 'comsol');

    const sameSlug = edited(renameItem(plain, { category: 1, list: 'products', index: 0 }, 'ANSYS'));
    assert.deepEqual(lineDiff(plain, sameSlug.text), { removed: ['    -   Ansys'], added: ['    -   ANSYS'] });

    const flow = edited(renameItem(plain, { category: 0, list: 'axes', index: 1 }, 'Test tooling'));
    assert.deepEqual(lineDiff(plain, flow.text), {
      removed: ['    axes: [Auth, Testing]'],
      added: ['    axes: [Auth, { id: testing, name: Test tooling }]'],
    });

    assert.deepEqual(names(edited(deleteItem(plain, { category: 1, list: 'products', index: 0 })).scope.categories[1].products), [
      'COMSOL',
    ]);
    assert.deepEqual(names(edited(addItem(plain, 0, 'axes', { name: 'Docs' })).scope.categories[0].axes), ['Auth', 'Testing', 'Docs']);
    const moved = edited(moveItem(plain, { category: 1, list: 'products', index: 1 }, { category: 0, index: 0 }));
    assert.deepEqual(names(moved.scope.categories[0].products), ['COMSOL', 'Django', 'Flask', 'FastAPI']);
  });

  it('renames in the same quoting, and keeps the id by writing it where the file had none', () => {
    const quoted = edited(renameItem(MIXED, { category: 0, list: 'products', index: 1 }, 'Flask stacks'));
    assert.deepEqual(lineDiff(MIXED, quoted.text), {
      removed: ["      - name: 'Flask'"],
      added: ['      - id: flask', "        name: 'Flask stacks'"],
    });
    assert.equal(quoted.scope.categories[0].products[1].id, 'flask');

    const category = edited(renameItem(MIXED, { category: 0 }, 'Web "frameworks"'));
    assert.deepEqual(lineDiff(MIXED, category.text), {
      removed: ['    name: "Web frameworks"   # quoted on purpose'],
      added: ['    name: "Web \\"frameworks\\""   # quoted on purpose'],
    });
    assert.equal(category.scope.categories[0].id, 'web');

    const flow = edited(renameItem(MIXED, { category: 0, list: 'products', index: 2 }, 'FastAPI, templates'));
    assert.deepEqual(lineDiff(MIXED, flow.text), {
      removed: ['      - { name: FastAPI, description: "Typed, fast" }'],
      added: ['      - { id: fastapi, name: "FastAPI, templates", description: "Typed, fast" }'],
    });

    const sameSlug = edited(renameItem(MIXED, { category: 1, list: 'axes', index: 0 }, 'FIDELITY'));
    assert.deepEqual(lineDiff(MIXED, sameSlug.text), { removed: ['    -   name: Fidelity'], added: ['    -   name: FIDELITY'] });
  });

  it('deletes an item with its own comment lines, leaving its neighbours’ spacing; the last one leaves an empty list', () => {
    const first = edited(deleteItem(MIXED, { category: 0, list: 'products', index: 0 }));
    assert.deepEqual(names(first.scope.categories[0].products), ['Flask', 'FastAPI']);
    assert.deepEqual(lineDiff(MIXED, first.text), {
      removed: ['      # The classic.', '      - name: Django', '        aliases: [DRF, "Django REST"]', ''],
      added: [],
    });

    const last = edited(deleteItem(MIXED, { category: 0, list: 'products', index: 2 }));
    assert.deepEqual(lineDiff(MIXED, last.text), { removed: ['', '      - { name: FastAPI, description: "Typed, fast" }'], added: [] });

    const flow = edited(deleteItem(MIXED, { category: 0, list: 'axes', index: 0 }));
    assert.deepEqual(lineDiff(MIXED, flow.text).added, ['    axes: [ { name: Testing } ]']);

    const once = edited(deleteItem(MIXED, { category: 1, list: 'products', index: 0 }));
    const emptied = edited(deleteItem(once.text, { category: 1, list: 'products', index: 0 }));
    assert.deepEqual(emptied.scope.categories[1].products, []);
    assert.deepEqual(lineDiff(once.text, emptied.text), {
      removed: ['    products:', '    -   name: COMSOL   # multiphysics'],
      added: ['    products: []'],
    });

    const category = edited(deleteItem(MIXED, { category: 1 }));
    assert.deepEqual(names(category.scope.categories), ['Web frameworks']);
    const refused = deleteItem(category.text, { category: 0 });
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.message, /at least one category/);
  });

  it('moves an item up and down within its list, swapping only the lines of the two', () => {
    const down = edited(moveItem(MIXED, { category: 0, list: 'products', index: 0 }, { category: 0, index: 2 }));
    assert.deepEqual(names(down.scope.categories[0].products), ['Flask', 'Django', 'FastAPI']);
    assert.match(down.text, /products:\n {6}- name: 'Flask'\n {8}description: Micro\.\n\n {6}# The classic\.\n {6}- name: Django\n/);
    const back = edited(moveItem(down.text, { category: 0, list: 'products', index: 1 }, { category: 0, index: 0 }));
    assert.equal(back.text, MIXED, 'moving it back restores the file byte for byte');

    const category = edited(moveItem(MIXED, { category: 1 }, { category: 0, index: 0 }));
    assert.deepEqual(names(category.scope.categories), ['Simulation', 'Web frameworks']);
    assert.deepEqual(category.text.split('\n').sort(), MIXED.split('\n').sort(), 'every line is kept, only reordered');

    const flow = edited(moveItem(MIXED, { category: 0, list: 'axes', index: 1 }, { category: 0, index: 0 }));
    assert.deepEqual(lineDiff(MIXED, flow.text).added, ['    axes: [ { name: Testing }, { name: Auth } ]']);
  });

  it('moves a product to another category, re-indented to its new list, comments included', () => {
    const moved = edited(moveItem(MIXED, { category: 0, list: 'products', index: 0 }, { category: 1, index: 1 }));
    assert.deepEqual(names(moved.scope.categories[0].products), ['Flask', 'FastAPI']);
    assert.deepEqual(names(moved.scope.categories[1].products), ['Ansys', 'Django', 'COMSOL']);
    assert.deepEqual(moved.scope.categories[1].products[1].aliases, ['DRF', 'Django REST']);
    assert.deepEqual(lineDiff(MIXED, moved.text), {
      removed: ['      # The classic.', '      - name: Django', '        aliases: [DRF, "Django REST"]', ''],
      added: ['    # The classic.', '    - name: Django', '      aliases: [DRF, "Django REST"]'],
    });

    const fromFlow = edited(moveItem(MIXED, { category: 0, list: 'axes', index: 0 }, { category: 1, index: 2 }));
    assert.deepEqual(names(fromFlow.scope.categories[1].axes), ['Fidelity', 'Runtime', 'Auth']);
    assert.deepEqual(lineDiff(MIXED, fromFlow.text).added, ['    axes: [ { name: Testing } ]', '    -   { name: Auth }']);

    const clash = moveItem(
      edited(addItem(MIXED, 1, 'products', { name: 'Django' })).text,
      { category: 0, list: 'products', index: 0 },
      { category: 1, index: 0 },
    );
    assert.equal(clash.ok, false);
  });

  it('refuses to edit an invalid scope file, and says why', () => {
    const result = addItem(MIXED.replace('version: 1', 'version: 2'), 0, 'products', { name: 'X' });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /has a problem; fix it before editing/);
  });

  it('edits the built-in scope file without touching its comments or folded goals', () => {
    const builtIn = readFileSync(path.join(repoRoot, 'scope', 'competitor-scope.yaml'), 'utf8');
    const { text } = edited(addItem(builtIn, 1, 'products', { name: 'OpenFOAM' }, 4));
    assert.deepEqual(lineDiff(builtIn, text), { removed: [], added: ['      - name: OpenFOAM'] });
  });
});
