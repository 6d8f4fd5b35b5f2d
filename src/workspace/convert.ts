import * as vscode from 'vscode';
import type { Severity } from '../core/notes/findings';
import type { Range } from '../core/text';

/** The one place where the engine's plain data becomes VS Code's types. */
export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toPosition(position: Range['start']): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'information':
      return vscode.DiagnosticSeverity.Information;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
  }
}

/** The source every diagnostic of the extension names. */
export const DIAGNOSTIC_SOURCE = 'competitor-scope';

/** Each code's link, made once: a branch switch publishes thousands of diagnostics of a few codes. */
const codeTargets = new Map<string, vscode.Uri>();

/** A diagnostic code that links to its row of docs/diagnostics.md in the repository (package.json's `homepage`). */
export function diagnosticCode(code: string, homepage: string): { value: string; target: vscode.Uri } {
  const link = `${homepage.replace(/#.*$/, '')}/blob/main/docs/diagnostics.md#${code}`;
  let target = codeTargets.get(link);
  if (!target) codeTargets.set(link, (target = vscode.Uri.parse(link)));
  return { value: code, target };
}

/**
 * Team text for a MarkdownString, shown as written: Markdown and HTML characters are escaped. (VS Code's
 * appendText also turns spaces into &nbsp;, which keeps a long goal from wrapping in a hover.)
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}

/** A tooltip or hover from scope and note text: a bold title and paragraphs, escaped, never run as Markdown or HTML. */
export function teamMarkdown(title: string, ...paragraphs: Array<string | undefined>): vscode.MarkdownString {
  const text = [`**${escapeMarkdown(title)}**`, ...paragraphs.filter((p): p is string => !!p).map(escapeMarkdown)];
  return new vscode.MarkdownString(text.join('\n\n'));
}

/** A language-model tool's answer: text for the model. */
export function toToolResult(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}
