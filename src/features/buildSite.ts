import * as vscode from 'vscode';
import { isBuiltSite, siteFiles } from '../core/site/buildSite';
import { SITE_ASSETS, type SiteBuild } from '../core/site/sitePage';
import type { ScopeRoot, ScopeRoots } from '../workspace/scopeRoots';
import { statOf, writeText } from '../workspace/workspaceFiles';

/** MiniSearch's browser build as text, which scripts/build.mjs puts in the extension's bundle for the site's search. */
declare const MINISEARCH_SCRIPT: string | undefined;

const BUILD_SITE_COMMAND = 'competitorScope.buildSite';

/** The folder offered, next to the scope file. */
const DEFAULT_FOLDER = 'site';

/**
 * Competitor Scope: Build Site…, the static site of `competitor-scope site` written from the editor's analysis (open
 * notes as they are in their editors) to a folder inside the scope's folder, with a cancellable progress
 * notification, then a way to open it. Scripts and tests may pass the folder as a URI, and `{ confirmed }` for the question.
 */
export function registerBuildSite(roots: ScopeRoots): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(BUILD_SITE_COMMAND, async (target?: unknown, given?: unknown, answers?: { confirmed?: unknown }) => {
      const root = await roots.whenReady(target);
      if (!root) return void vscode.window.showWarningMessage('Build Site… needs a folder with research notes: open one first.');
      const folder = given instanceof vscode.Uri ? given : await askFolder(root);
      if (!folder) return undefined;
      const refusal = folderRefusal(root.store.folderUri, folder) ?? (await realPathRefusal(root, folder));
      if (refusal) return void vscode.window.showErrorMessage(refusal);
      const confirmed = typeof answers?.confirmed === 'boolean' ? answers.confirmed : undefined;
      if (!(await mayWriteInto(folder, confirmed))) return undefined;
      const pages = await writeSite(root, folder);
      if (pages !== undefined) offerToOpen(folder, pages);
      return pages === undefined ? undefined : folder;
    }),
  ];
}

async function askFolder(root: ScopeRoot): Promise<vscode.Uri | undefined> {
  const scopeFolder = root.store.folderUri;
  const value = await vscode.window.showInputBox({
    title: 'Build Site',
    prompt: `The folder to write the site to, relative to the scope's folder (${vscode.workspace.asRelativePath(scopeFolder, true)})`,
    value: DEFAULT_FOLDER,
    validateInput: (text) => {
      const folder = folderOf(scopeFolder, text);
      return typeof folder === 'string' ? folder : folderRefusal(scopeFolder, folder);
    },
  });
  if (value === undefined) return undefined;
  const folder = folderOf(scopeFolder, value);
  if (typeof folder !== 'string') return folder;
  void vscode.window.showErrorMessage(folder);
  return undefined;
}

/** The folder a typed path names, relative to the scope's folder; or why it names none. */
function folderOf(scopeFolder: vscode.Uri, text: string): vscode.Uri | string {
  const path = text.trim().replace(/\\/g, '/');
  if (path === '') return 'Name a folder for the site, such as site.';
  if (path.startsWith('/') || /^[a-z]:/i.test(path)) return `Give the folder relative to the scope's folder, such as site, not ${path}.`;
  return vscode.Uri.joinPath(scopeFolder, path);
}

/** Why the site may not be written to `folder`: it must be a folder of its own inside the scope's folder. */
function folderRefusal(scopeFolder: vscode.Uri, folder: vscode.Uri): string | undefined {
  const inside =
    folder.scheme === scopeFolder.scheme &&
    folder.authority === scopeFolder.authority &&
    folder.path.startsWith(scopeFolder.path.endsWith('/') ? scopeFolder.path : `${scopeFolder.path}/`);
  if (!inside) {
    return `The site is written only inside the scope's folder (${vscode.workspace.asRelativePath(scopeFolder, true)}), and ${folder.toString(true)} is outside it: choose a folder inside it, such as ${DEFAULT_FOLDER}.`;
  }
  return vscode.workspace.getWorkspaceFolder(folder)
    ? undefined
    : `${folder.toString(true)} is outside the workspace: choose a folder inside it.`;
}

/** A folder that is a link leading out of the scope's folder is refused like a folder outside it. */
async function realPathRefusal(root: ScopeRoot, folder: vscode.Uri): Promise<string | undefined> {
  if (!(await statOf(folder)) || (await root.store.staysInside(folder))) return undefined;
  return `${vscode.workspace.asRelativePath(folder)} leads outside the scope's folder (a link): the site is not written there.`;
}

/**
 * A new or empty folder, or a site built before, is written at once; any other folder only once the user agrees
 * (or `confirmed`, a test's or a script's answer, says so).
 */
async function mayWriteInto(folder: vscode.Uri, confirmed: boolean | undefined): Promise<boolean> {
  const stat = await statOf(folder);
  if (!stat) return true;
  if ((stat.type & vscode.FileType.Directory) === 0) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(folder)} is a file, not a folder: the site needs a folder.`);
    return false;
  }
  const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
  if (names.length === 0 || isBuiltSite(names)) return true;
  if (confirmed !== undefined) return confirmed;
  const write = 'Write the Site Here';
  const answer = await vscode.window.showWarningMessage(
    `${vscode.workspace.asRelativePath(folder)} holds ${names.length === 1 ? 'a file' : `${names.length} files`} and is not a site built before. Write the site into it?`,
    {
      modal: true,
      detail: `The site's own files (index.html, ${SITE_ASSETS.style}, a page per category and per product…) are written over; nothing else in the folder is touched.`,
    },
    write,
  );
  return answer === write;
}

/** Writes every file of the site, one at a time; the number of pages, or undefined when cancelled. */
function writeSite(root: ScopeRoot, folder: vscode.Uri): Thenable<number | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Building the site', cancellable: true },
    async (progress, token) => {
      const { pages, files } = siteFiles({ index: root.notes.index, build: editorBuild() });
      await vscode.workspace.fs.createDirectory(folder);
      let written = 0;
      for (const file of files) {
        if (token.isCancellationRequested) return undefined;
        await writeText(vscode.Uri.joinPath(folder, file.name), file.text);
        if (!file.name.endsWith('.html')) continue;
        written++;
        progress.report({ increment: 100 / pages, message: `${written} of ${pages} pages` });
      }
      if (typeof MINISEARCH_SCRIPT === 'string') await writeText(vscode.Uri.joinPath(folder, SITE_ASSETS.minisearch), MINISEARCH_SCRIPT);
      return written;
    },
  );
}

/** The editor's site is built from its notes as they are now, edits included: no commit holds them. */
function editorBuild(): SiteBuild {
  return {
    builtAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
    commit: null,
    noCommit: 'in the editor, from the notes as they were there (unsaved edits included), not from a commit',
    repoPrefix: '',
  };
}

function offerToOpen(folder: vscode.Uri, pages: number): void {
  const index = vscode.Uri.joinPath(folder, 'index.html');
  const open = 'Open in Browser';
  const reveal = 'Reveal';
  void vscode.window
    .showInformationMessage(`Wrote the site, ${pages} pages, to ${vscode.workspace.asRelativePath(folder)}.`, open, reveal)
    .then((answer) => {
      if (answer === open) void vscode.env.openExternal(index);
      if (answer === reveal) void vscode.commands.executeCommand('revealInExplorer', index);
    });
}
