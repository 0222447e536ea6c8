// Shared test helpers: run the real CLI as a subprocess, make temp registries.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { schemaErrors } from "../scripts/lib/schema/schemas.ts";
import type { Kind, KindData } from "../scripts/lib/schema/types.ts";
import { ensureBuilt } from "./_build.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The CLI as the package ships it: bin/modelreg.mjs runs the compiled dist/cli.js. */
export const BIN = join(ROOT, "bin", "modelreg.mjs");
ensureBuilt(ROOT);
export const FIXTURES = join(ROOT, "test", "fixtures");
export const SHARED = join(ROOT, "..", "shared");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `modelreg ARGS` in a child process (cwd defaults to the repo root). */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: "1", ...opts.env },
    });
    // A hanging command fails its test instead of keeping the run alive.
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`modelreg ${args.join(" ")} did not finish within ${opts.timeoutMs ?? 120_000} ms`));
    }, opts.timeoutMs ?? 120_000);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(opts.input ?? "");
  });
}

const made: string[] = [];
// One exit listener for every temp dir (one each would trip Node's MaxListeners warning).
process.on("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when the test process exits. */
export function tempDir(prefix = "modelreg-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Writes files (path → content) under a directory, creating folders. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A copy of a fixture folder in a temp dir, so tests may change it freely. */
export function copyFixture(name: string): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, name), dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

/** A private cache directory so tests never share or pollute the user's cache. */
export function cacheEnv(): Record<string, string> {
  return { MODELREG_CACHE_DIR: tempDir("modelreg-cache-") };
}

function isRecordOf<K extends Kind>(kind: K, value: unknown): value is KindData[K] {
  return schemaErrors(kind, value).length === 0;
}

/** A record read back from a file, typed as its kind's: fails the test unless it matches that kind's schema. */
export function recordOf<K extends Kind>(kind: K, value: unknown, what: string): KindData[K] {
  assert.ok(isRecordOf(kind, value), `${what} is a valid ${kind} record: ${JSON.stringify(schemaErrors(kind, value))}`);
  return value;
}

/** A value the test needs to exist (what a `find` must hit): fails the test when it is missing. */
export function present<T>(value: T | null | undefined, what = "a value"): T {
  assert.ok(value !== undefined && value !== null, `expected ${what}, found ${value}`);
  return value;
}
