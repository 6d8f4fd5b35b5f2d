import * as vscode from 'vscode';
import { localDay } from '../core/dates';
import type { GitDates } from '../git/gitDates';
import { Disposable, LatestRun } from './lifecycle';
import type { NoteWorkspace } from './noteWorkspace';
import { AFTER_SCAN_DELAY_MS, coalesced } from './timeSlices';

const BLAME_DEBOUNCE_MS = 400;

/**
 * Dates the notes' lines with git, off the UI's path: the active note first (its text as the editor holds it,
 * against its history), then every note in the background (one pass over the history). Only in a trusted
 * workspace: git runs there, though it reads objects only. Untrusted, answers are dated by their markers.
 */
export class NoteDating extends Disposable {
  private readonly all = this.register(new LatestRun());
  private readonly blame = this.register(new LatestRun());
  /** The note in the editor that the next blame dates. */
  private toBlame: { readonly document: vscode.TextDocument; readonly folder: string; readonly path: string } | undefined;
  private readonly blameLater = this.register(coalesced(() => void this.blameNow(), BLAME_DEBOUNCE_MS));
  /** Notes dated with their editor's text: the pass over every note does not overwrite them. */
  private readonly blamed = new Set<string>();

  constructor(
    private readonly notes: NoteWorkspace,
    private readonly git: GitDates,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.registerAll(
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.start()),
      notes.onDidChange((change) => {
        if (change.all) this.start();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.scheduleBlame(editor.document, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.length > 0) {
          this.scheduleBlame(e.document, BLAME_DEBOUNCE_MS);
        }
      }),
    );
    this.start();
  }

  /** Dates the active note, then every note; a run still going is cancelled. */
  private start(): void {
    if (!vscode.workspace.isTrusted) return;
    const document = vscode.window.activeTextEditor?.document;
    if (document) this.scheduleBlame(document, 0);
    void this.dateAll();
  }

  private async dateAll(): Promise<void> {
    const folder = this.notes.folderPath;
    if (!folder) return this.all.cancel();
    const run = this.all.start();
    await this.notes.ready;
    // Starting git holds the extension host a moment: after the views have shown the notes.
    await new Promise((resolve) => setTimeout(resolve, AFTER_SCAN_DELAY_MS));
    if (!run.current()) return;
    const started = Date.now();
    const analyzed = this.notes.index.paths().filter((path) => this.notes.index.note(path));
    const { dates, warning } = await this.git.notesDates(folder, this.notes.notesFolder, analyzed, localDay(), run.signal);
    if (!run.current()) return;
    this.notes.setLineDates([...dates].filter(([path]) => !this.blamed.has(path)));
    this.log.info(`Dated ${dates.size} research notes with git in ${Date.now() - started} ms.`);
    if (warning) this.log.warn(warning);
  }

  /** Dates the note in an editor as it holds it, after `delay`; a dating of an older text is cancelled. */
  private scheduleBlame(document: vscode.TextDocument, delay: number): void {
    const folder = this.notes.folderPath;
    const path = this.notes.pathOf(document.uri);
    if (!vscode.workspace.isTrusted || !folder || path === undefined) return;
    this.blame.cancel();
    this.toBlame = { document, folder, path };
    this.blameLater.schedule(delay);
  }

  private async blameNow(): Promise<void> {
    if (!this.toBlame) return;
    const { document, folder, path } = this.toBlame;
    const run = this.blame.start();
    const { dates: dated, warning } = await this.git.noteDates(folder, path, document.getText(), localDay(), run.signal);
    const dates = dated.get(path);
    if (!run.current()) return;
    if (warning) this.log.warn(warning);
    if (!dates) return;
    this.blamed.add(path);
    this.notes.setLineDates([[path, dates]]);
  }
}
