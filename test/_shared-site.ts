// One build of each site per test run (issue #14): several suites build the
// same registry with the same flags (the sample registry three times), each in
// its own process. The first to ask builds it; the others wait for it and get
// the same directory, which no suite writes into. The key covers everything the
// build reads — the compiled CLI, the site sources, the registry — so a run
// after an edit builds again.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SITES = join(tmpdir(), "modelreg-test-sites");
const STALE_MS = 3 * 60 * 60 * 1000;

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function removeStale(): void {
  for (const entry of readdirSync(SITES)) {
    const path = join(SITES, entry);
    if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** The output directory of `build(out)`, built once per key by whichever process asks first. */
export async function sharedBuild(root: string, args: string[], build: (out: string) => Promise<void>): Promise<string> {
  mkdirSync(SITES, { recursive: true });
  const inputs = [join(root, "dist"), join(root, "site"), join(root, "schemas"), ...args.filter((a) => a.startsWith("/"))].map(newestMtime);
  const key = createHash("sha1")
    .update(JSON.stringify([root, args, inputs]))
    .digest("hex")
    .slice(0, 16);
  const done = join(SITES, key);
  const lock = `${done}.lock`;
  for (;;) {
    if (statSync(done, { throwIfNoEntry: false })) return join(done, "out");
    try {
      mkdirSync(lock);
    } catch {
      // Another process is building it: wait for the result, or for the lock to be dropped after a failure
      // (or left behind by a process that was killed: no build takes 15 minutes).
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 15 * 60 * 1000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      removeStale();
      const staging = `${done}.building`;
      rmSync(staging, { recursive: true, force: true });
      await build(join(staging, "out"));
      renameSync(staging, done);
      return join(done, "out");
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
