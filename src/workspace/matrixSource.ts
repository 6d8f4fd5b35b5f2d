import * as vscode from 'vscode';
import { coverageRows } from '../core/matrix/indexMatrix';
import type { ProductCoverageInput } from '../core/matrix/matrixModel';
import type { Scope } from '../core/scope/scopeModel';
import { Disposable } from './lifecycle';
import type { NoteNavigator } from './noteNavigation';
import type { NoteWorkspace } from './noteWorkspace';
import type { ScopeRoots } from './scopeRoots';

/** What the matrix reads: the scope, the analysis's coverage, and where a click on a cell goes. */
export interface MatrixSource {
  /**
   * Fires when the scope or any note changes, or when it is another scope's turn; `more` while a batch of changes
   * (a branch switch) has more to come.
   */
  readonly onDidChange: vscode.Event<{ readonly more?: boolean } | undefined>;
  /** The scope in force and the folder its notes glob is relative to (none without a folder). */
  scope(): { readonly scope: Scope; readonly folderUri?: vscode.Uri };
  /** The subject's rows where a note covers it, then every product of the scope in scope order, with every axis of its category. */
  coverage(): readonly ProductCoverageInput[];
  readonly navigator: NoteNavigator | undefined;
  /** The scope's name, where the window has several; undefined with one. */
  readonly label: string | undefined;
}

/** A scope's rows as the matrix and the battlecards show them (see coverageRows). */
export function coverageOf(notes: NoteWorkspace): ProductCoverageInput[] {
  return coverageRows(notes.index);
}

/**
 * The current scope as the matrix reads it: the active note's, or the one chosen with Choose Scope…; a change of
 * scope is a change like any other (the matrix sends the new one whole, as its shape differs).
 */
export class CurrentScopeSource extends Disposable implements MatrixSource {
  private readonly emitter = this.register(new vscode.EventEmitter<{ readonly more?: boolean } | undefined>());
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly roots: ScopeRoots,
    private readonly builtIn: () => Scope,
  ) {
    super();
    const fire = () => this.emitter.fire(undefined);
    this.registerAll(
      roots.onDidChangeCurrent(fire),
      roots.onDidChangeRoots(fire),
      roots.onDidChangeNotes(({ root, change }) => root === roots.current && this.emitter.fire(change)),
    );
  }

  scope(): { readonly scope: Scope; readonly folderUri?: vscode.Uri } {
    return this.roots.current?.store.current ?? { scope: this.builtIn() };
  }

  coverage(): readonly ProductCoverageInput[] {
    const notes = this.roots.current?.notes;
    return notes ? coverageOf(notes) : [];
  }

  get navigator(): NoteNavigator | undefined {
    return this.roots.current?.navigator;
  }

  get label(): string | undefined {
    return this.roots.all.length > 1 ? this.roots.current?.label : undefined;
  }
}
