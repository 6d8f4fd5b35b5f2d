/** A finding's severity, as the editor and the command line show it. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** What the scope file's `severity:` (and the editor's setting) may give a code: a severity, or `off` to drop it. */
export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

/**
 * The finding codes whose severity the scope file sets: every code of core/notes/findings.ts but `invalid-scope`
 * (a scope file with a problem is not read, so it cannot lower its own). Listed here, below the notes, for the schema.
 */
export const SCOPE_SEVERITY_CODES = [
  'missing-axis',
  'unanswered-axis',
  'duplicate-axis',
  'unknown-product',
  'unknown-category',
  'unlinked-note',
  'axis-typo',
  'unsourced-answer',
  'stale-answer',
  'invalid-date',
  'unread-date',
  'invalid-front-matter',
  'unreadable-note',
  'no-note',
  'invalid-score',
  'unscored-answer',
  'unattributed-answer',
] as const;
export type ScopeSeverityCode = (typeof SCOPE_SEVERITY_CODES)[number];

/** The scope file's `severity:`, by code. */
export type ScopeSeverities = Readonly<Partial<Record<ScopeSeverityCode, SeveritySetting>>>;
