import * as vscode from 'vscode';
import type { ExportFormatInfo } from '../core/matrix/exportFormats';
import { writeText } from './workspaceFiles';

/** Asks which of `formats` to export to, each with what it is for. */
export async function pickFormat<K extends string>(
  title: string,
  formats: Readonly<Record<K, { label: string; description: string }>>,
): Promise<K | undefined> {
  const items = (Object.keys(formats) as K[]).map((format) => ({
    format,
    label: formats[format].label,
    detail: formats[format].description,
  }));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Format' });
  return picked?.format;
}

/** What is exported, and where it goes by default. */
export interface ExportTarget {
  /** The dialog's title, e.g. 'Export the Comparison Matrix'. */
  readonly title: string;
  /** What the message after it names, e.g. 'the matrix'. */
  readonly what: string;
  /** The file's name without its extension, in `folder`. */
  readonly fileName: string;
  readonly folder: vscode.Uri | undefined;
}

/**
 * Writes an export to `given` (scripts and tests name the file), else to the file the user chooses, then says
 * where with a way to open it. A file outside every workspace folder is refused: the extension writes only
 * inside the workspace.
 */
export async function saveExport<T>(
  target: ExportTarget,
  format: ExportFormatInfo<T>,
  content: T,
  given?: unknown,
): Promise<vscode.Uri | undefined> {
  const uri = given instanceof vscode.Uri ? given : await chooseFile(target, format);
  if (!uri) return undefined;
  if (!vscode.workspace.getWorkspaceFolder(uri)) {
    void vscode.window.showErrorMessage(
      `Competitor Scope writes only inside the workspace folder: ${target.what} was not exported to ${uri.toString(true)}.`,
    );
    return undefined;
  }
  await writeText(uri, format.render(content));
  if (!(given instanceof vscode.Uri)) {
    const open = 'Open';
    void vscode.window
      .showInformationMessage(`Exported ${target.what} as ${format.label} to ${vscode.workspace.asRelativePath(uri)}.`, open)
      .then((answer) => {
        if (answer === open) void vscode.commands.executeCommand('vscode.open', uri);
      });
  }
  return uri;
}

function chooseFile(
  target: ExportTarget,
  { label, extension }: Pick<ExportFormatInfo<unknown>, 'label' | 'extension'>,
): Thenable<vscode.Uri | undefined> {
  const name = `${target.fileName}.${extension}`;
  return vscode.window.showSaveDialog({
    title: target.title,
    saveLabel: 'Export',
    filters: { [label]: [extension] },
    ...(target.folder ? { defaultUri: vscode.Uri.joinPath(target.folder, name) } : {}),
  });
}
