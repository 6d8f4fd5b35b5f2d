import * as vscode from 'vscode';
import { timeActivation, type ActivationTiming } from './features/activationTiming';
import { registerChatParticipant } from './features/chatParticipant';
import { registerBattlecardPanel, type BattlecardPanelHandle } from './features/battlecard/battlecardPanel';
import { registerCoverageStatusBar } from './features/coverageStatusBar';
import { registerEmptyWebview } from './features/emptyWebview';
import { registerGoToProduct } from './features/goToProduct';
import type { AddSectionInput } from './features/languageModelTools/addSectionTool';
import { registerLanguageModelTools } from './features/languageModelTools/languageModelTools';
import { MatrixComparer } from './features/matrix/matrixCompare';
import { registerMatrixPanel, type MatrixPanelHandle } from './features/matrix/matrixPanel';
import { mcpServerApi, registerMcpServerDefinitions, type NodeRuntime } from './features/mcpServerDefinition';
import { CurrentScopeSource } from './workspace/matrixSource';
import { registerChooseScope } from './features/chooseScope';
import { registerNoteCodeActions } from './features/noteCodeActions';
import { registerNoteCodeLens } from './features/noteCodeLens';
import { registerNoteCompletion } from './features/noteCompletion';
import { registerNoteDefinition } from './features/noteDefinition';
import { registerNoteCommands } from './features/noteCommands';
import { registerNoteDiagnostics } from './features/noteDiagnostics';
import { registerNoteHover } from './features/noteHover';
import { registerAnswerHistory } from './features/answerHistory';
import { registerResearchBrief } from './features/researchBrief';
import { registerBuildSite } from './features/buildSite';
import { registerScopeCodeLens } from './features/scopeCodeLens';
import { registerScopeCommands } from './features/scopeCommands';
import { registerScopeDiagnostics } from './features/scopeDiagnostics';
import { ScopeDragAndDrop } from './features/scopeDragAndDrop';
import { registerScopeEditCommands } from './features/scopeEditCommands';
import { registerScopeImportCommand } from './features/scopeImportCommand';
import { registerScopeRename } from './features/scopeRename';
import { registerScopeTree } from './features/scopeTree';
import type { ScopeNode } from './workspace/scopeNodes';
import { registerTreeFollow } from './features/treeFollow';
import { noGitDates, type GitDates } from './git/gitDates';
import { noGitHistory, type GitHistory } from './git/gitHistory';
import { NoteDating } from './workspace/noteDating';
import type { RealPaths } from './workspace/realPaths';
import { ScopeRoots } from './workspace/scopeRoots';
import { ScopeCache } from './workspace/scopeCache';
import type { ScopeState } from './workspace/scopeStore';
import { readText } from './workspace/workspaceFiles';
import type { NoteIndex } from './core/index/noteIndex';
import { SCOPE_FILE_NAME, type Scope } from './core/scope/scopeModel';
import { parseScope } from './core/scope/scopeParser';

/** One scope of the window, for tests: its key (what tree nodes and refs carry as `root`), its name, its state and notes. */
export interface ScopeView {
  readonly key: string;
  readonly label: string;
  readonly scope: ScopeState;
  readonly notes: NoteIndex;
}

/** What activate returns: read-only views of the extension's state, for integration tests and other extensions. */
export interface CompetitorScopeApi {
  /** The current scope (the active note's; the first folder's until a note is active) and its notes. */
  readonly scope: () => ScopeState;
  readonly notes: () => NoteIndex;
  /** Every scope of the window: a folder's or a nested scope file's. */
  readonly scopes: () => readonly ScopeView[];
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
  readonly setScoreTool: vscode.LanguageModelTool<Record<string, unknown>>;
  /** The tree's drag and drop, as VS Code calls it. */
  readonly scopeDragAndDrop: vscode.TreeDragAndDropController<ScopeNode>;
  readonly battlecards: BattlecardPanelHandle;
  /** How long activation took until the tree's first items, and until every note was analyzed. */
  readonly activation: () => Promise<ActivationTiming>;
  /** Fires once the tree has followed the active editor (its product revealed) or left it alone: for tests. */
  readonly onDidFollowEditor: vscode.Event<vscode.Uri>;
}

/**
 * Wires every feature to the workspace services: the one activation that both entry points run, the
 * desktop's (src/extension.ts, Node) and the browser's (src/web.ts, a web worker). Nothing here or below
 * it imports a Node module; the build fails the web bundle if something does. Git's dates and history come from
 * the entry point: the desktop's spawns git, the browser has none; so do real paths (see RealPaths) and the Node
 * that runs the MCP server.
 */
