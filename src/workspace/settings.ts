import * as vscode from 'vscode';
import { DEFAULT_SEVERITIES, type FindingCode, type Severity } from '../core/notes/findings';

export const CONFIGURATION_SECTION = 'competitorScope';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/**
 * The severity of each code as the user set it (`competitorScope.severity`) for a resource; 'off' hides it. Unset,
 * a finding keeps its own (as the scope file's `severity:` sets it, else the finding's: `unsourced-answer` is a
 * warning where the scope requires evidence), else the code's default.
 */
export function severities(resource: vscode.Uri | undefined): (code: FindingCode, own?: Severity | 'off') => Severity | 'off' {
  // What the user set, at any level: the manifest's defaults would hide the scope file's severities.
  const set = vscode.workspace.getConfiguration(CONFIGURATION_SECTION, resource).inspect<Record<string, string>>('severity');
  const configured = { ...set?.globalValue, ...set?.workspaceValue, ...set?.workspaceFolderValue };
  return (code, own) => {
    const value = configured[code];
    return value !== undefined && SEVERITIES.has(value) ? (value as Severity | 'off') : (own ?? DEFAULT_SEVERITIES[code]);
  };
}
