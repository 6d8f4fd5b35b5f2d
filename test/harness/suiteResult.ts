/** What one suite (unit or integration) came to. */
export interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  pending: number;
  /** Why the suite failed as a whole: a timeout, a crash, a run that could not start. */
  problem?: string;
}

/** A suite passes only when it ran at least one test, none failed and nothing else went wrong. */
export function suitePassed(result: SuiteResult): boolean {
  return !result.problem && result.failed === 0 && result.passed > 0;
}

export function describeSuite(result: SuiteResult): string {
  const counts = `${result.passed} passed, ${result.failed} failed, ${result.pending} pending`;
  const verdict = result.problem ?? (result.passed + result.failed === 0 ? 'no test ran' : undefined);
  return `${result.name} suite ${suitePassed(result) ? 'ok' : 'FAILED'}: ${counts}${verdict ? ` (${verdict})` : ''}`;
}

export function failedToRun(name: string, problem: string): SuiteResult {
  return { name, passed: 0, failed: 0, pending: 0, problem };
}
