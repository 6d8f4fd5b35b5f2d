import * as vscode from 'vscode';
import { EXPORT_FORMATS, isExportFormat } from '../../core/matrix/exportFormats';
import type { MatrixModel } from '../../core/matrix/matrixModel';
import { pickFormat, saveExport } from '../../workspace/exportFile';

const TITLE = 'Export the Comparison Matrix';

/**
 * `competitorScope.exportMatrix [format] [uri]`: asks for the format and the file unless given
 * (the panel's button gives neither; scripts and tests may give both), then writes the export.
 */
export function registerMatrixExport(model: () => MatrixModel, folder: () => vscode.Uri | undefined): vscode.Disposable[] {
  const exportMatrix = async (format?: unknown, target?: unknown): Promise<vscode.Uri | undefined> => {
    const chosen = typeof format === 'string' && isExportFormat(format) ? format : await pickFormat(TITLE, EXPORT_FORMATS);
    if (!chosen) return undefined;
    return saveExport(
      { title: TITLE, what: 'the matrix', fileName: 'competitor-matrix', folder: folder() },
      EXPORT_FORMATS[chosen],
      model(),
      target,
    );
  };
  return [vscode.commands.registerCommand('competitorScope.exportMatrix', exportMatrix)];
}
