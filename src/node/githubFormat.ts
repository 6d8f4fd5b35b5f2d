import type { Severity } from '../core/notes/findings';
import { plainLines, printable } from '../core/printable';
import { summaryLine, type CheckReport, type Gate } from './checkReport';

/** GitHub Actions has three annotation levels; a hint is a notice too. */
const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * `check --format github`: one workflow command a finding (`::warning file=…,line=…,col=…,title=…::message`),
 * which GitHub shows as an annotation on the pull request's diff, then the text summary line.
 */
export function formatGithub(report: CheckReport, gate: Gate): string {
  const annotations = report.findings.map((f) =>
    annotation(COMMANDS[f.severity], { file: f.file, line: f.line, col: f.column, title: `competitor-scope ${f.code}` }, f.message),
  );
  return annotations.join('') + plainLines([summaryLine(report, gate)]);
}

/**
 * One workflow command, `::notice file=…,line=…,title=…::message` and its line break, every value escaped: the
 * properties given (a file without a line, or none, annotates the file or the run).
 */
export function annotation(
  command: string,
  properties: { readonly file?: string; readonly line?: number; readonly col?: number; readonly title: string },
  message: string,
): string {
  const fields = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${typeof value === 'number' ? value : escapeProperty(value)}`);
  return `::${command} ${fields.join(',')}::${escapeData(message)}\n`;
}

/**
 * A workflow command's message: printable() leaves no line break (GitHub's %0D and %0A) nor any other control
 * character, and GitHub's escaping of `%` keeps a `%` in a note's text a `%`.
 */
function escapeData(value: string): string {
  return printable(value).replace(/%/g, '%25');
}

/** A property value also escapes the `:` and `,` that separate properties. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
