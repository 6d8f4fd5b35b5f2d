/** Marks a UsageError whichever bundle made it: dist/cli.js and dist/commands.js each hold a copy of the class. */
const USAGE_ERROR = Symbol.for('competitor-scope.usage-error');

/** A mistake on the command line: printed with a pointer to the help, exit code 2. */
export class UsageError extends Error {
  readonly [USAGE_ERROR] = true;

  /** Each mistake on a line of its own (several files refused at once), each printed as one line. */
  constructor(
    message: string,
    readonly lines: readonly string[] = [message],
  ) {
    super(message);
  }

  /** `error instanceof UsageError` holds for one thrown by the other bundle's copy too. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && USAGE_ERROR in value;
  }
}
