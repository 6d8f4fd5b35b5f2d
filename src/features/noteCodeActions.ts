import * as vscode from 'vscode';
import { toRange } from '../workspace/convert';
import { localDay } from '../core/dates';
import { markReviewedEdit } from '../core/evidence/reviewedEdit';
import type { Finding } from '../core/notes/findings';
import type { NoteAnalysis } from '../core/notes/noteAnalyzer';
import { addSectionsEdits, nearMissRenames, setCategoryEdits, setProductEdits, type TextEdit } from '../core/notes/noteEdits';
import type { Scope } from '../core/scope/scopeModel';
import type { ScopeRoots } from '../workspace/scopeRoots';
import { DIAGNOSTIC_SOURCE } from '../workspace/convert';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('competitorScope');

/**
 * Quick fixes for the notes' diagnostics, and a fix-all (`source.fixAll.competitorScope`, also on save when
 * the user lists it in `editor.codeActionsOnSave`) that adds every missing section. Fixes only insert text or
 * replace the one value they correct: the team's writing is never deleted or moved.
 */
class NoteCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly roots: ScopeRoots) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const notes = this.roots.notesFor(document.uri);
    const path = notes?.sync(document);
    const analysis = notes && path ? notes.index.note(path) : undefined;
    if (!notes || !path || !analysis) return [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
    const findings = notes.index.findings(path);
    const scope = notes.index.scope;
    const actions: vscode.CodeAction[] = [];

    if (wants(vscode.CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        const found = findings.find((f) => matches(f, diagnostic));
        if (found) actions.push(...quickFixes(found, findings, analysis, scope, document, diagnostic));
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const edits = addMissingEdits(
        findings.filter((f) => f.code === 'missing-axis'),
        analysis,
        scope,
      );
      if (edits.length > 0) actions.push(action('Add all missing sections', FIX_ALL_KIND, document, edits));
    }
    // Every missing-axis diagnostic of a note offers the same "Add all": list it once.
    return actions.filter((a, i) => actions.findIndex((b) => b.title === a.title) === i);
  }
}

function quickFixes(
  found: Finding,
  all: Finding[],
  analysis: NoteAnalysis,
  scope: Scope,
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction[] {
  const fix = (title: string, edits: TextEdit[], preferred = false) => {
    const codeAction = action(title, vscode.CodeActionKind.QuickFix, document, edits);
    codeAction.diagnostics = [diagnostic];
    codeAction.isPreferred = preferred;
    return codeAction;
  };
  switch (found.code) {
    case 'missing-axis': {
      const { categoryId, axisId, axisName } = found.data;
      const actions = [fix(`Add section '${axisName}'`, addSectionsEdits(analysis, scope, categoryId, [axisId]), true)];
      const missing = all.filter((f) => f.code === 'missing-axis');
      if (missing.length > 1) actions.push(fix(`Add all ${missing.length} missing sections`, addMissingEdits(missing, analysis, scope)));
      return actions;
    }
    case 'axis-typo': {
      const heading = analysis.parsed.headings.findIndex((h) => h.range.start.line === found.range.start.line);
      // Axes equally near get one rename each, none preferred: the writer knows which one the heading meant.
      const renames = heading === -1 ? [] : nearMissRenames(analysis, heading, found.data.axes);
      return renames.map(({ name, edit }) => fix(`Rename heading to '${name}'`, [edit], renames.length === 1));
    }
    case 'unknown-product':
    case 'unlinked-note': {
      const verb = found.code === 'unknown-product' ? 'Change product to' : 'Link this note to';
      return found.data.suggestions.map((s, i) =>
        fix(
          `${verb} '${s.productName}' (${s.productId})`,
          setProductEdits(analysis, s.productId, s.categoryId),
          i === 0 && found.code === 'unknown-product',
        ),
      );
    }
    case 'stale-answer': {
      const heading = analysis.parsed.headings.findIndex((h) => h.range.start.line === found.range.start.line);
      const lineText = (line: number) => (line < document.lineCount ? document.lineAt(line).text : '');
      return heading === -1
        ? []
        : [fix('Mark as reviewed today', [markReviewedEdit(analysis.parsed, heading, localDay(), lineText)], true)];
    }
    case 'unknown-category':
      return found.data.suggestions.map((id) => fix(`Change category to '${id}'`, setCategoryEdits(analysis, id)));
    default:
      return [];
  }
}

/** Every missing section of the note, for each product it is about, as one set of edits. */
function addMissingEdits(missing: Finding[], analysis: NoteAnalysis, scope: Scope): TextEdit[] {
  const byCategory = new Map<string, string[]>();
  for (const f of missing) {
    if (f.code !== 'missing-axis') continue;
    byCategory.set(f.data.categoryId, [...(byCategory.get(f.data.categoryId) ?? []), f.data.axisId]);
  }
  return [...byCategory].flatMap(([categoryId, axisIds]) => addSectionsEdits(analysis, scope, categoryId, axisIds));
}

function action(title: string, kind: vscode.CodeActionKind, document: vscode.TextDocument, edits: TextEdit[]): vscode.CodeAction {
  const codeAction = new vscode.CodeAction(title, kind);
  codeAction.edit = new vscode.WorkspaceEdit();
  codeAction.edit.set(
    document.uri,
    edits.map((e) => new vscode.TextEdit(toRange(e.range), e.newText)),
  );
  return codeAction;
}

function matches(finding: Finding, diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === finding.code && diagnostic.message === finding.message && toRange(finding.range).isEqual(diagnostic.range);
}

export function registerNoteCodeActions(roots: ScopeRoots): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeActionsProvider(
      { language: 'markdown' },
      new NoteCodeActionProvider(roots),
      NoteCodeActionProvider.metadata,
    ),
  ];
}
