/** A mistake on the command line: printed as one line plus the usage, exit status 64 (EX_USAGE). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `copy` refused to run (a target that is not empty, the same database as the source): one line, exit status 1. */
export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError';
}

/** A refused webhooks command, said in one line (exit 64 like other input errors). */
export class WebhookCommandError extends Error {
  override name = 'WebhookCommandError';
}

/** An API command failed (an API error, no connection, rows that did not import): one line, exit status 1. */
export class CommandFailed extends Error {
  override name = 'CommandFailed';
}
