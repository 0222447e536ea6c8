// Guarantees the code relies on but the type system cannot see (a worker's reply
// matches a batch in flight, every key looked up was put there first). A broken
// one is a bug, so it fails as an internal error: scripts/cli.ts prints the
// stack and a bug-report hint, never a message that blames the user's data.
// core/ imports nothing of ours outside core/.

/** `value`, or an internal error naming what should have been there. */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`internal: ${what} is missing`);
  return value;
}
