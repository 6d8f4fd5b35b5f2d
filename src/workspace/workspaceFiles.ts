import * as vscode from 'vscode';
import { statRefusal, type FileRefusal } from '../core/fileRefusal';

/** File access through workspace.fs, so that the extension also works in virtual workspaces. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  return (await statOf(uri)) !== undefined;
}

/** The file's stat, or undefined when there is no such file. */
export async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

/** Why a file with this stat is not read (see statRefusal): a link to a device or a pipe is no file, a link to a file is. */
export function fileRefusal(stat: vscode.FileStat, limit: number): FileRefusal | undefined {
  return statRefusal({ isFile: (stat.type & vscode.FileType.File) !== 0, size: stat.size }, limit);
}

export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export function writeText(uri: vscode.Uri, text: string): Thenable<void> {
  return vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** The file's name, without its folder. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
