/** A mistake on the command line: printed as one line plus the usage, exit status 64 (EX_USAGE). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An API command failed (an API error, no connection, rows that did not import): one line, exit status 1. */
export class CommandFailed extends Error {
  override name = 'CommandFailed';
}
