import * as vscode from 'vscode';
import { renameScopeSymbol, scopeSymbolOf } from '../core/assist/scopeRename';
import { checkNewId, checkNewName, type ListKind, type NewItemPlace } from '../core/scopeEdit/newItem';
import { deleteQuestion, referringNotes } from '../core/scopeEdit/references';
import { addCategory, addItem, deleteItem, moveItem, renameItem } from '../core/scopeEdit/scopeEdits';
import type { Scope } from '../core/scope/scopeModel';
import { slugify } from '../core/text';
import { pathOf, type EditTarget, type ScopeFileEditor } from '../workspace/scopeFileEditor';
import type { ScopeRoots } from '../workspace/scopeRoots';

/**
 * Answers a test (or another extension) may pass instead of the input boxes and the confirmation:
 * `{ name, id, goal, description }` for Add, `{ name, changeId }` for Rename, `{ confirmed }` for Delete,
 * and `createScopeFile` for any of them.
 */
export interface EditAnswers {
  /** Yes to creating the scope file from the built-in scope, where there is none. */
  readonly createScopeFile?: boolean;
  readonly name?: string;
  readonly id?: string;
  readonly goal?: string;
  readonly description?: string;
  readonly changeId?: boolean;
  readonly confirmed?: boolean;
}

const NOUN = { category: 'category', products: 'product', axes: 'axis' } as const;

type Action = (target: EditTarget, answers?: EditAnswers) => Promise<boolean>;

/** The tree's editing actions: Add Category/Product/Axis…, Rename…, Delete, Move Up/Down, each on the scope its node is in (the current one without a node). */
export function registerScopeEditCommands(roots: ScopeRoots): vscode.Disposable[] {
  const command = (id: string, action: (actions: ScopeActions) => Action) =>
    vscode.commands.registerCommand(id, async (target: EditTarget, answers?: EditAnswers) => {
      const root = roots.of(target);
      return root ? action(scopeActions(root.editor, () => root.store.current.scope))(target, answers) : false;
    });
  return [
    command('competitorScope.addCategory', (a) => (_target, answers) => a.add({ kind: 'category' }, answers)),
    command('competitorScope.addProduct', (a) => (target, answers) => a.addTo('products', target, answers)),
    command('competitorScope.addAxis', (a) => (target, answers) => a.addTo('axes', target, answers)),
    command('competitorScope.renameInScope', (a) => a.rename),
    command('competitorScope.deleteFromScope', (a) => a.remove),
    command('competitorScope.moveUp', (a) => a.move(-1)),
    command('competitorScope.moveDown', (a) => a.move(1)),
  ];
}

type ScopeActions = ReturnType<typeof scopeActions>;

