import * as vscode from 'vscode';
import { timeActivation, type ActivationTiming } from './features/activationTiming';
import { registerChatParticipant } from './features/chatParticipant';
import { registerBattlecardPanel, type BattlecardPanelHandle } from './features/battlecardPanel';
import { registerCoverageStatusBar } from './features/coverageStatusBar';
import { registerEmptyWebview } from './features/emptyWebview';
import { registerGoToProduct } from './features/goToProduct';
import type { AddSectionInput } from './features/addSectionTool';
import { registerLanguageModelTools } from './features/languageModelTools';
import { registerMatrixPanel, type MatrixPanelHandle } from './features/matrixPanel';
import { registerNoteCodeActions } from './features/noteCodeActions';
import { registerNoteCodeLens } from './features/noteCodeLens';
import { registerNoteCompletion } from './features/noteCompletion';
import { registerNoteDefinition } from './features/noteDefinition';
import { registerNoteCommands } from './features/noteCommands';
import { registerNoteDiagnostics } from './features/noteDiagnostics';
import { registerNoteHover } from './features/noteHover';
import { registerResearchBrief } from './features/researchBrief';
import { registerScopeCodeLens } from './features/scopeCodeLens';
import { registerScopeCommands } from './features/scopeCommands';
import { registerScopeDiagnostics } from './features/scopeDiagnostics';
import { ScopeDragAndDrop } from './features/scopeDragAndDrop';
import { registerScopeEditCommands } from './features/scopeEditCommands';
import { registerScopeImportCommand } from './features/scopeImportCommand';
import { registerScopeRename } from './features/scopeRename';
import { registerScopeTree, type ScopeNode } from './features/scopeTree';
import { registerTreeFollow } from './features/treeFollow';
import { noGitDates, type GitDates } from './git/gitDates';
import { NoteDating } from './workspace/noteDating';
import { NoteNavigator } from './workspace/noteNavigation';
import { NoteWorkspace } from './workspace/noteWorkspace';
import { ScopeFileEditor } from './workspace/scopeFileEditor';
import { ScopeStore, type ScopeState } from './workspace/scopeStore';
import type { NoteIndex } from './core/notes/noteIndex';

/** What activate returns: read-only views of the extension's state, for integration tests and other extensions. */
export interface CompetitorScopeApi {
  readonly scope: () => ScopeState;
  readonly notes: () => NoteIndex;
  /** Resolves when the notes of the latest scan have been read and analyzed. */
  readonly ready: () => Promise<void>;
  readonly scopeTree: vscode.TreeDataProvider<ScopeNode>;
  /** The nodes selected in the tree view. */
  readonly treeSelection: () => readonly ScopeNode[];
  /** What the tree says above its items (a broken scope file, answers not dated by git), if anything. */
  readonly treeMessage: () => string | undefined;
  readonly matrix: MatrixPanelHandle;
  /** @competitor-scope's request handler, for tests that drive it with their own request and response stream. */
  readonly chatHandler: vscode.ChatRequestHandler;
  /**
   * competitor-scope_add_section's implementation, for tests of its prepareInvocation: VS Code confirms every
   * dialog by itself while extension tests run, so invokeTool cannot show that the tool asks.
   */
  readonly addSectionTool: vscode.LanguageModelTool<AddSectionInput>;
  /** The tree's drag and drop, as VS Code calls it. */
  readonly scopeDragAndDrop: vscode.TreeDragAndDropController<ScopeNode>;
  readonly battlecards: BattlecardPanelHandle;
  /** How long activation took until the tree's first items, and until every note was analyzed. */
  readonly activation: () => Promise<ActivationTiming>;
}

/**
 * Wires every feature to the workspace services: the one activation that both entry points run, the
 * desktop's (src/extension.ts, Node) and the browser's (src/web.ts, a web worker). Nothing here or below
 * it imports a Node module; the build fails the web bundle if something does. Git's dates come from the entry
 * point: the desktop's spawns git, the browser has none.
 */
export async function activateCompetitorScope(context: vscode.ExtensionContext, git: GitDates = noGitDates): Promise<CompetitorScopeApi> {
  const started = performance.now();
  const homepage = String(context.extension.packageJSON.homepage ?? '');
  const log = vscode.window.createOutputChannel('Competitor Scope', { log: true });
  const store = await ScopeStore.create(context.extensionUri);
  const notes = new NoteWorkspace(store, log);
  // Runs git only in a trusted workspace, off the UI's path.
  const dating = new NoteDating(notes, git, log);
  const navigator = new NoteNavigator(store, notes);
  const scopeEditor = new ScopeFileEditor(store, notes);
  const dragAndDrop = new ScopeDragAndDrop(scopeEditor, () => store.current.scope);
  const tree = registerScopeTree(store, notes, dragAndDrop, git.available);
  const source = {
    onDidChange: notes.onDidChange,
    scope: () => store.current,
    coverage: () => [...notes.index.subjectCoverage(), ...notes.index.coverage()],
  };
  const matrix = registerMatrixPanel(context.extensionUri, source, navigator);
  const battlecards = registerBattlecardPanel(context.extensionUri, source, notes, navigator);
  const chat = registerChatParticipant(notes, context.extensionUri);
  const tools = registerLanguageModelTools(notes);
  context.subscriptions.push(
    log,
    store,
    notes,
    dating,
    ...tree.disposables,
    ...registerScopeDiagnostics(store, notes, homepage),
    ...registerScopeCommands(store, context.extensionUri),
    ...registerScopeEditCommands(scopeEditor, () => store.current.scope),
    ...registerScopeImportCommand(store),
    ...registerNoteCommands(navigator),
    ...registerNoteDiagnostics(notes, homepage),
    ...registerNoteCodeActions(notes),
    ...matrix.disposables,
    ...battlecards.disposables,
    ...registerCoverageStatusBar(store, notes, 'competitorScope.showMatrix'),
    ...registerNoteCompletion(notes),
    ...registerNoteHover(notes),
    ...registerNoteCodeLens(notes),
    ...registerNoteDefinition(store, notes, context.extensionUri),
    ...registerTreeFollow(tree.view, notes),
    ...registerGoToProduct(notes, navigator),
    ...registerScopeCodeLens(store, notes),
    ...registerScopeRename(store, notes),
    ...registerResearchBrief(notes),
    ...tools.disposables,
    ...chat.disposables,
  );
  // The floor of the matrix benchmark (npm run bench:vscode), under tests and in development: never for users.
  if (context.extensionMode !== vscode.ExtensionMode.Production) context.subscriptions.push(...registerEmptyWebview(context.extensionUri));
  const activation = timeActivation(started, notes, tree.provider, log);
  return { scope: () => store.current, notes: () => notes.index, ready: () => notes.ready, scopeTree: tree.provider, treeSelection: () => tree.view.selection, treeMessage: () => tree.view.message, matrix, battlecards, chatHandler: chat.handler, addSectionTool: tools.addSection, scopeDragAndDrop: dragAndDrop, activation: () => activation };
}
