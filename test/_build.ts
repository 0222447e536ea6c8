// Tests run the compiled CLI (issue #14). `npm test` compiles it first (the
// pretest script); a test file run on its own after an edit to scripts/
// compiles it here, so no test runs JavaScript older than its sources. A lock
// directory keeps test processes started together from compiling at once.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Compiles scripts/ into dist/ when a source is newer than dist/cli.js. */
export function ensureBuilt(root: string): void {
  const built = () => statSync(join(root, "dist", "cli.js"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (newestMtime(join(root, "scripts")) <= built()) return;
  const lock = join(tmpdir(), `modelreg-build-${createHash("sha1").update(root).digest("hex").slice(0, 10)}.lock`);
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    if (newestMtime(join(root, "scripts")) > built()) {
      execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
