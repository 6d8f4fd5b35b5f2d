import * as vscode from 'vscode';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../core/matrix/exportFormats';
import type { MatrixModel } from '../core/matrix/matrixModel';
import { writeText } from '../workspace/workspaceFiles';

const DEFAULT_FILE_NAME = 'competitor-matrix';

/**
 * `competitorScope.exportMatrix [format] [uri]`: asks for the format and the file unless given
 * (the panel's button gives neither; scripts and tests may give both), then writes the export.
 */
export function registerMatrixExport(model: () => MatrixModel, folder: () => vscode.Uri | undefined): vscode.Disposable[] {
  const exportMatrix = async (format?: unknown, target?: unknown): Promise<vscode.Uri | undefined> => {
    const chosen = typeof format === 'string' && isExportFormat(format) ? format : await pickFormat();
    if (!chosen) return undefined;
    const info = EXPORT_FORMATS[chosen];
    const uri = target instanceof vscode.Uri ? target : await pickFile(chosen, folder());
    if (!uri) return undefined;
    await writeText(uri, info.render(model()));
    if (!(target instanceof vscode.Uri)) {
      const open = 'Open';
      void vscode.window.showInformationMessage(`Exported the matrix as ${info.label} to ${vscode.workspace.asRelativePath(uri)}.`, open).then((answer) => {
        if (answer === open) void vscode.commands.executeCommand('vscode.open', uri);
      });
    }
    return uri;
  };
  return [vscode.commands.registerCommand('competitorScope.exportMatrix', exportMatrix)];
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const items = (Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => ({ format, label: EXPORT_FORMATS[format].label, detail: EXPORT_FORMATS[format].description }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Export the Comparison Matrix', placeHolder: 'Format' });
  return picked?.format;
}

function pickFile(format: ExportFormat, folder: vscode.Uri | undefined): Thenable<vscode.Uri | undefined> {
  const { label, extension } = EXPORT_FORMATS[format];
  const name = `${DEFAULT_FILE_NAME}.${extension}`;
  return vscode.window.showSaveDialog({
    title: 'Export the Comparison Matrix',
    saveLabel: 'Export',
    filters: { [label]: [extension] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
  });
}
