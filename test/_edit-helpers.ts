// Helpers for the tests of the commands that edit files in place (update,
// promote): a private copy of the sample registry, and ways to see exactly
// what changed in it.
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type CliResult, cacheEnv, ROOT, runCli, tempDir } from "./_helpers.ts";

export const RESNET = "animal-image-classification/resnet50";
/** An unversioned resnet50 experiment whose tags end the file. */
export const BASELINE = "01kedfvaeg6h3a00jmbz0mkr9t";
export const experimentFile = (id: string, model = RESNET) => `registry/${model.replace("/", "/models/")}/experiments/${id}.yaml`;
export const modelFile = (model = RESNET) => `registry/${model.replace("/", "/models/")}/model.yaml`;

export interface Sample {
  root: string;
  env: Record<string, string>;
  read(file: string): string;
  write(file: string, text: string): void;
  /** Runs modelreg in the copy's folder, on its registry. */
  cli(args: string[], timeoutMs?: number): Promise<CliResult>;
  /** Every file under the copy's registry, path → content. */
  tree(): Record<string, string>;
}

export function sampleCopy(): Sample {
  const root = tempDir("modelreg-edit-");
  cpSync(join(ROOT, "registry"), join(root, "registry"), { recursive: true });
  // Locks of this copy live in the copy, so runs never wait on each other.
  const env = { ...cacheEnv(), MODELREG_LOCK_DIR: join(root, "locks") };
  return {
    root,
    env,
    read: (file) => readFileSync(join(root, file), "utf8"),
    write: (file, text) => writeFileSync(join(root, file), text),
    cli: (args, timeoutMs) => runCli([...args, "--registry", "registry"], { cwd: root, env, timeoutMs }),
    tree() {
      const out: Record<string, string> = {};
      for (const name of readdirSync(join(root, "registry"), { recursive: true }) as string[]) {
        const path = join(root, "registry", name);
        if (statSync(path).isFile()) out[name] = readFileSync(path, "utf8");
      }
      return out;
    },
  };
}

/** `modelreg validate` passes on the copy. */
export async function assertValid(s: Sample): Promise<void> {
  const r = await s.cli(["validate", "--no-cache"]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
}

/** Replaces exactly one occurrence of `find`: a test's expected text is the old text with a named edit. */
export function edit(text: string, find: string, replace: string): string {
  const at = text.indexOf(find);
  assert.ok(at !== -1 && text.indexOf(find, at + 1) === -1, `expected exactly one ${JSON.stringify(find)}`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}
