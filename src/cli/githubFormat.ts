import type { Severity } from '../core/notes/findings';
import { formatText, type CheckReport } from './checkReport';

/** GitHub Actions has three annotation levels; a hint is a notice too. */
const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * `check --format github`: one workflow command a finding (`::warning file=…,line=…,col=…,title=…::message`),
 * which GitHub shows as an annotation on the pull request's diff, then the text summary line.
 */
export function formatGithub(report: CheckReport, maxMissing: number): string {
  const lines = report.findings.map((f) => {
    const properties = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`competitor-scope ${f.code}`)}`];
    return `::${COMMANDS[f.severity]} ${properties.join(',')}::${escapeData(f.message)}`;
  });
  const text = formatText(report, maxMissing).trimEnd().split('\n');
  return `${[...lines, ...text.slice(-1)].join('\n')}\n`;
}

/** The escaping of a workflow command's message: a line break or `%` in a note's text cannot start a command. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also escapes the `:` and `,` that separate properties. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
