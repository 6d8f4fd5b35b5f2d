/** A mistake on the command line: printed with a pointer to the help, exit code 2. */
export class UsageError extends Error {
  /** Each mistake on a line of its own (several files refused at once), each printed as one line. */
  constructor(
    message: string,
    readonly lines: readonly string[] = [message],
  ) {
    super(message);
  }
}
