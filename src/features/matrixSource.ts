import type * as vscode from 'vscode';
import type { ProductCoverageInput } from '../core/matrix/matrixModel';
import type { NoteAnalysis } from '../core/notes/noteAnalyzer';
import type { Scope } from '../core/scopeModel';

/** What the matrix reads: the scope, the analysis's coverage, and a note's analysis for the "Add section" edit. */
export interface MatrixSource {
  /** Fires when the scope or any note changes. */
  readonly onDidChange: vscode.Event<unknown>;
  /** The scope in force and the folder its notes glob is relative to (none without a folder). */
  scope(): { readonly scope: Scope; readonly folderUri?: vscode.Uri };
  /** Every product of the scope in scope order, with every axis of its category (NoteIndex.coverage()). */
  coverage(): readonly ProductCoverageInput[];
  /** The analysis of a note by its path relative to the folder (NoteIndex.note()). */
  note(path: string): NoteAnalysis | undefined;
}
