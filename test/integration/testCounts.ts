/** What a suite inside VS Code hands to the runner outside it (see results.ts; test/web writes it through workspace.fs). */
export interface TestCounts {
  passed: number;
  failed: number;
  pending: number;
}

/** The counts' file, beside the run's copy of example/ (SessionDirs.root). */
export const resultsFileName = 'integration-results.json';