export async function activateCompetitorScope(
  context: vscode.ExtensionContext,
  git: GitDates = noGitDates,
  realPaths?: RealPaths,
  history: GitHistory = noGitHistory,
  node?: NodeRuntime,
): Promise<CompetitorScopeApi> {
  const started = performance.now();
  const homepage = String(context.extension.packageJSON.homepage ?? '');
  const log = vscode.window.createOutputChannel('Competitor Scope', { log: true });
  const builtIn = await builtInScope(context.extensionUri);
  // What runs for each scope of the window alone: its diagnostics, and git's dates (only in a trusted workspace, off the UI's path).
  const cache = new ScopeCache(context.globalStorageUri, String(context.extension.packageJSON.version ?? ''));
  const roots = await ScopeRoots.create(
    builtIn,
    log,
    realPaths,
    (root) => [
      new NoteDating(root.notes, git, log),
      ...registerScopeDiagnostics(root.store, root.notes, homepage),
      ...registerNoteDiagnostics(root.notes, homepage),
    ],
    cache,
    history.fingerprint,
  );
  const dragAndDrop = new ScopeDragAndDrop(roots);
  const tree = registerScopeTree(roots, dragAndDrop, git.available);
  const matrixSource = new CurrentScopeSource(roots, builtIn);
  const comparer = new MatrixComparer(roots, history);
  const matrix = registerMatrixPanel(context.extensionUri, matrixSource, comparer);
  const battlecards = registerBattlecardPanel(context.extensionUri, roots, history);
  const chat = registerChatParticipant(roots, context.extensionUri);
  const tools = registerLanguageModelTools(roots);
  const treeFollowed = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    treeFollowed,
    log,
    roots,
    ...tree.disposables,
    ...registerScopeCommands(roots, context.extensionUri),
    ...registerScopeEditCommands(roots),
    ...registerScopeImportCommand(roots),
    ...registerChooseScope(roots),
    ...registerNoteCommands(roots),
    ...registerNoteCodeActions(roots),
    matrixSource,
    comparer,
    ...matrix.disposables,
    ...battlecards.disposables,
    ...registerCoverageStatusBar(roots, 'competitorScope.showMatrix'),
    ...registerNoteCompletion(roots),
    ...registerNoteHover(roots, history.available),
    ...registerAnswerHistory(roots, history),
    ...registerNoteCodeLens(roots),
    ...registerNoteDefinition(roots, context.extensionUri),
    ...registerTreeFollow(tree.view, roots, treeFollowed),
    ...registerGoToProduct(roots),
    ...registerScopeCodeLens(roots),
    ...registerScopeRename(roots),
    ...registerResearchBrief(roots),
    ...registerBuildSite(roots),
    ...tools.disposables,
    ...chat.disposables,
    ...registerMcpServerDefinitions(mcpServerApi(vscode), context, roots, node),
  );
  // The floor of the matrix benchmark (npm run bench:vscode), under tests and in development: never for users.
  if (context.extensionMode !== vscode.ExtensionMode.Production) context.subscriptions.push(...registerEmptyWebview(context.extensionUri));
  const activation = timeActivation(started, roots, () => tree.provider.getChildren().map((node) => tree.provider.getTreeItem(node)), log);
  const current = () => {
    const root = roots.current;
    if (!root) throw new Error('No folder is open: there is no scope.');
    return root;
  };
  return {
    scope: () => current().store.current,
    notes: () => current().notes.index,
    scopes: () => roots.all.map((root) => ({ key: root.key, label: root.label, scope: root.store.current, notes: root.notes.index })),
    ready: () => roots.ready,
    scopeTree: tree.provider,
    treeSelection: () => tree.view.selection,
    treeMessage: () => tree.view.message,
    matrix,
    battlecards,
    chatHandler: chat.handler,
    addSectionTool: tools.addSection,
    setScoreTool: tools.setScore,
    scopeDragAndDrop: dragAndDrop,
    activation: () => activation,
    onDidFollowEditor: treeFollowed.event,
  };
}

/** The built-in scope (the extension's scope/competitor-scope.yaml), parsed once when a folder first needs it: most have their own. */
async function builtInScope(extensionUri: vscode.Uri): Promise<() => Scope> {
  const text = (await readText(vscode.Uri.joinPath(extensionUri, 'scope', SCOPE_FILE_NAME))) ?? '';
  let parsed: Scope | undefined;
  return () => {
    if (!parsed) {
      const result = parseScope(text);
      if (!result.ok) throw new Error(`The built-in scope is invalid: ${result.problems[0]?.message}`);
      parsed = result.scope;
    }
    return parsed;
  };
}
