import { matrixToCsv } from './exportCsv';
import { matrixToHtml } from './exportHtml';
import { matrixToMarkdown } from './exportMarkdown';
import type { MatrixModel } from './matrixModel';

export type ExportFormat = 'markdown' | 'csv' | 'html';

/** A format something exports to: its name, what it is for, its file extension and the renderer. */
export interface ExportFormatInfo<T = MatrixModel> {
  readonly label: string;
  readonly description: string;
  readonly extension: string;
  readonly render: (content: T) => string;
}

/** The matrix's export formats, shared by the command, the panel's button and the command line. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  markdown: {
    label: 'Markdown',
    description: 'one table per category, for a report or a pull request',
    extension: 'md',
    render: matrixToMarkdown,
  },
  csv: { label: 'CSV', description: 'one row per product and axis, for a spreadsheet', extension: 'csv', render: matrixToCsv },
  html: { label: 'HTML', description: 'a standalone page', extension: 'html', render: matrixToHtml },
};

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}