/** The actions on one scope file, through its editor. */
function scopeActions(editor: ScopeFileEditor, scope: () => Scope) {
  // A scope's own node (several scopes in the window) names no category.
  const categoryIndex = (target: EditTarget | undefined) =>
    target && 'category' in target ? scope().categories.findIndex((c) => c.id === target.category.id) : -1;

  const add = async (place: NewItemPlace, answers: EditAnswers = {}): Promise<boolean> => {
    const noun = NOUN[place.kind];
    const name =
      answers.name ??
      (await vscode.window.showInputBox({
        title: `Add ${noun[0].toUpperCase()}${noun.slice(1)}`,
        prompt: place.kind === 'category' ? 'The class of competitors' : `The ${noun}'s name, as notes will use it`,
        validateInput: (value) => checkNewName(scope(), place, value),
      }));
    if (name === undefined) return false;
    const id =
      answers.id ??
      (answers.name !== undefined
        ? slugify(name)
        : await vscode.window.showInputBox({
            title: `The ${noun}'s id`,
            prompt: 'Names note files and appears in front matter; the slug of the name by default',
            value: slugify(name),
            validateInput: (value) => checkNewId(scope(), place, value),
          }));
    if (id === undefined) return false;
    if (place.kind === 'category') {
      const goal =
        answers.goal ??
        (await vscode.window.showInputBox({
          title: 'The category’s goal',
          prompt: 'Why this class is compared with the subject',
          validateInput: (v) => (v.trim() ? undefined : 'A category needs a goal.'),
        }));
      if (goal === undefined) return false;
      return editor.apply((text) => addCategory(text, { name, id, goal }), `Add category "${name}"`, answers.createScopeFile);
    }
    return editor.apply(
      (text) =>
        addItem(text, place.category, place.kind as ListKind, {
          name,
          id,
          ...(answers.description ? { description: answers.description } : {}),
        }),
      `Add ${noun} "${name}"`,
      answers.createScopeFile,
    );
  };

  const rename = async (target: EditTarget, answers: EditAnswers = {}): Promise<boolean> => {
    const path = pathOf(scope(), target);
    if (!path) return false;
    const { item } = path;
    const name =
      answers.name ??
      (await vscode.window.showInputBox({
        title: `Rename ${target.kind} "${item.name}"`,
        value: item.name,
        validateInput: (v) => (v.trim() ? undefined : 'A name must not be empty.'),
      }));
    if (name === undefined || name.trim() === item.name) return false;
    const newId = slugify(name);
    let changeId = false;
    if (target.kind !== 'category' && newId !== item.id) {
      const kind = target.kind;
      const users = referringNotes(editor.analyses(), { kind, categoryId: target.category.id, id: item.id }).length;
      const keep = `Keep the id "${item.id}"`;
      const change = `Change the id to "${newId}"`;
      changeId =
        answers.changeId ??
        (
          await vscode.window.showQuickPick(
            [
              { label: keep, description: 'notes keep pointing at it' },
              { label: change, description: `${users} note${users === 1 ? '' : 's'} follow` },
            ],
            { title: `Rename "${item.name}" to "${name.trim()}"` },
          )
        )?.label === change;
    }
    return editor.apply(
      (text, current) => {
        if (!changeId || !('list' in path)) return renameItem(text, path, name);
        // An id change goes through the rename across notes; a file without an id renames the name and the id at once.
        const kind = path.list === 'products' ? 'product' : 'axis';
        const analyses = editor.analyses();
        const hasId = scopeSymbolOf(text, { kind, categoryIndex: path.category, index: path.index, field: 'id' });
        const symbol = hasId ?? scopeSymbolOf(text, { kind, categoryIndex: path.category, index: path.index, field: 'name' });
        const renamed = symbol && renameScopeSymbol(current, symbol, hasId ? newId : name, analyses);
        if (!renamed || !renamed.ok) return renamed && { ok: false, message: renamed.message };
        const named = hasId ? renameItem(text, path, name) : { ok: true as const, edits: [], text };
        return named.ok ? { ...named, edits: [...named.edits, renamed.scopeEdit], noteEdits: renamed.noteEdits } : named;
      },
      `Rename "${item.name}"`,
      answers.createScopeFile,
    );
  };

  const remove = async (target: EditTarget, answers: EditAnswers = {}): Promise<boolean> => {
    const path = pathOf(scope(), target);
    if (!path) return false;
    const ref =
      target.kind === 'category'
        ? { kind: 'category' as const, categoryId: target.category.id }
        : { kind: target.kind, categoryId: target.category.id, id: path.item.id };
    const count = referringNotes(editor.analyses(), ref).length;
    const confirmed =
      answers.confirmed ??
      (await vscode.window.showWarningMessage(deleteQuestion(target.kind, path.item.name, count), { modal: true }, 'Delete')) === 'Delete';
    if (!confirmed) return false;
    return editor.apply((text) => deleteItem(text, path), `Delete "${path.item.name}"`, answers.createScopeFile);
  };

  const move =
    (step: -1 | 1) =>
    async (target: EditTarget, answers: EditAnswers = {}): Promise<boolean> => {
      const path = pathOf(scope(), target);
      if (!path) return false;
      const index = 'list' in path ? path.index : path.category;
      const length = 'list' in path ? scope().categories[path.category][path.list].length : scope().categories.length;
      if (index + step < 0 || index + step >= length) return false;
      return editor.apply(
        (text) => moveItem(text, path, { category: path.category, index: step < 0 ? index - 1 : index + 2 }),
        `Move "${path.item.name}"`,
        answers.createScopeFile,
      );
    };

  return { add, addTo, rename, remove, move };

  async function addTo(kind: ListKind, target: EditTarget | undefined, answers?: EditAnswers): Promise<boolean> {
    let category = categoryIndex(target);
    if (category === -1) {
      const pick = await vscode.window.showQuickPick(
        scope().categories.map((c, i) => ({ label: c.name, index: i })),
        { title: `Add ${NOUN[kind]} to which category?` },
      );
      if (!pick) return false;
      category = pick.index;
    }
    return add({ kind, category }, answers);
  }
}
