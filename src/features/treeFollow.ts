import * as vscode from 'vscode';
import type { NoteTarget } from '../core/notes/productMatcher';
import type { ScopeRef } from '../workspace/noteNavigation';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { CONFIGURATION_SECTION } from '../workspace/settings';
import { coalesced } from '../workspace/timeSlices';
import type { ScopeNode } from '../workspace/scopeNodes';

const AUTO_REVEAL = 'tree.autoReveal';
const FOLLOW_DELAY_MS = 200;

/**
 * The tree follows the active editor, like the Explorer: a note's product is revealed and selected while
 * the view is visible (`competitorScope.tree.autoReveal`). `competitorScope.revealInTree` reveals a product on request.
 */
export function registerTreeFollow(
  view: vscode.TreeView<ScopeNode>,
  roots: ScopeRoots,
  followed?: vscode.EventEmitter<vscode.Uri>,
): vscode.Disposable[] {
  const nodeOf = (ref: NoteTarget & { root?: string }): ScopeNode | undefined => {
    const root = roots.of(ref);
    const category = root?.store.current.scope.categories.find((c) => c.id === ref.categoryId);
    const product = category?.products.find((p) => p.id === ref.productId);
    return root && category && product ? { kind: 'product', root: root.key, category, product } : undefined;
  };
  let shown: string | undefined;
  const follow = () => {
    const document = vscode.window.activeTextEditor?.document;
    const revealed = followTo(document);
    const done = () => document && followed?.fire(document.uri);
    void Promise.resolve(revealed).then(done, done);
  };
  const followTo = (document: vscode.TextDocument | undefined): Thenable<void> | undefined => {
    if (
      !document ||
      !view.visible ||
      !vscode.workspace.getConfiguration(CONFIGURATION_SECTION, document.uri).get<boolean>(AUTO_REVEAL, true)
    ) {
      return undefined;
    }
    const notes = roots.notesFor(document.uri);
    const path = notes?.pathOf(document.uri);
    const target = path === undefined ? undefined : notes?.index.note(path)?.targets[0];
    const node = target && nodeOf({ ...target, root: roots.forUri(document.uri)?.key });
    const key = node && `${document.uri.toString()}\n${target.categoryId}\n${target.productId}`;
    // Once per editor and product: the tree is not pulled back while the user scrolls it as the note is typed.
    if (!node || key === shown) return undefined;
    shown = key;
    return view.reveal(node, { select: true, focus: false, expand: false });
  };
  // Settles first: a reveal while the view is still rendering for the first time can be lost, and a quick
  // run through several editors needs only the last one revealed.
  const later = coalesced(follow, FOLLOW_DELAY_MS);
  const forget = () => {
    shown = undefined;
    later.schedule();
  };
  return [
    vscode.window.onDidChangeActiveTextEditor(forget),
    view.onDidChangeVisibility(forget),
    roots.onDidChangeNotes(() => later.schedule()),
    later,
    vscode.commands.registerCommand('competitorScope.revealInTree', async (ref: ScopeRef) => {
      const node = nodeOf(ref);
      if (node) await view.reveal(node, { select: true, focus: true, expand: true });
    }),
  ];
}
