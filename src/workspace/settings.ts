import * as vscode from 'vscode';
import { DEFAULT_SEVERITIES, type FindingCode, type Severity } from '../core/notes/findings';

export const CONFIGURATION_SECTION = 'competitorScope';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** The severity of each code as the user set it (`competitorScope.severity`) for a resource; 'off' hides it. */
export function severities(resource: vscode.Uri | undefined): (code: FindingCode) => Severity | 'off' {
  const configured = vscode.workspace.getConfiguration(CONFIGURATION_SECTION, resource).get<Record<string, string>>('severity') ?? {};
  return (code) => {
    const value = configured[code];
    return value !== undefined && SEVERITIES.has(value) ? (value as Severity | 'off') : DEFAULT_SEVERITIES[code];
  };
}
