// Advisory locks for concurrent writers on one machine (parallel training jobs
// finishing at once), with proper-lockfile: an atomic mkdir whose mtime the
// holder refreshes, so a lock left by a killed process goes stale after a few
// seconds and is broken instead of blocking forever. Lock directories live in
// the OS temp directory, never in the registry.

import { createHash } from "node:crypto";
import { mkdirSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lockfile from "proper-lockfile";
import { UsageError } from "../core/errors.ts";

/**
 * How long a lock may go without a refresh before it counts as abandoned. The
 * holder refreshes it from timers, which a long synchronous step (scanning a
 * big model's files for a version) delays: 10 s leaves room for that on a
 * loaded machine, and a killed holder still frees the lock within seconds.
 */
const STALE_MS = 10_000;

function lockPath(resource: string): string {
  const dir = process.env.MODELREG_LOCK_DIR ?? join(tmpdir(), "modelreg-locks");
  mkdirSync(dir, { recursive: true });
  return join(dir, `${createHash("sha256").update(resource).digest("hex").slice(0, 32)}.lock`);
}

/** Runs `fn` while holding the lock on `resource` (an existing file or directory). */
export async function withLock<T>(resource: string, fn: () => Promise<T> | T, timeoutMs = 60_000): Promise<T> {
  const real = realpathSync(resource);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(real, {
      lockfilePath: lockPath(real),
      realpath: false,
      stale: STALE_MS,
      retries: { retries: Math.ceil(timeoutMs / 100), minTimeout: 5, maxTimeout: 100, randomize: true, factor: 1.2 },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new UsageError(
        `another modelreg process held the lock on ${resource} for more than ${timeoutMs / 1000} s`,
        "E_LOCKED",
        "Wait for it to finish and run the command again.",
      );
    }
    throw err;
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}
