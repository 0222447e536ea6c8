// Typed errors: commands throw these; only scripts/cli.ts, the one place that
// catches, turns them into output and exit codes. Anything else is an internal
// error (a bug). core/ imports nothing of ours: every other folder builds on it.

/** Exit codes shared by every command: 1 for bad data, 2 for a usage error, 3 for a bug. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

export class ModelregError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The data is wrong (bad registry file, unknown id, conflicting write): exit 1. */
export class DataError extends ModelregError {
  readonly exitCode = EXIT.invalid;
}

/** The command line or the environment is wrong (bad flag, missing directory, not a git repo): exit 2. */
export class UsageError extends ModelregError {
  readonly exitCode = EXIT.usage;
}
