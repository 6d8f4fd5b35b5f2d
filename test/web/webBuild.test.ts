import * as vscode from 'vscode';
import type { ScopeNode } from '../../src/workspace/scopeNodes';
import { extensionApi } from '../integration/api';
import { extensionId } from '../integration/helpers';
import { equal, ok, sameData } from './expect';

const label = (i: vscode.TreeItem) => (typeof i.label === 'string' ? i.label : i.label?.label);

describe('the web build, in the web worker extension host', () => {
  it('is the browser entry, running where there is no Node', async () => {
    equal(typeof process, 'undefined', 'typeof process in this extension host');
    const extension = vscode.extensions.getExtension(extensionId);
    ok(extension, `${extensionId} is not loaded`);
    equal(extension.packageJSON.browser, './dist/web.js', 'package.json browser');
    await extensionApi();
    ok(extension.isActive, 'activated in this host');
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'the UI kind');
  });

  it('activates on the copy of example/ and reads its scope file', async () => {
    const api = await extensionApi();
    equal(api.scope().source, 'file', 'where the scope comes from');
    ok(api.notes().coverage().length > 0, 'the notes are analyzed');
    const { treeMs, notesMs } = await api.activation();
    console.log(
      `      activation in the web worker: the tree's first items after ${treeMs.toFixed(1)} ms, every note analyzed after ${notesMs.toFixed(1)} ms`,
    );
  });

  it('shows the tree’s categories, products and axes with their coverage', async () => {
    const api = await extensionApi();
    const children = async (node?: ScopeNode) => (await api.scopeTree.getChildren(node)) ?? [];
    const item = async (node: ScopeNode) => api.scopeTree.getTreeItem(node);
    const categories = await children();
    sameData(
      await Promise.all(categories.map(async (c) => label(await item(c)))),
      [
        'Python Web / Application Frameworks',
        'Simulation / Physics / Digital Twin Tools',
        'Observability, Control Planes, and Dashboards',
        'AI-Assisted Development & Optimization Tools',
      ],
      'the categories',
    );
    const [django] = await children(categories[0]);
    const djangoItem = await item(django);
    equal(label(djangoItem), 'Django', 'the first product');
    equal(
      djangoItem.description,
      '3/4 · 1 stale · 1 unsourced',
      'Django’s coverage, with its stale answer (As of 2023-04) and its answer without a source',
    );
    const statuses = await Promise.all((await children(django)).map(async (a) => (await item(a)).description));
    sameData(statuses, ['answered', 'answered · unsourced', 'answered · stale', 'placeholder'], 'Django’s axes');
    equal(
      api.treeMessage(),
      'Git is not available in this editor: answers are dated by their "As of" lines and reviewed: dates only, not by git.',
      'the tree says once how answers are dated',
    );
  });
});
