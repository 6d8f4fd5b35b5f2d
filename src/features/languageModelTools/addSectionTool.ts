import * as vscode from 'vscode';
import { inline } from '../../core/matrix/exportMarkdown';
import { findSection, type Lookup } from '../../core/notes/scopeLookup';
import {
  linkMessage,
  pathsOnTheWay,
  planSectionWrite,
  unchangedMessage,
  writtenMessage,
  type SectionWrite,
} from '../../core/brief/sectionWrite';
import type { Axis } from '../../core/scope/scopeModel';
import { toRange, toToolResult } from '../../workspace/convert';
import type { ScopeRoots } from '../../workspace/scopeRoots';
import type { NoteWorkspace } from '../../workspace/noteWorkspace';

/** What the language model passes: package.json's inputSchema, checked again here (the input is the model's). */
export interface AddSectionInput {
  readonly product: string;
  readonly axis: string;
  readonly text: string;
  readonly category?: string;
}

type Planned = { readonly write: Extract<SectionWrite, { ok: true }>; readonly axis: Axis; readonly uri: vscode.Uri };

/**
 * competitor-scope_add_section: the MCP server's add_section (the same look-up and the same planSectionWrite)
 * written through a WorkspaceEdit, so that it is undoable and the open editors follow. Asks before writing;
 * writes only a note of the workspace's notes folder; writing the same answer again changes nothing.
 */
export function addSectionTool(roots: ScopeRoots): vscode.LanguageModelTool<AddSectionInput> {
  return {
    async prepareInvocation({ input }) {
      const planned = await plan(roots, input);
      // Nothing will be written (a refusal, or the answer is there already): nothing to confirm.
      if (!planned.ok || planned.value.write.unchanged) return { invocationMessage: 'Checking the research note' };
      const { write, axis } = planned.value;
      // Names from the scope file are team text: escaped, as everywhere Markdown shows them.
      const message = new vscode.MarkdownString(
        `${write.create ? 'Creates' : 'Adds to'} ${inline(write.path)} this answer to **${inline(axis.name)}**:\n`,
      );
      message.appendCodeblock(String(input.text).trim(), 'markdown');
      return {
        invocationMessage: `Writing "${axis.name}" in ${write.path}`,
        confirmationMessages: { title: `Add "${axis.name}" to ${write.path}?`, message },
      };
    },

    async invoke({ input }) {
      const planned = await plan(roots, input);
      if (!planned.ok) throw new Error(planned.message);
      const { write, axis, uri } = planned.value;
      if (write.unchanged) return toToolResult(unchangedMessage(write.path, axis.name));
      const unsaved = await apply(write, uri);
      return toToolResult(`${writtenMessage(write, axis.name)}${unsaved ? ' The note had unsaved changes: it is left unsaved.' : ''}`);
    },
  };
}

/** The write the input asks for, with the note's URI, after checking that the URI is a note of the workspace's notes folder. */
async function plan(roots: ScopeRoots, input: AddSectionInput): Promise<Lookup<Planned>> {
  const { product, axis, text, category } = input as Partial<Record<keyof AddSectionInput, unknown>>;
  if (
    typeof product !== 'string' ||
    typeof axis !== 'string' ||
    typeof text !== 'string' ||
    (category !== undefined && typeof category !== 'string')
  ) {
    return { ok: false, message: 'add_section takes product, axis and text as strings (and optionally category).' };
  }
  const notes = (await roots.whenReady())?.notes;
  if (!notes) return { ok: false, message: 'No folder is open: there is no notes folder to write in.' };
  const { index } = notes;
  const section = findSection(index.scope, product, axis, category);
  if (!section.ok) return section;
  const texts = new Map<string, string>();
  for (const path of index.notesOf(section.value.target)) {
    texts.set(path, (await vscode.workspace.openTextDocument(notes.uriOf(path))).getText());
  }
  const write = planSectionWrite(index, section.value.target, section.value.axis.id, text, (path) => texts.get(path));
  if (!write.ok) return write;
  const uri = await writableUri(notes, write.path);
  return uri.ok ? { ok: true, value: { write, axis: section.value.axis, uri: uri.value } } : uri;
}

/** The URI of a note to write, once it is known to be in the workspace's notes folder and reached through no symbolic link. */
export async function writableUri(notes: NoteWorkspace, path: string): Promise<Lookup<vscode.Uri>> {
  const uri = notes.uriOf(path);
  if (notes.pathOf(uri) !== path || !vscode.workspace.getWorkspaceFolder(uri)) {
    return { ok: false, message: `${path} is outside the workspace's notes folder; nothing was written.` };
  }
  const link = await linkOnTheWay((shown) => notes.uriOf(shown), path);
  return link === undefined ? { ok: true, value: uri } : { ok: false, message: linkMessage(link) };
}

/** The first folder on the note's way, or the note, that is a symbolic link (see linkMessage), if one is. */
async function linkOnTheWay(uriOf: (path: string) => vscode.Uri, note: string): Promise<string | undefined> {
  for (const shown of pathsOnTheWay(note)) {
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uriOf(shown))).catch(() => undefined);
    if (!stat) return undefined; // the rest does not exist yet: the write creates it
    if (stat.type & vscode.FileType.SymbolicLink) return shown;
  }
  return undefined;
}

/** Applies the write as one undoable edit; saves an existing note unless it had unsaved changes (returns true then). */
async function apply(write: Planned['write'], uri: vscode.Uri): Promise<boolean> {
  if (!write.create) {
    return applyToNote(
      uri,
      write.path,
      write.edits.map((e) => new vscode.TextEdit(toRange(e.range), e.newText)),
    );
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(write.text) });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`VS Code did not apply the edit to ${write.path}; nothing was written.`);
  return false;
}

/** Applies edits to an existing note as one undoable edit; saves it unless it had unsaved changes (returns true then). */
export async function applyToNote(uri: vscode.Uri, path: string, edits: vscode.TextEdit[]): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, edits);
  const document = await vscode.workspace.openTextDocument(uri);
  const wasDirty = document.isDirty;
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`VS Code did not apply the edit to ${path}; nothing was written.`);
  if (!wasDirty) await document.save();
  return wasDirty;
}
