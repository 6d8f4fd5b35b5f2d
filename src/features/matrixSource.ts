import type * as vscode from 'vscode';
import type { ProductCoverageInput } from '../core/matrix/matrixModel';
import type { Scope } from '../core/scopeModel';

/** What the matrix reads: the scope and the analysis's coverage. */
export interface MatrixSource {
  /** Fires when the scope or any note changes. */
  readonly onDidChange: vscode.Event<unknown>;
  /** The scope in force and the folder its notes glob is relative to (none without a folder). */
  scope(): { readonly scope: Scope; readonly folderUri?: vscode.Uri };
  /** The subject's rows where a note covers it, then every product of the scope in scope order, with every axis of its category. */
  coverage(): readonly ProductCoverageInput[];
}
